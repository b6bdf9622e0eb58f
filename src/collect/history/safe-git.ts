/**
 * git without the repository's programs. The analyzed repository is untrusted: its `.git/config` (and
 * any file it includes) can name programs git would run (gpg.program with log.showSignature,
 * core.fsmonitor, diff.external, textconv and filter drivers, pagers, hooks, ssh and upload-pack
 * commands of a promisor remote, ...), and git would follow `include.path` to files anywhere.
 *
 * So git never reads the repository's configuration at all. Each analysis opens a *shadow* git folder
 * in the system's temporary folder: a config of our own (format version and object format copied from
 * the repository's config as parsed by `git config --no-includes`, nothing else), a copy of HEAD, and
 * links to the repository's refs, packed-refs and shallow file; objects are read through
 * GIT_OBJECT_DIRECTORY. The shadow is bare, so git reads no work-tree file either (.mailmap comes from
 * HEAD's blob, .gitattributes is never consulted). On top of that, every invocation runs
 *   - with a fixed, minimal environment (no system or global config, no pager, no prompts, no optional
 *     locks, no lazy fetches, no transport protocol allowed),
 *   - with the `-c` overrides of GIT_HARDENING (the list kept in this one place), and
 *   - with the `git` found on PATH entries that are absolute and outside the repository, resolved once,
 *   - under an inactivity budget: a git that prints nothing for that long is stopped (a FIFO planted in
 *     the object store, a stuck pack) and the caller gets a diagnostic.
 * Before opening the shadow, the repository's git files are checked (regular files, size limits, inside
 * the repository unless the user allowed a git folder outside it).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isInside } from '../../model/ids.js';
import type { Diagnostic } from '../../model/types.js';
import { readRegularFile } from '../files/safe-read.js';

/**
 * Every git config key that can run a program or change what git reads, with the value forced on the
 * command line (which outranks every config file). The shadow config already holds none of the
 * repository's keys; these keep it so should git ever read another file.
 */
export const GIT_HARDENING: ReadonlyArray<readonly [key: string, value: string]> = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['core.pager', 'cat'],
  ['pager.log', 'false'],
  ['pager.rev-list', 'false'],
  ['pager.config', 'false'],
  ['core.askPass', ''],
  ['core.sshCommand', ''],
  ['core.alternateRefsCommand', ''],
  ['core.attributesFile', '/dev/null'],
  ['core.editor', 'false'],
  ['sequence.editor', 'false'],
  ['credential.helper', ''],
  ['diff.external', ''],
  ['gpg.program', ''],
  ['gpg.openpgp.program', ''],
  ['gpg.x509.program', ''],
  ['gpg.ssh.program', ''],
  ['log.showSignature', 'false'],
  ['protocol.allow', 'never'],
  ['uploadpack.packObjectsHook', ''],
  ['fetch.fsckObjects', 'false'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['color.ui', 'false'],
  ['core.quotePath', 'false'],
  ['log.follow', 'false'],
  ['log.decorate', 'false'],
];

/** The fixed environment of every git process (nothing inherited but what is listed). */
function gitEnvironment(home: string, objects: string | undefined): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: home,
    LC_ALL: 'C',
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_SYSTEM: '/dev/null',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_NO_LAZY_FETCH: '1',
    GIT_ALLOW_PROTOCOL: '',
    GIT_PROTOCOL_FROM_USER: '0',
    ...(objects !== undefined ? { GIT_OBJECT_DIRECTORY: objects } : {}),
  };
}

/** The command-line part that applies GIT_HARDENING. */
export function hardeningArgs(): string[] {
  return ['--no-pager', ...GIT_HARDENING.flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

let gitBinary: { root: string; path: string | undefined } | undefined;

/**
 * The `git` program: `explicit` when the user named one, else the first executable `git` on PATH
 * entries that are absolute and lie outside `repoTop` (a relative entry, or the repository's own
 * node_modules/.bin that npx puts first, could otherwise run a `git` the repository ships).
 */
export function findGit(repoTop: string, explicit?: string): string | undefined {
  if (explicit !== undefined) return explicit;
  if (gitBinary && gitBinary.root === repoTop) return gitBinary.path;
  let found: string | undefined;
  for (const entry of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!entry || !path.isAbsolute(entry)) continue;
    let real: string;
    try {
      real = fs.realpathSync(entry);
    } catch {
      continue;
    }
    if (isInside(repoTop, real)) continue;
    const candidate = path.join(real, 'git');
    try {
      const st = fs.statSync(candidate);
      if (!st.isFile()) continue;
      fs.accessSync(candidate, fs.constants.X_OK);
    } catch {
      continue;
    }
    found = candidate;
    break;
  }
  gitBinary = { root: repoTop, path: found };
  return found;
}

export interface StreamResult {
  code: number;
  stderr: string;
  /** Set when git could not be started (not installed). */
  spawnError?: string;
  /** Set when git printed nothing for longer than the budget and was stopped. */
  timedOut?: boolean;
}

export interface RunOptions {
  input?: string;
  /** Stop git when it prints nothing for this long. */
  idleMs: number;
}

/** Spawns `git` with the fixed environment, streaming stdout chunks to `onChunk`. */
export function spawnGit(
  git: string | undefined,
  cwd: string,
  env: Record<string, string>,
  args: readonly string[],
  onChunk: (chunk: Buffer) => void,
  options: RunOptions,
): Promise<StreamResult> {
  return new Promise((resolve) => {
    if (git === undefined) return resolve({ code: -1, stderr: '', spawnError: 'ENOENT' });
    let stderr = '';
    let settled = false;
    let timedOut = false;
    const child = spawn(git, [...hardeningArgs(), ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.idleMs);
    };
    arm();
    child.on('error', (error) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      resolve({ code: -1, stderr, spawnError: (error as NodeJS.ErrnoException).code ?? error.message });
    });
    child.stdout.on('data', (chunk: Buffer) => {
      arm();
      onChunk(chunk);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += d.toString('utf8');
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      resolve({ code: code ?? -1, stderr, ...(timedOut ? { timedOut: true } : {}) });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Where a repository's git data lives, as found without asking git. */
export interface GitLocation {
  /** The work tree's top folder (holds `.git`). */
  top: string;
  /** The analysed folder relative to `top`, POSIX, '' at the top. */
  prefix: string;
  /** The git folder of this work tree (HEAD lives here). */
  gitDir: string;
  /** The folder holding refs, objects and config (differs from gitDir in linked work trees). */
  commonDir: string;
}

export type LocateResult = { ok: true; location: GitLocation; diagnostics: Diagnostic[] } | { ok: false; note: string; diagnostics: Diagnostic[] };

const SMALL = 64 * 1024;

/**
 * Finds the git folder for `root` (a real path) by walking up to the nearest `.git`, as git would, and
 * checks it: a `.git` file or link leading outside the work tree is followed only when `allowOutside`.
 */
export function locateRepository(root: string, allowOutside: boolean): LocateResult {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(dotGit);
    } catch {
      st = undefined;
    }
    if (st) return checkGitDir(root, dir, dotGit, st, allowOutside);
    if (path.dirname(dir) === dir) return { ok: false, note: 'not inside a git work tree: no history signal', diagnostics: [] };
  }
}

function checkGitDir(root: string, top: string, dotGit: string, st: fs.Stats, allowOutside: boolean): LocateResult {
  const refuse = (note: string, message: string): LocateResult => ({
    ok: false,
    note,
    diagnostics: [{ severity: 'warning', code: 'git-dir-outside', message }],
  });
  let gitDir: string;
  if (st.isFile()) {
    const read = readRegularFile(dotGit, { maxBytes: 4096 });
    const text = read.ok ? read.buffer.toString('utf8') : '';
    const named = text
      .split('\n')
      .find((l) => l.startsWith('gitdir:'))
      ?.slice('gitdir:'.length)
      .trim();
    if (!named) return { ok: false, note: 'the .git file does not name a git folder: no history signal', diagnostics: [{ severity: 'warning', code: 'unsafe-git-file', message: `.git is a file without a 'gitdir:' line${read.ok ? '' : ` (${read.message})`}`, file: path.relative(root, dotGit) || '.git' }] };
    gitDir = path.resolve(top, named);
  } else if (st.isSymbolicLink() || st.isDirectory()) {
    gitDir = dotGit;
  } else {
    return { ok: false, note: '.git is neither a folder nor a file: no history signal', diagnostics: [{ severity: 'warning', code: 'unsafe-git-file', message: '.git is not a regular file or folder; not read' }] };
  }
  try {
    gitDir = fs.realpathSync(gitDir);
  } catch {
    return { ok: false, note: `the git folder ${gitDir} does not exist: no history signal`, diagnostics: [] };
  }
  if (!isInside(top, gitDir) && !allowOutside) {
    return refuse(
      'the git folder lies outside the repository: no history signal',
      `.git leads to ${gitDir}, outside the analyzed repository; history left out (a linked work tree or submodule? pass --allow-outside-git-dir to read it)`,
    );
  }
  let commonDir = gitDir;
  const common = readRegularFile(path.join(gitDir, 'commondir'), { maxBytes: 4096 });
  if (common.ok) {
    try {
      commonDir = fs.realpathSync(path.resolve(gitDir, common.buffer.toString('utf8').trim()));
    } catch {
      return { ok: false, note: 'the git folder names a common folder that does not exist: no history signal', diagnostics: [] };
    }
    if (!isInside(top, commonDir) && !allowOutside) {
      return refuse('the git folder lies outside the repository: no history signal', `this work tree's git data lives in ${commonDir}, outside the analyzed repository; history left out (pass --allow-outside-git-dir to read it)`);
    }
  }
  const rel = path.relative(top, root);
  return { ok: true, location: { top, prefix: rel.split(path.sep).join('/'), gitDir, commonDir }, diagnostics: [] };
}

/** An open shadow git folder; run() executes git against it; close() removes it. */
export interface GitSession {
  readonly location: GitLocation;
  readonly diagnostics: Diagnostic[];
  run(args: readonly string[], onChunk: (chunk: Buffer) => void, options: RunOptions): Promise<StreamResult>;
  /** Buffers a small command's output. */
  capture(args: readonly string[], options: RunOptions): Promise<StreamResult & { stdout: string }>;
  close(): void;
}

export type OpenResult = { ok: true; session: GitSession } | { ok: false; note: string; diagnostics: Diagnostic[]; gitMissing?: boolean };

export interface OpenOptions {
  /** Follow a .git file or link to a git folder outside the work tree. */
  allowOutsideGitDir?: boolean;
  /** The git program to use instead of the one found on PATH. */
  git?: string;
}

/** Opens the repository that holds `root` (a real path) through a shadow git folder. */
export async function openGitSession(root: string, options: OpenOptions = {}): Promise<OpenResult> {
  const located = locateRepository(root, options.allowOutsideGitDir === true);
  // git is looked for first: "install git" is the more useful message when both are missing.
  const git = findGit(located.ok ? located.location.top : root, options.git);
  if (git === undefined) {
    return { ok: false, gitMissing: true, note: 'git is not installed or not on PATH: no history signal', diagnostics: [{ severity: 'warning', code: 'git-not-found', message: 'cannot run git (not found on the absolute PATH entries outside the repository); install git to get the history signal' }] };
  }
  if (!located.ok) return located;
  const { location } = located;
  const diagnostics: Diagnostic[] = [...located.diagnostics];
  const allowed = (p: string) => isInside(location.top, p) || options.allowOutsideGitDir === true;
  const unsafe = (file: string, why: string, consequence = 'left out of the history stage'): Diagnostic => ({ severity: 'warning', code: 'unsafe-git-file', message: `${file}: ${why}; ${consequence}` });
  const rel = (p: string) => path.relative(location.top, p) || '.';

  const head = readRegularFile(path.join(location.gitDir, 'HEAD'), { maxBytes: 4096, ...(options.allowOutsideGitDir ? {} : { within: location.top }) });
  if (!head.ok) return { ok: false, note: 'HEAD cannot be read safely: no history signal', diagnostics: [...diagnostics, unsafe(rel(path.join(location.gitDir, 'HEAD')), head.message)] };
  const headText = head.buffer.toString('utf8').trim();
  if (!/^(ref: refs\/[^\s]+|[0-9a-f]{40}|[0-9a-f]{64})$/.test(headText)) {
    return { ok: false, note: 'HEAD is not a ref or a commit id: no history signal', diagnostics: [...diagnostics, unsafe(rel(path.join(location.gitDir, 'HEAD')), 'not a ref or commit id')] };
  }
  const refs = path.join(location.commonDir, 'refs');
  const objects = path.join(location.commonDir, 'objects');
  for (const folder of [refs, objects]) {
    let real: string;
    try {
      real = fs.realpathSync(folder);
    } catch {
      return { ok: false, note: `the git folder has no ${path.basename(folder)}: no history signal`, diagnostics };
    }
    if (!fs.statSync(real).isDirectory() || !allowed(real)) {
      return { ok: false, note: `the git folder's ${path.basename(folder)} is not a folder inside the repository: no history signal`, diagnostics: [...diagnostics, unsafe(rel(folder), 'not a folder inside the repository')] };
    }
  }
  const alternates = readRegularFile(path.join(objects, 'info', 'alternates'), { maxBytes: SMALL });
  if (alternates.ok) {
    const outside = alternates.buffer
      .toString('utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => path.resolve(objects, l))
      .filter((p) => !allowed(p));
    if (outside.length > 0) {
      return { ok: false, note: 'the repository borrows objects from outside it: no history signal', diagnostics: [...diagnostics, { severity: 'warning', code: 'git-dir-outside', message: `objects/info/alternates borrows objects from ${outside.join(', ')}, outside the analyzed repository; history left out (pass --allow-outside-git-dir to read them)` }] };
    }
  } else if (alternates.refusal !== 'not-found') {
    return { ok: false, note: 'objects/info/alternates cannot be read safely: no history signal', diagnostics: [...diagnostics, unsafe(rel(path.join(objects, 'info', 'alternates')), alternates.message)] };
  }

  const shadow = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-git-'));
  const env = gitEnvironment(shadow, fs.realpathSync(objects));
  try {
    fs.writeFileSync(path.join(shadow, 'HEAD'), `${headText}\n`);
    fs.symlinkSync(fs.realpathSync(refs), path.join(shadow, 'refs'));
    for (const name of ['packed-refs', 'shallow']) {
      const file = path.join(location.commonDir, name);
      if (!fs.existsSync(file) && !isLink(file)) continue;
      const check = readRegularFile(file, { maxBytes: 256 * 1024 * 1024, ...(options.allowOutsideGitDir ? {} : { within: location.top }) });
      if (check.ok) fs.symlinkSync(check.realPath, path.join(shadow, name));
      else diagnostics.push(unsafe(rel(file), check.message));
    }
    fs.writeFileSync(path.join(shadow, 'config'), shadowConfig(0, undefined));
  } catch (error) {
    fs.rmSync(shadow, { recursive: true, force: true });
    throw error;
  }

  const session: GitSession = {
    location,
    diagnostics,
    run: (args, onChunk, runOptions) => spawnGit(git, shadow, env, ['--git-dir=' + shadow, ...args], onChunk, runOptions),
    capture: async (args, runOptions) => {
      const chunks: Buffer[] = [];
      const r = await session.run(args, (c) => chunks.push(c), runOptions);
      return { ...r, stdout: Buffer.concat(chunks).toString('utf8') };
    },
    close: () => fs.rmSync(shadow, { recursive: true, force: true }),
  };

  // The repository's own config tells only the format: version and object format, parsed by git itself
  // from a copy, with includes off.
  const configFile = path.join(location.commonDir, 'config');
  if (fs.existsSync(configFile) || isLink(configFile)) {
    const config = readRegularFile(configFile, { maxBytes: 1024 * 1024, ...(options.allowOutsideGitDir ? {} : { within: location.top }) });
    if (!config.ok) diagnostics.push(unsafe(rel(configFile), config.message, 'read with the default repository format'));
    else {
      const copy = path.join(shadow, 'repository-config');
      fs.writeFileSync(copy, config.buffer);
      const listed = await session.capture(['config', '--file', copy, '--no-includes', '-z', '--list'], { idleMs: 10_000 });
      fs.rmSync(copy, { force: true });
      if (listed.code !== 0) {
        diagnostics.push({ severity: 'warning', code: 'unsafe-git-file', message: `${rel(configFile)} cannot be parsed by git (${firstLine(listed.stderr)}); read with the default repository format` });
      } else {
        const values = new Map<string, string>();
        for (const entry of listed.stdout.split('\0')) {
          const nl = entry.indexOf('\n');
          if (nl > 0) values.set(entry.slice(0, nl).toLowerCase(), entry.slice(nl + 1));
        }
        const version = Number(values.get('core.repositoryformatversion') ?? '0');
        fs.writeFileSync(path.join(shadow, 'config'), shadowConfig(Number.isInteger(version) && version >= 0 && version <= 1 ? version : 0, values.get('extensions.objectformat')));
      }
    }
  }
  return { ok: true, session };
}

function shadowConfig(version: number, objectFormat: string | undefined): string {
  const format = objectFormat && /^[a-z0-9]+$/.test(objectFormat) ? `[extensions]\n\tobjectformat = ${objectFormat}\n` : '';
  return `[core]\n\trepositoryformatversion = ${format ? 1 : version}\n\tbare = true\n${format}`;
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim()) ?? 'unknown error').trim().slice(0, 200);
}
