/**
 * The one safe reader: regular files only, never outside the root, never more than the limit.
 * Real files, links, FIFOs and devices on the real file system.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile, readRepositoryFile } from '../../../src/collect/files/safe-read.js';
import { tempRepo } from '../../helpers/temp-repo.js';

describe('readRegularFile', () => {
  const root = fs.realpathSync(tempRepo({ 'a.txt': 'hello\n', 'big.txt': 'x'.repeat(10_000), 'sub/b.txt': 'b\n' }));
  const outside = path.join(path.dirname(root), 'secret.txt');
  fs.writeFileSync(outside, 'SECRET\n');
  fs.symlinkSync(outside, path.join(root, 'leak.txt'));
  fs.symlinkSync('sub/b.txt', path.join(root, 'inner-link.txt'));
  fs.symlinkSync('/dev/zero', path.join(root, 'zero.txt'));
  fs.symlinkSync('loop.txt', path.join(root, 'loop.txt'));
  execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);

  it('reads a regular file, and one behind a link that stays inside', () => {
    const a = readRepositoryFile(root, 'a.txt', 1024);
    expect(a.ok && a.buffer.toString()).toBe('hello\n');
    const b = readRepositoryFile(root, 'inner-link.txt', 1024);
    expect(b.ok && b.buffer.toString()).toBe('b\n');
    expect(b.ok && b.realPath).toBe(path.join(root, 'sub/b.txt'));
  });

  it('refuses a link leaving the root, naming where it leads and not what it holds', () => {
    const r = readRepositoryFile(root, 'leak.txt', 1024);
    expect(r).toMatchObject({ ok: false, refusal: 'outside-root' });
    expect(!r.ok && r.message).toContain(outside);
    expect(!r.ok && r.message).not.toContain('SECRET');
    // A path that climbs out is refused the same way.
    expect(readRepositoryFile(root, '../secret.txt', 1024)).toMatchObject({ ok: false, refusal: 'outside-root' });
  });

  it('refuses a FIFO at once instead of blocking, and a device', () => {
    expect(readRegularFile(path.join(root, 'pipe.txt'), { maxBytes: 1024 })).toMatchObject({ ok: false, refusal: 'not-a-regular-file' });
    expect(readRegularFile(path.join(root, 'zero.txt'), { maxBytes: 1024 })).toMatchObject({ ok: false, refusal: 'not-a-regular-file' });
    expect(readRepositoryFile(root, 'zero.txt', 1024)).toMatchObject({ ok: false, refusal: 'outside-root' });
  });

  it('refuses a file over the limit before reading it, a link loop and a missing file', () => {
    expect(readRepositoryFile(root, 'big.txt', 9_999)).toMatchObject({ ok: false, refusal: 'too-large' });
    expect(readRepositoryFile(root, 'big.txt', 10_000)).toMatchObject({ ok: true });
    expect(readRepositoryFile(root, 'loop.txt', 1024)).toMatchObject({ ok: false, refusal: 'symlink-loop' });
    expect(readRepositoryFile(root, 'nothing.txt', 1024)).toMatchObject({ ok: false, refusal: 'not-found' });
  });

  it('stops at the limit on a file whose size says nothing (procfs)', () => {
    const r = readRegularFile('/proc/self/status', { maxBytes: 16 });
    expect(r).toMatchObject({ ok: false, refusal: 'too-large' });
    const whole = readRegularFile('/proc/self/status', { maxBytes: 1024 * 1024 });
    expect(whole.ok && whole.buffer.toString()).toContain('Name:');
  });
});
