/**
 * The real binary, spawned as a user runs it: start-up, exit codes through the process, colour and
 * the environment (PATH without git). Everything else is tested in-process (cli-commands.test.ts).
 * Needs `npm run build`, which `npm test` does first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, snapshotTree, tempRepo } from '../helpers/temp-repo.js';

const BIN = fileURLToPath(new URL('../../bin/msa-split.js', import.meta.url));
const SHOP = path.join(FIXTURES, 'shop-monolith');

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(fileURLToPath(new URL('../../dist/cli/run-cli.js', import.meta.url)))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  }
});

describe('msa-split binary', () => {
  it('prints its version, and exits 2 for an unknown command', () => {
    const pkg = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const cmd = run(['analyse']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command 'analyse'/);
  });

  it('analyzes the shop with colour only when forced, writes reports, and never writes into the repository', () => {
    const before = snapshotTree(SHOP);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-out-'));
    const r = run(['analyze', SHOP, '--no-history', '--runs', '3', '--out', out, '--format', 'json,md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ files, \d+ modules/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    // The split checks in two lines (no history: no change smells).
    expect(r.stdout).toMatch(/\n {2}tests: 4 files guard \d+ of \d+ contexts; \d+ boundary calls no test reaches\n {2}\d+ shared concepts, \d+ synonyms; size: \d+ big, \d+ small\n/);
    // Not a terminal: one line per stage with its duration, then the total (--quiet silences them).
    expect(r.stderr).toMatch(/^(msa-split: [a-z][^:\n]*: \d+\.\d\d s( \([^)\n]+\))?\n)+$/);
    expect(r.stderr).toMatch(/: writing the reports: .*\(2 formats\)\nmsa-split: total: /);
    expect(fs.readdirSync(out).sort()).toEqual(['analysis.json', 'report.md']);
    expect(snapshotTree(SHOP)).toEqual(before);
    expect(run(['analyze', SHOP, '--no-history', '--no-symbols', '--runs', '2'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
  });

  it('refuses an output folder inside the analyzed repository, given relative to the working folder', () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    const before = snapshotTree(repo);
    const r = run(['analyze', '.', '--out', 'report'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is inside the analyzed repository');
    expect(snapshotTree(repo)).toEqual(before);
  });

  it('reports a missing git as a diagnostic and analyzes the rest', () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    const r = run(['analyze', repo, '--no-symbols', '--verbose'], { env: { PATH: path.join(repo, 'no-bin') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no history: git is not installed or not on PATH');
    expect(r.stdout).toContain('git-not-found');
  });
});
