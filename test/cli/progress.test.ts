import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStream() {
  const writes: string[] = [];
  return { writes, stream: (s: string) => void writes.push(s) };
}

describe('createProgress', () => {
  it('draws a counter with the stage name and clears the line at the end', () => {
    const { writes, stream } = fakeStream();
    const p = createProgress(true, stream);
    p.listener({ stage: 'imports', done: 0, total: 400 });
    p.listener({ stage: 'imports', done: 400, total: 400 });
    p.done();
    expect(writes[0]).toMatch(/resolving imports 0\/400 \(0%/);
    expect(writes[1]).toMatch(/resolving imports 400\/400 \(100%/);
    expect(writes[writes.length - 1]).toBe('\r\x1b[2K');
  });

  it('writes nothing when disabled (not a terminal, or --quiet)', () => {
    const { writes, stream } = fakeStream();
    const p = createProgress(false, stream);
    p.listener({ stage: 'read', done: 1, total: 2 });
    p.done();
    expect(writes).toEqual([]);
  });
});
