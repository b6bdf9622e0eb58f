/**
 * `--timings`: how long each stage of a run took, as a table on stderr (also without a terminal, so CI
 * logs show where the time goes). Input: the progress events (a stage starts when its first event
 * arrives) and a clock. Output: one row per stage in the order they started; a stage lasts until the
 * next one starts, the last one until `finish()`.
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

export function createStageTimer(now: () => number = () => performance.now()): StageTimer {
  const starts: { stage: string; at: number }[] = [];
  const begun = new Set<string>();
  const start = (stage: string) => {
    if (begun.has(stage)) return;
    begun.add(stage);
    starts.push({ stage, at: now() });
  };
  return {
    listener: ({ stage }) => start(stage),
    start,
    table: () => {
      const end = now();
      const rows = starts.map((s, i) => ({ label: STAGE_LABELS[s.stage] ?? s.stage, seconds: ((starts[i + 1]?.at ?? end) - s.at) / 1000 }));
      const total = rows.reduce((n, r) => n + r.seconds, 0);
      const width = Math.max(5, ...rows.map((r) => r.label.length));
      const line = (label: string, seconds: number) => `${label.padEnd(width)}  ${seconds.toFixed(2).padStart(8)} s  ${total > 0 ? `${Math.round((100 * seconds) / total)}%`.padStart(4) : ''}`;
      return [`${'stage'.padEnd(width)}  ${'time'.padStart(10)}  share`, ...rows.map((r) => line(r.label, r.seconds)), line('total', total)].join('\n') + '\n';
    },
  };
}
