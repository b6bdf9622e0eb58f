/**
 * Lists the files of a repository that an analysis may read.
 * Input: an absolute root folder, include/exclude globs.
 * Output: repo-relative POSIX paths with sizes, plus what was skipped and why.
 * Honours nested .gitignore files; prunes dependency, build-output and vendored folders; follows
 * symlinks that stay inside the root, once per real path, and reports loops and dangling links.
 * Never writes anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { compareStrings } from '../../model/compare.js';
import { isInside, relativeId, toPosix } from '../../model/ids.js';
import type { Diagnostic, SkippedPath } from '../../model/types.js';

/** A file that passed the folder and glob filters. */
export interface ListedFile {
  /** Repo-relative POSIX path. */
  path: string;
  /** Absolute path to read from. */
  absolutePath: string;
  /** Size in bytes. */
  bytes: number;
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
  matcher: Ignore;
}

/** Lists the analysable files below `root`. */
export function listFiles(root: string, options: ListFilesOptions): FileListing {
  const files: ListedFile[] = [];
  const skipped: SkippedPath[] = [];
  const diagnostics: Diagnostic[] = [];
  const includeMatch = options.include.length > 0 ? picomatch(options.include as string[], { dot: true }) : () => true;
  const excludeMatch = options.exclude.length > 0 ? picomatch(options.exclude as string[], { dot: true }) : () => false;
  const seenRealFiles = new Set<string>();

  const isIgnored = (rel: string, isDir: boolean, scopes: readonly IgnoreScope[]): boolean => {
    for (const scope of scopes) {
      const local = scope.dir === '' ? rel : rel.slice(scope.dir.length + 1);
      if (local && scope.matcher.ignores(isDir ? local + '/' : local)) return true;
    }
    return false;
  };

  const walk = (absDir: string, relDir: string, scopes: IgnoreScope[], realAncestors: Set<string>): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      diagnostics.push({
        severity: 'warning',
        code: 'unreadable-folder',
        message: `cannot read folder: ${(error as Error).message}`,
        file: relDir || '.',
      });
      return;
    }
    const localScopes = [...scopes];
    const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
    if (gitignore) {
      try {
        localScopes.push({ dir: relDir, matcher: ignore().add(fs.readFileSync(path.join(absDir, '.gitignore'), 'utf8')) });
      } catch (error) {
        diagnostics.push({
          severity: 'warning',
          code: 'unreadable-gitignore',
          message: `cannot read .gitignore: ${(error as Error).message}`,
          file: relDir ? `${relDir}/.gitignore` : '.gitignore',
        });
      }
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const abs = path.join(absDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = abs;
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
        if (!isInside(root, real)) {
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
        const realDir = entry.isSymbolicLink() ? real : fs.realpathSync(abs);
        if (realAncestors.has(realDir)) {
          diagnostics.push({
            severity: 'warning',
            code: 'symlink-loop',
            message: `symbolic link leads back to ${relativeId(root, realDir) || '.'}; not followed`,
            file: rel,
          });
          skipped.push({ path: rel, reason: 'symlink-loop' });
          continue;
        }
        const nextAncestors = new Set(realAncestors);
        nextAncestors.add(realDir);
        walk(abs, rel, localScopes, nextAncestors);
        continue;
      }
      if (!isFile) continue;
      if (isIgnored(rel, false, localScopes)) {
        skipped.push({ path: rel, reason: 'gitignored' });
        continue;
      }
      if (excludeMatch(rel)) {
        skipped.push({ path: rel, reason: 'excluded' });
        continue;
      }
      if (!includeMatch(rel)) continue;
      const realFile = entry.isSymbolicLink() ? real : abs;
      if (seenRealFiles.has(realFile)) {
        skipped.push({ path: rel, reason: 'duplicate-symlink' });
        continue;
      }
      seenRealFiles.add(realFile);
      let bytes = 0;
      try {
        bytes = fs.statSync(realFile).size;
      } catch {
        // Vanished between readdir and stat: the reader will report it.
      }
      files.push({ path: toPosix(rel), absolutePath: realFile, bytes });
    }
  };

  walk(root, '', [], new Set([fs.realpathSync(root)]));
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, skipped, diagnostics };
}
