/**
 * Writing reports: atomic, never through a link, a clear usage error (never an internal one) for a
 * file in the way, a special path or a full disk, and nothing half-written left behind.
 * The full disk is a real 64 KiB tmpfs (the tests run as root here and in CI).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/cli/write-reports.js';
import { checkOutputFolder } from '../../src/config/check-output-folder.js';
import { UsageError } from '../../src/model/usage-error.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-write-'));
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted) execFileSync('umount', [m]);
  fs.rmSync(base, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('replaces a link planted in the output folder instead of writing through it', () => {
    const victim = path.join(base, 'victim.md');
    fs.writeFileSync(victim, 'precious\n');
    const out = path.join(base, 'out-link');
    fs.mkdirSync(out);
    fs.symlinkSync(victim, path.join(out, 'report.md'));
    const written = writeReports(out, [{ name: 'report.md', content: '# report\n' }, { name: 'analysis.json', content: '{}\n' }]);
    expect(written).toEqual([path.join(out, 'report.md'), path.join(out, 'analysis.json')]);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.lstatSync(path.join(out, 'report.md')).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toBe('# report\n');
    expect(fs.readdirSync(out).sort()).toEqual(['analysis.json', 'report.md']);
  });

  it('answers a file in the way, a device and an impossible path with a usage error', () => {
    const file = path.join(base, 'a-file');
    fs.writeFileSync(file, 'x');
    const repo = path.join(base, 'repo');
    fs.mkdirSync(repo);
    expect(() => checkOutputFolder(file, repo)).toThrow(UsageError);
    expect(() => checkOutputFolder(file, repo)).toThrow(/is a file/);
    expect(() => checkOutputFolder(path.join(file, 'sub'), repo)).toThrow(/is not a folder/);
    expect(() => checkOutputFolder('/dev/full', repo)).toThrow(/not a folder/);
    expect(() => writeReports('/proc/self/msa-split-out', [{ name: 'a.md', content: 'x' }])).toThrow(UsageError);
    expect(() => checkOutputFolder(path.join(repo, 'reports'), repo)).toThrow(/inside the analyzed repository/);
  });

  it('on a full disk writes nothing, leaves no temporary file and keeps the old reports whole', () => {
    const disk = path.join(base, 'tiny');
    fs.mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
    mounted.push(disk);
    writeReports(disk, [{ name: 'analysis.json', content: 'old\n' }]);
    let error: unknown;
    try {
      writeReports(disk, [{ name: 'analysis.json', content: 'new\n' }, { name: 'report.html', content: 'x'.repeat(200_000) }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/no space left on the device \(ENOSPC\); nothing was written/);
    expect(fs.readdirSync(disk)).toEqual(['analysis.json']);
    expect(fs.readFileSync(path.join(disk, 'analysis.json'), 'utf8')).toBe('old\n');
  });
});
