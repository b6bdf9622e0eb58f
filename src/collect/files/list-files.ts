/**
 * Lists the files of a repository that an analysis may read.
 * Input: an absolute root folder, include/exclude globs.
 * Output: repo-relative POSIX paths with sizes, plus what was skipped and why.
 * Honours nested .gitignore files; prunes dependency, build-output and vendored folders; follows
 * symlinks that stay inside the root, once per real path (a second link to a folder or file already
 * listed is skipped as a duplicate), and reports loops and dangling links. Files that are not regular
 * (FIFOs, sockets, devices) are reported, never opened. The walk uses an explicit stack and stops at
 * MAX_DEPTH levels or MAX_PATH_CHARS characters, with a diagnostic.
 * Never writes anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compileIgnore, type IgnoreMatcher } from './ignore-matcher.js';
import picomatch from 'picomatch';
import { compareStrings } from '../../model/compare.js';
import { isInside, relativeId, toPosix } from '../../model/ids.js';
import type { Diagnostic, SkippedPath } from '../../model/types.js';
import { readRegularFile } from './safe-read.js';

/** Folders deeper than this, or whose path is longer, are not listed (with a diagnostic). */
export const MAX_DEPTH = 64;
export const MAX_PATH_CHARS = 1024;
const MAX_GITIGNORE_BYTES = 4 * 1024 * 1024;

/** A file that passed the folder and glob filters. */
export interface ListedFile {
  /** Repo-relative POSIX path. */
  path: string;
  /** Absolute path to read from. */
  absolutePath: string;
  /** Size in bytes. */
  bytes: number;
  /**
   * The stat data git's index also records (check --since compares them to skip hashing); absent when
   * the file vanished while listed.
   */
  stat?: { mtimeMs: number; ctimeMs: number; ino: number };
}

export interface ListFilesOptions {
  /** Globs (repo-relative) a file must match to be listed; empty = everything. */
  include: readonly string[];
  /** Globs (repo-relative) that drop a file or folder. */
  exclude: readonly string[];
}

export interface FileListing {
  files: ListedFile[];
  skipped: SkippedPath[];
  diagnostics: Diagnostic[];
}

/** Folder names that never hold the monolith's own source, with the reason reported for them. */
const PRUNED_DIRS: ReadonlyMap<string, string> = new Map([
  ['.git', 'vcs'],
  ['.hg', 'vcs'],
  ['.svn', 'vcs'],
  ['node_modules', 'node_modules'],
  ['bower_components', 'vendored'],
  ['jspm_packages', 'vendored'],
  ['vendor', 'vendored'],
  ['vendors', 'vendored'],
  ['third_party', 'vendored'],
  ['third-party', 'vendored'],
  ['dist', 'build-output'],
  ['build', 'build-output'],
  ['out', 'build-output'],
  ['coverage', 'build-output'],
  ['target', 'build-output'],
  ['.next', 'build-output'],
  ['.nuxt', 'build-output'],
  ['.output', 'build-output'],
  ['.turbo', 'build-output'],
  ['.cache', 'build-output'],
  ['.yarn', 'vendored'],
  ['.pnpm-store', 'vendored'],
]);

interface IgnoreScope {
  /** Repo-relative directory the .gitignore sits in ('' for the root). */
  dir: string;
  matcher: IgnoreMatcher;
}

/** Lists the analysable files below `root`. */
export function listFiles(root: string, options: ListFilesOptions): FileListing {
  const files: ListedFile[] = [];
  const skipped: SkippedPath[] = [];
  const diagnostics: Diagnostic[] = [];
  const includeMatch = options.include.length > 0 ? picomatch(options.include as string[], { dot: true }) : () => true;
  const excludeMatch = options.exclude.length > 0 ? picomatch(options.exclude as string[], { dot: true }) : () => false;
  const seenRealFiles = new Set<string>();
  const seenRealDirs = new Set<string>();

  const isIgnored = (rel: string, isDir: boolean, scopes: readonly IgnoreScope[]): boolean => {
    for (const scope of scopes) {
      const local = scope.dir === '' ? rel : rel.slice(scope.dir.length + 1);
      if (local && scope.matcher.ignores(isDir ? local + '/' : local)) return true;
    }
    return false;
  };

  // An explicit stack, not recursion: the depth of a tree is the repository's choice.
  interface Pending {
    absDir: string;
    /** The folder's real path (symbolic links resolved), for loop and duplicate detection. */
    realDir: string;
    relDir: string;
    depth: number;
    scopes: IgnoreScope[];
    realAncestors: Set<string>;
  }
  const rootReal = fs.realpathSync(root);
  const stack: Pending[] = [{ absDir: root, realDir: rootReal, relDir: '', depth: 0, scopes: [], realAncestors: new Set([rootReal]) }];
  while (stack.length > 0) {
    const { absDir, realDir, relDir, depth, scopes, realAncestors } = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      diagnostics.push({
        severity: 'warning',
        code: 'unreadable-folder',
        message: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        file: relDir || '.',
      });
      continue;
    }
    const localScopes = [...scopes];
    const gitignore = entries.find((e) => e.name === '.gitignore');
    if (gitignore) {
      const read = readRegularFile(path.join(absDir, '.gitignore'), { maxBytes: MAX_GITIGNORE_BYTES, within: rootReal });
      if (read.ok) localScopes.push({ dir: relDir, matcher: compileIgnore(read.buffer.toString('utf8')) });
      else {
        diagnostics.push({ severity: 'warning', code: 'unreadable-gitignore', message: `.gitignore ${read.message}`, file: relDir ? `${relDir}/.gitignore` : '.gitignore' });
      }
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    const subfolders: Pending[] = [];
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const abs = path.join(absDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = path.join(realDir, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          real = fs.realpathSync(abs);
          const st = fs.statSync(real);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const loop = code === 'ELOOP';
          diagnostics.push({
            severity: 'warning',
            code: loop ? 'symlink-loop' : 'broken-symlink',
            message: loop ? 'symbolic link loops back on itself; not followed' : `symbolic link points nowhere (${code ?? 'error'}); not followed`,
            file: rel,
          });
          skipped.push({ path: rel, reason: loop ? 'symlink-loop' : 'broken-symlink' });
          continue;
        }
        if (!isInside(rootReal, real)) {
          skipped.push({ path: rel, reason: 'symlink-outside-repo' });
          continue;
        }
      }
      if (isDir) {
        const pruned = PRUNED_DIRS.get(entry.name);
        if (pruned !== undefined) {
          if (pruned !== 'vcs') skipped.push({ path: rel, reason: pruned });
          continue;
        }
        if (isIgnored(rel, true, localScopes)) {
          skipped.push({ path: rel, reason: 'gitignored' });
          continue;
        }
        if (excludeMatch(rel) || excludeMatch(rel + '/')) {
          skipped.push({ path: rel, reason: 'excluded' });
          continue;
        }
        if (realAncestors.has(real)) {
          diagnostics.push({
            severity: 'warning',
            code: 'symlink-loop',
            message: `symbolic link leads back to ${relativeId(rootReal, real) || '.'}; not followed`,
            file: rel,
          });
          skipped.push({ path: rel, reason: 'symlink-loop' });
          continue;
        }
        if (entry.isSymbolicLink() && seenRealDirs.has(real)) {
          // A second way into a folder already listed: its files would be analysed twice.
          skipped.push({ path: rel, reason: 'duplicate-symlink' });
          continue;
        }
        if (depth + 1 > MAX_DEPTH || rel.length > MAX_PATH_CHARS) {
          diagnostics.push({
            severity: 'warning',
            code: 'folder-too-deep',
            message: `folder nested ${depth + 1} levels deep (${rel.length} characters); the listing stops at ${MAX_DEPTH} levels and ${MAX_PATH_CHARS} characters, so nothing below it is analysed`,
            file: rel.length > 300 ? `${rel.slice(0, 150)}…${rel.slice(-100)}` : rel,
          });
          skipped.push({ path: rel.length > 300 ? `${rel.slice(0, 150)}…${rel.slice(-100)}` : rel, reason: 'too-deep' });
          continue;
        }
        seenRealDirs.add(real);
        const nextAncestors = new Set(realAncestors);
        nextAncestors.add(real);
        subfolders.push({ absDir: abs, realDir: real, relDir: rel, depth: depth + 1, scopes: localScopes, realAncestors: nextAncestors });
        continue;
      }
      if (!isFile) {
        // A FIFO, socket or device under a source name: never opened (a read could block forever).
        if (!isIgnored(rel, false, localScopes) && !excludeMatch(rel) && includeMatch(rel)) {
          diagnostics.push({ severity: 'warning', code: 'not-a-regular-file', message: 'not a regular file (a named pipe, socket or device); not read', file: rel });
          skipped.push({ path: rel, reason: 'not-a-regular-file' });
        }
        continue;
      }
      if (isIgnored(rel, false, localScopes)) {
        skipped.push({ path: rel, reason: 'gitignored' });
        continue;
      }
      if (excludeMatch(rel)) {
        skipped.push({ path: rel, reason: 'excluded' });
        continue;
      }
      if (!includeMatch(rel)) continue;
      if (seenRealFiles.has(real)) {
        skipped.push({ path: rel, reason: 'duplicate-symlink' });
        continue;
      }
      seenRealFiles.add(real);
      let bytes = 0;
      let stat: ListedFile['stat'];
      try {
        const st = fs.statSync(real);
        bytes = st.size;
        stat = { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
      } catch {
        // Vanished between readdir and stat: the reader will report it.
      }
      files.push({ path: toPosix(rel), absolutePath: real, bytes, ...(stat ? { stat } : {}) });
    }
    // Pushed in reverse so that folders are listed in name order, as a recursive walk would.
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i]!);
  }

  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, skipped, diagnostics };
}
