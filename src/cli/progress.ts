/**
 * Progress on stderr: one line rewritten in place with the stage, a counter and files per second.
 * Silent when stderr is not a terminal or with --quiet, so logs and pipes stay clean.
 */
import type { ProgressListener } from '../model/progress.js';

export const STAGE_LABELS: Record<string, string> = {
  list: 'listing files',
  read: 'reading files',
  java: 'reading Java files',
  imports: 'resolving imports',
  symbols: 'resolving calls and inheritance',
  database: 'reading the database schema and queries',
  model: 'building the model',
  history: 'reading the git history',
  analyses: 'running the analyses',
  contexts: 'proposing contexts and the plan',
  reports: 'writing the reports',
};
const LABELS = STAGE_LABELS;

export interface Progress {
  listener: ProgressListener;
  done(): void;
}

export function createProgress(enabled: boolean, write: (text: string) => void = (text) => process.stderr.write(text)): Progress {
  if (!enabled) return { listener: () => {}, done: () => {} };
  const started = new Map<string, number>();
  let lastDraw = 0;
  let drawn = false;
  return {
    listener: ({ stage, done, total }) => {
      const now = Date.now();
      if (!started.has(stage)) started.set(stage, now);
      if (now - lastDraw < 100 && done !== total) return;
      lastDraw = now;
      const seconds = (now - started.get(stage)!) / 1000;
      const rate = seconds > 0 ? `, ${Math.round(done / seconds)} files/s` : '';
      const counter = total > 0 ? ` ${done}/${total} (${Math.floor((100 * done) / total)}%${rate})` : '';
      write(`\r\x1b[2K${LABELS[stage] ?? stage}${counter}`);
      drawn = true;
    },
    done: () => {
      if (drawn) write('\r\x1b[2K');
    },
  };
}
