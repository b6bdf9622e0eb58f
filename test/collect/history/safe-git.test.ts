/**
 * git without the repository's programs: for every git config key that can run a program, a real
 * repository sets it to a marker program; plain git running the triggering command proves the key is
 * live (the marker runs), and the same command through msa-split's git session runs nothing.
 * Also: the shadow git folder reads history from a subfolder, a linked work tree only when allowed,
 * and a git on a PATH entry inside the repository is never the one run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectHistory } from '../../../src/collect/history/collect-history.js';
import { findGit, GIT_HARDENING, openGitSession, type GitSession } from '../../../src/collect/history/safe-git.js';
import { addSignedCommit, gitRepo } from '../../hostile/cases.js';
import { treeChecksum } from '../../hostile/tree-checksum.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-safe-git-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
let n = 0;

/** A repository with history, a signed commit, a marker program and the file it writes when run. */
function setup(): { repo: string; marker: string; evil: string } {
  const dir = path.join(base, `case-${++n}`);
  const repo = path.join(dir, 'repo');
  gitRepo(repo, 3);
  addSignedCommit(repo);
  const marker = path.join(dir, 'ran');
  const evil = path.join(dir, 'evil.sh');
  fs.writeFileSync(evil, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nif [ -f "$1" ]; then cat "$1"; fi\nexit 0\n`, { mode: 0o755 });
  return { repo, marker, evil };
}

/** Plain git with the repository's own config honoured, as any git user runs it (on a terminal with `tty`). */
function plainGit(repo: string, args: string[], tty = false): void {
  const env = { PATH: process.env.PATH ?? '', HOME: repo, GIT_CONFIG_NOSYSTEM: '1' };
  try {
    // util-linux `script` gives git a pseudo-terminal: git pages only on a terminal.
    if (tty) execFileSync('script', ['-qc', ['git', ...args].join(' '), '/dev/null'], { cwd: repo, env, stdio: 'ignore', timeout: 20_000 });
    else execFileSync('git', args, { cwd: repo, env, stdio: 'ignore', timeout: 20_000 });
  } catch {
    // Some triggers fail after running the program (a fake signature does not verify): what matters is the marker.
  }
}

async function session(repo: string): Promise<GitSession> {
  const opened = await openGitSession(repo);
  if (!opened.ok) throw new Error(opened.note);
  return opened.session;
}

interface KeyCase {
  key: string;
  config: (evil: string) => string;
  trigger: string[];
  attributes?: string;
  tty?: boolean;
}

const KEYS: KeyCase[] = [
  { key: 'gpg.program', config: (e) => `[gpg]\n\tprogram = ${e}\n`, trigger: ['log', '--show-signature', '-1'] },
  { key: 'log.showSignature + gpg.program', config: (e) => `[gpg]\n\tprogram = ${e}\n[log]\n\tshowSignature = true\n`, trigger: ['log', '-1'] },
  { key: 'gpg.openpgp.program', config: (e) => `[gpg "openpgp"]\n\tprogram = ${e}\n`, trigger: ['log', '--show-signature', '-1'] },
  { key: 'core.fsmonitor', config: (e) => `[core]\n\tfsmonitor = ${e}\n`, trigger: ['status', '--porcelain'] },
  { key: 'diff.external', config: (e) => `[diff]\n\texternal = ${e}\n`, trigger: ['log', '-p', '--ext-diff', '-2'] },
  { key: 'diff.<driver>.textconv', config: (e) => `[diff "evil"]\n\ttextconv = ${e}\n`, trigger: ['log', '-p', '-3'], attributes: '*.ts diff=evil\n' },
  { key: 'core.pager', config: (e) => `[core]\n\tpager = ${e}\n`, trigger: ['log', '-1'], tty: true },
  { key: 'pager.<command>', config: (e) => `[pager]\n\tlog = ${e}\n`, trigger: ['log', '-1'], tty: true },
  { key: 'include.path', config: (e) => `[include]\n\tpath = ${path.join(path.dirname(e), 'evil.gitconfig')}\n`, trigger: ['log', '--show-signature', '-1'] },
  { key: 'includeIf.gitdir:', config: (e) => `[includeIf "gitdir:/"]\n\tpath = ${path.join(path.dirname(e), 'evil.gitconfig')}\n`, trigger: ['log', '--show-signature', '-1'] },
  { key: 'alias.<name> with !', config: (e) => `[alias]\n\thistory = !${e}\n`, trigger: ['history'] },
];

describe('git runs none of the repository\'s programs', () => {
  it('keeps every hardening key in one list, each with a forced value', () => {
    const keys = GIT_HARDENING.map(([k]) => k);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of ['core.fsmonitor', 'core.hooksPath', 'core.pager', 'diff.external', 'gpg.program', 'log.showSignature', 'core.sshCommand', 'credential.helper', 'protocol.allow']) expect(keys).toContain(key);
  });

  for (const k of KEYS) {
    it(`${k.key}: plain git runs the marker, msa-split's git does not`, async () => {
      const { repo, marker, evil } = setup();
      fs.writeFileSync(path.join(path.dirname(evil), 'evil.gitconfig'), `[gpg]\n\tprogram = ${evil}\n`);
      if (k.attributes) {
        fs.writeFileSync(path.join(repo, '.gitattributes'), k.attributes);
        execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@b.c', 'add', '-A'], { cwd: repo, env: { PATH: process.env.PATH ?? '', HOME: repo } });
        execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@b.c', 'commit', '-qm', 'attrs'], { cwd: repo, env: { PATH: process.env.PATH ?? '', HOME: repo } });
      }
      fs.appendFileSync(path.join(repo, '.git/config'), k.config(evil));
      plainGit(repo, k.trigger, k.tty);
      // The control: without hardening the key is live.
      expect(fs.existsSync(marker), `plain git ran ${k.key}'s program`).toBe(true);
      fs.rmSync(marker);
      const before = treeChecksum(repo);
      const git = await session(repo);
      try {
        await git.capture(k.trigger, { idleMs: 20_000 });
      } finally {
        git.close();
      }
      expect(fs.existsSync(marker), `msa-split's git ran ${k.key}'s program`).toBe(false);
      expect(treeChecksum(repo)).toBe(before);
    });
  }
});

describe('the shadow git folder', () => {
  it('reads the history of a subfolder, paths relative to it, and leaves no temporary folder behind', async () => {
    const { repo } = setup();
    // A temporary folder of this test's own: other test files reading histories in parallel create and
    // remove shadow folders in the shared one.
    const savedTmp = process.env.TMPDIR;
    const privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-test-tmp-'));
    process.env.TMPDIR = privateTmp;
    try {
      const h = await collectHistory(path.join(repo, 'src'), { includeMerges: false, churn: false, botPatterns: [] });
      expect(h.available).toBe(true);
      expect(new Set(h.commits.flatMap((c) => c.files.map((f) => f.path)))).toEqual(new Set(['kernel/money.ts', 'orders/order.ts', 'orders/signed.ts']));
      expect(os.tmpdir()).toBe(privateTmp);
      expect(fs.readdirSync(privateTmp)).toEqual([]);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      fs.rmSync(privateTmp, { recursive: true, force: true });
    }
  });

  it('follows a linked work tree outside the analyzed folder only when allowed, and says so otherwise', async () => {
    const { repo } = setup();
    const linked = path.join(path.dirname(repo), 'linked');
    execFileSync('git', ['worktree', 'add', '-q', linked], { cwd: repo, env: { PATH: process.env.PATH ?? '', HOME: repo } });
    const refused = await collectHistory(linked, { includeMerges: false, churn: false, botPatterns: [] });
    expect(refused.available).toBe(false);
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['git-dir-outside']);
    const allowed = await collectHistory(linked, { includeMerges: false, churn: false, botPatterns: [], allowOutsideGitDir: true });
    expect(allowed.available).toBe(true);
    expect(allowed.commits.length).toBe(4); // three plain commits and the signed one
  });

  it('never runs a git from a relative PATH entry or one inside the repository, run from inside it (npx puts node_modules/.bin first)', async () => {
    const { repo, marker } = setup();
    const bin = path.join(repo, 'node_modules', '.bin');
    fs.mkdirSync(bin, { recursive: true });
    for (const dir of [bin, repo]) fs.writeFileSync(path.join(dir, 'git'), `#!/bin/sh\necho ran >> '${marker}'\n`, { mode: 0o755 });
    const saved = { path: process.env.PATH, cwd: process.cwd() };
    try {
      process.chdir(repo);
      process.env.PATH = ['node_modules/.bin', '.', bin, saved.path].join(path.delimiter);
      const found = findGit(repo);
      expect(found).toBeDefined();
      expect(found!.startsWith(repo)).toBe(false);
      expect(path.isAbsolute(found!)).toBe(true);
      // The history is read with the system's git; the planted one never ran.
      const h = await collectHistory(repo, { includeMerges: false, churn: false, botPatterns: [], gitIdleMs: 10_000 });
      expect(h.available).toBe(true);
      expect(h.commits.length).toBeGreaterThan(0);
      expect(fs.existsSync(marker)).toBe(false);
    } finally {
      process.chdir(saved.cwd);
      process.env.PATH = saved.path;
    }
  });

  it('stops a git that prints nothing within its budget: a FIFO planted in the object store', async () => {
    const { repo } = setup();
    execFileSync('mkfifo', [path.join(repo, '.git/objects/info/commit-graph')]);
    const h = await collectHistory(repo, { includeMerges: false, churn: false, botPatterns: [], gitIdleMs: 500 });
    expect(h.available).toBe(false);
    expect(h.diagnostics.map((d) => d.code)).toContain('git-timeout');
  });
});
