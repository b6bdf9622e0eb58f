/**
 * The files changed since a revision (`msa-split check --since REV`).
 * Input: the analysed folder, the revision as given, the file listing. Output: the commit the revision
 * names and the listed paths that differ from it, sorted; or why it cannot say (a usage problem).
 * How: committed changes are `git diff-tree $(git merge-base REV HEAD) HEAD` (what this branch changed
 * since it left REV; REV itself when it is an ancestor) through the shadow git folder (safe-git.ts: the
 * repository's config, hooks and attributes are never read); the work tree is compared with HEAD here,
 * not by git (the shadow has no work tree, on purpose), the way git does it: a listed file HEAD does
 * not hold has changed; one whose stat data (size, mtime, ctime, inode) is what git's index recorded
 * with HEAD's blob id, and was not modified in the same instant the index was written ("racy"), has
 * not; any other is hashed (git's blob id: "blob <size>\0<content>") and compared with HEAD's. A fresh
 * clone or checkout hashes nothing. A work tree git converts on checkout (CRLF) differs everywhere: the
 * check then covers everything, slower, never wrong. Deleted files are not listed and need no check.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileListing } from '../files/list-files.js';
import { readRegularFile } from '../files/safe-read.js';
import { readGitIndex, type IndexEntry } from './read-git-index.js';
import { firstLine, openGitSession, type GitSession } from './safe-git.js';

/** The largest index file read (a repository of a million files has one of ~100 MB). */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

export type ChangedFiles = { ok: true; commit: string; files: string[]; committed: number; uncommitted: number } | { ok: false; message: string };

export interface ChangedOptions {
  git?: string;
  allowOutsideGitDir?: boolean;
  idleMs: number;
  /** Files larger than this are taken as changed without reading them. */
  maxFileBytes: number;
}

/** A revision as git reads it, without options or control characters (the pattern is linear). */
const REVISION = /^[^\s\-\u0000-\u001f\u007f][^\s\u0000-\u001f\u007f]{0,255}$/;

export function isRevisionText(rev: string): boolean {
  return REVISION.test(rev);
}

/**
 * Starts git at once (its answers come while the caller loads code and lists files) and finishes
 * with the listing. `close()` ends the git session whether or not `finish` ran.
 */
export interface PendingChanges {
  finish(listing: FileListing): Promise<ChangedFiles>;
  close(): Promise<void>;
}

type Started = { ok: false; message: string } | { ok: true; git: GitSession; parsed: Promise<Captured>; diff: Promise<Captured>; tree: Promise<Captured> };
type Captured = Awaited<ReturnType<GitSession['capture']>>;

export function changesSince(root: string, rev: string, options: ChangedOptions): PendingChanges {
  const started: Promise<Started> = (async () => {
    if (!isRevisionText(rev)) return { ok: false, message: `--since ${JSON.stringify(rev)} is not a revision (a commit, branch, tag or HEAD~N; no spaces, not starting with -)` };
    const opened = await openGitSession(root, { ...(options.allowOutsideGitDir ? { allowOutsideGitDir: true } : {}), ...(options.git ? { git: options.git } : {}) });
    if (!opened.ok) return { ok: false, message: `--since needs the repository's git history: ${opened.note}${opened.diagnostics.length ? ` (${opened.diagnostics.map((d) => d.message).join('; ')})` : ''}` };
    const git = opened.session;
    const budget = { idleMs: options.idleMs };
    const prefix = git.location.prefix;
    // What this branch changed: from where it left the revision (a branch that moved on since, like
    // origin/main, brings none of its own changes into the check).
    const base = git.capture(['merge-base', '--end-of-options', `${rev}^{commit}`, 'HEAD'], budget);
    return {
      ok: true,
      git,
      parsed: git.capture(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], budget),
      diff: base.then((b) =>
        b.code !== 0
          ? b
          : git.capture(['diff-tree', '-r', '-z', '--name-only', '--no-renames', '--no-ext-diff', '--no-textconv', ...(prefix ? [`--relative=${prefix}`] : []), '--end-of-options', b.stdout.trim(), 'HEAD'], budget),
      ),
      tree: git.capture(['ls-tree', '-r', '-z', '-l', '--end-of-options', prefix ? `HEAD:${prefix}` : 'HEAD'], budget),
    };
  })();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    const s = await started;
    if (s.ok) {
      // The commands may still run (a caller that stopped early): wait for them before the shadow goes.
      await Promise.allSettled([s.parsed, s.diff, s.tree]);
      s.git.close();
    }
  };
  return {
    close,
    async finish(listing) {
      const s = await started;
      if (!s.ok) return s;
      const [parsed, diff, tree] = await Promise.all([s.parsed, s.diff, s.tree]);
      const commit = parsed.stdout.trim();
      if (parsed.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) {
        return { ok: false, message: `--since ${rev}: not a commit of this repository${parsed.timedOut ? ' (git stopped answering)' : ''}; a shallow clone may hold too few commits (fetch more history, e.g. actions/checkout with fetch-depth: 0)` };
      }
      if (diff.code !== 0) return { ok: false, message: `--since ${rev}: git cannot compare it with HEAD (${firstLine(diff.stderr) || (diff.timedOut ? 'git stopped answering' : `no common history with HEAD, exit ${diff.code}`)})` };
      const committed = new Set(diff.stdout.split('\0').filter(Boolean));
      const uncommitted = differingFromHead(s.git, tree, root, listing, options);
      const listed = new Set(listing.files.map((f) => f.path));
      const files = [...new Set([...committed].filter((f) => listed.has(f)).concat(uncommitted))].sort();
      return { ok: true, commit, files, committed: committed.size, uncommitted: uncommitted.length };
    },
  };
}

/** The files changed since `rev`, in one call. */
export async function changedSince(root: string, rev: string, listing: FileListing, options: ChangedOptions): Promise<ChangedFiles> {
  const pending = changesSince(root, rev, options);
  try {
    return await pending.finish(listing);
  } finally {
    await pending.close();
  }
}

/** Listed files whose content is not HEAD's: new, or another blob. */
function differingFromHead(git: GitSession, tree: Captured, root: string, listing: FileListing, options: ChangedOptions): string[] {
  const { prefix } = git.location;
  const head = new Map<string, { id: string; size: number }>();
  if (tree.code === 0) {
    for (const entry of tree.stdout.split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [mode, type, id, size] = entry.slice(0, tab).split(/ +/);
      // Regular files only: links and submodules are never read as code.
      if (type === 'blob' && (mode === '100644' || mode === '100755') && id && size) head.set(entry.slice(tab + 1), { id, size: Number(size) });
    }
  }
  const sha256 = [...head.values()][0]?.id.length === 64;
  const index = readIndex(git, options, sha256);
  const out: string[] = [];
  for (const f of listing.files) {
    const known = head.get(f.path);
    if (!known || known.size !== f.bytes || f.bytes > options.maxFileBytes) {
      out.push(f.path);
      continue;
    }
    const recorded = index?.entries.get(prefix ? `${prefix}/${f.path}` : f.path);
    if (recorded && recorded.id === known.id && f.stat && sameStat(recorded, f.stat, index!.writtenMs)) continue;
    const read = readRegularFile(f.absolutePath, { maxBytes: options.maxFileBytes, within: root, resolved: true });
    if (!read.ok || blobId(read.buffer, sha256 ? 'sha256' : 'sha1') !== known.id) out.push(f.path);
  }
  return out;
}

/** The work tree's index with the time it was written, or undefined (then every file is hashed). */
function readIndex(git: GitSession, options: ChangedOptions, sha256: boolean): { entries: Map<string, IndexEntry>; writtenMs: number } | undefined {
  const file = path.join(git.location.gitDir, 'index');
  const read = readRegularFile(file, { maxBytes: MAX_INDEX_BYTES, ...(options.allowOutsideGitDir ? {} : { within: git.location.top }) });
  if (!read.ok) return undefined;
  const parsed = readGitIndex(read.buffer, sha256 ? 32 : 20);
  if (!parsed.ok) return undefined;
  try {
    return { entries: parsed.entries, writtenMs: fs.statSync(read.realPath).mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * git's stat check on the listing's stat data: the same size (checked before), inode and times as
 * recorded, and not modified as late as the index was written. Node gives times as float
 * milliseconds (about 0.25 µs apart at today's dates): equal within a microsecond is equal.
 */
function sameStat(e: IndexEntry, st: { mtimeMs: number; ctimeMs: number; ino: number }, indexWrittenMs: number): boolean {
  const ms = (sec: number, nsec: number) => sec * 1000 + nsec / 1e6;
  const mtime = ms(e.mtimeSec, e.mtimeNsec);
  return (
    st.ino % 2 ** 32 === e.ino &&
    Math.abs(st.mtimeMs - mtime) < 0.001 &&
    Math.abs(st.ctimeMs - ms(e.ctimeSec, e.ctimeNsec)) < 0.001 &&
    mtime < indexWrittenMs
  );
}

function blobId(content: Buffer, algorithm: 'sha1' | 'sha256'): string {
  return crypto.createHash(algorithm).update(`blob ${content.length}\0`).update(content).digest('hex');
}

