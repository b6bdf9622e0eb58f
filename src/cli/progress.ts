/**
 * Progress on stderr. On a terminal: one line rewritten in place with the time since the start, the
 * stage, a counter and files per second. Not on a terminal (CI logs, pipes): one plain line per stage
 * when it ends, with its duration and what it counted, then the total. Nothing with --quiet.
 * A stage starts with its first event and ends when the next stage starts.
 */
import type { ProgressListener } from '../model/progress.js';

export const STAGE_LABELS: Record<string, string> = {
  list: 'listing files',
  read: 'reading files',
  java: 'reading Java files',
  imports: 'resolving imports',
  program: 'building the TypeScript program',
  symbols: 'resolving calls and inheritance',
  database: 'reading the database schema and queries',
  model: 'building the model',
  history: 'reading the git history',
  analyses: 'running the analyses',
  kernel: 'choosing the shared kernel and set-asides',
  clustering: 'clustering (seeded runs)',
  scores: 'scoring and explaining the contexts',
  plan: 'planning the migration (every level)',
  checks: 'split checks (tests, change smells, language, size, rewrite)',
  reports: 'writing the reports',
};
const LABELS = STAGE_LABELS;

export type ProgressMode = 'terminal' | 'lines' | 'off';

/** Terminal: redrawn line; otherwise one line per stage; --quiet: nothing. */
export function progressMode(quiet: boolean, stderrIsTTY: boolean): ProgressMode {
  if (quiet) return 'off';
  return stderrIsTTY ? 'terminal' : 'lines';
}

export interface Progress {
  listener: ProgressListener;
  /** Ends the last stage (and prints the total when not on a terminal). */
  done(): void;
}

export function createProgress(mode: ProgressMode, write: (text: string) => void = (text) => process.stderr.write(text), now: () => number = () => performance.now()): Progress {
  if (mode === 'off') return { listener: () => {}, done: () => {} };
  const began = now();
  let current: { stage: string; at: number; counted: string } | undefined;
  let lastDraw = -Infinity;
  let drawn = false;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const closeStage = (at: number) => {
    if (mode === 'lines' && current) write(`msa-split: ${LABELS[current.stage] ?? current.stage}: ${seconds(at - current.at)}${current.counted ? ` (${current.counted})` : ''}\n`);
  };
  return {
    listener: ({ stage, done, total, detail }) => {
      const at = now();
      const fresh = current?.stage !== stage;
      if (fresh || !current) {
        closeStage(at);
        current = { stage, at, counted: '' };
      }
      const counted = detail ?? (total > 0 ? `${done}/${total}` : '');
      if (counted) current.counted = counted;
      if (mode !== 'terminal' || (at - lastDraw < 100 && done !== total && !fresh)) return;
      lastDraw = at;
      const stageSeconds = (at - current.at) / 1000;
      const rate = total > 0 && stageSeconds > 0 ? `, ${Math.round(done / stageSeconds)} files/s` : '';
      const counter = total > 0 ? ` ${done}/${total} (${Math.floor((100 * done) / total)}%${rate})` : '';
      write(`\r\x1b[2K[${((at - began) / 1000).toFixed(1)} s] ${LABELS[stage] ?? stage}${counter}${detail ? ` · ${detail}` : ''}`);
      drawn = true;
    },
    done: () => {
      const at = now();
      closeStage(at);
      current = undefined;
      if (mode === 'lines') write(`msa-split: total: ${seconds(at - began)}\n`);
      else if (drawn) write('\r\x1b[2K');
    },
  };
}
