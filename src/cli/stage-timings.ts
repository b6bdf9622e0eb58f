/**
 * `--timings`: how long each stage of a run took, as a table on stderr (also without a terminal, so CI
 * logs show where the time goes). Input: the progress events (a stage starts when its first event
 * arrives), a clock and the process's resident memory. Output: one row per stage in the order they
 * started, with its duration (until the next stage starts, the last one until `table()`) and its peak
 * resident memory (the largest of the samples taken at its progress events and at its ends).
 */
import type { ProgressListener } from '../model/progress.js';
import { STAGE_LABELS } from './progress.js';

export interface StageTimer {
  listener: ProgressListener;
  /** Marks a stage the CLI itself runs (writing the reports). */
  start(stage: string): void;
  /** The table, closing the last stage now. */
  table(): string;
}

export function createStageTimer(now: () => number = () => performance.now(), rss: () => number = () => process.memoryUsage.rss()): StageTimer {
  const starts: { stage: string; at: number; peak: number }[] = [];
  const begun = new Set<string>();
  // Memory is sampled at every progress event: the peak of a stage is the largest sample in it.
  const sample = () => {
    const last = starts[starts.length - 1];
    if (last) last.peak = Math.max(last.peak, rss());
  };
  const start = (stage: string) => {
    sample();
    if (begun.has(stage)) return;
    begun.add(stage);
    starts.push({ stage, at: now(), peak: rss() });
  };
  return {
    listener: ({ stage }) => start(stage),
    start,
    table: () => {
      sample();
      const end = now();
      const rows = starts.map((s, i) => ({ label: STAGE_LABELS[s.stage] ?? s.stage, seconds: ((starts[i + 1]?.at ?? end) - s.at) / 1000, peak: s.peak }));
      const total = rows.reduce((n, r) => n + r.seconds, 0);
      const overall = rows.reduce((n, r) => Math.max(n, r.peak), 0);
      const width = Math.max(5, ...rows.map((r) => r.label.length));
      const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`.padStart(9);
      const line = (label: string, seconds: number, peak: number) =>
        `${label.padEnd(width)}  ${seconds.toFixed(2).padStart(8)} s  ${total > 0 ? `${Math.round((100 * seconds) / total)}%`.padStart(4) : ''}  ${mb(peak)}`;
      return [`${'stage'.padEnd(width)}  ${'time'.padStart(10)}  share  peak RSS`, ...rows.map((r) => line(r.label, r.seconds, r.peak)), line('total', total, overall)].join('\n') + '\n';
    },
  };
}
