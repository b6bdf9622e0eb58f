import { describe, expect, it } from 'vitest';
import { createProgress, progressMode } from '../../src/cli/progress.js';

function fakeStream() {
  const writes: string[] = [];
  return { writes, stream: (s: string) => void writes.push(s) };
}

describe('createProgress', () => {
  it('on a terminal: redraws one line with the elapsed time, stage and counter, and clears it at the end', () => {
    const { writes, stream } = fakeStream();
    let clock = 0;
    const p = createProgress('terminal', stream, () => clock);
    p.listener({ stage: 'imports', done: 0, total: 400 });
    clock = 1500;
    p.listener({ stage: 'imports', done: 400, total: 400 });
    p.listener({ stage: 'history', done: 1000, total: 0, detail: '1000 commits' });
    p.done();
    expect(writes[0]).toMatch(/^\r\x1b\[2K\[0\.0 s\] resolving imports 0\/400 \(0%/);
    expect(writes[1]).toMatch(/\[1\.5 s\] resolving imports 400\/400 \(100%, 267 files\/s\)/);
    // A new stage is drawn at once, even within 100 ms of the last drawing.
    expect(writes[2]).toMatch(/\[1\.5 s\] reading the git history · 1000 commits$/);
    expect(writes[writes.length - 1]).toBe('\r\x1b[2K');
  });

  it('not on a terminal: one plain line per stage when it ends, with its duration and count, then the total', () => {
    const { writes, stream } = fakeStream();
    let clock = 0;
    const p = createProgress('lines', stream, () => clock);
    p.listener({ stage: 'list', done: 0, total: 0 });
    clock = 250;
    p.listener({ stage: 'database', done: 500, total: 2000, detail: '480 statements parsed' });
    clock = 900;
    p.listener({ stage: 'database', done: 2000, total: 2000, detail: '1900 statements parsed' });
    clock = 1000;
    p.listener({ stage: 'clustering', done: 20, total: 20 });
    clock = 3000;
    p.done();
    expect(writes.join('')).toBe(
      [
        'msa-split: listing files: 0.25 s',
        'msa-split: reading the database schema and queries: 0.75 s (1900 statements parsed)',
        'msa-split: clustering (seeded runs): 2.00 s (20/20)',
        'msa-split: total: 3.00 s',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing with --quiet; terminal or lines by stderr', () => {
    const { writes, stream } = fakeStream();
    const p = createProgress(progressMode(true, true), stream);
    p.listener({ stage: 'read', done: 1, total: 2 });
    p.done();
    expect(writes).toEqual([]);
    expect(progressMode(false, true)).toBe('terminal');
    expect(progressMode(false, false)).toBe('lines');
  });
});
