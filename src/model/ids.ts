/**
 * Module and file ids: repo-relative POSIX paths, so that ids are identical on every OS and machine.
 */
import path from 'node:path';
import type { Granularity } from './types.js';

/** Converts an OS path to POSIX separators. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Repo-relative POSIX path of an absolute path inside `root`. */
export function relativeId(root: string, absolutePath: string): string {
  return toPosix(path.relative(root, absolutePath));
}

/** True when `child` is `parent` or lies below it (both absolute). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Directory part of a POSIX id ('' at the root). */
export function dirOf(id: string): string {
  const i = id.lastIndexOf('/');
  return i < 0 ? '' : id.slice(0, i);
}

/**
 * Module id for a file under a granularity.
 * `packageRoots` (repo-relative, '' for the root package) is needed for `package` granularity.
 */
export function moduleIdFor(file: string, granularity: Granularity, packageRoots: readonly string[]): string {
  if (granularity.kind === 'file') return file;
  if (granularity.kind === 'dir') {
    const dirs = dirOf(file).split('/').filter(Boolean);
    const kept = dirs.slice(0, granularity.depth);
    return kept.length === 0 ? '.' : kept.join('/');
  }
  // A Java package is its folder.
  if (file.endsWith('.java')) return dirOf(file) || '.';
  let best: string | undefined;
  for (const root of packageRoots) {
    const inside = root === '' || file === root || file.startsWith(root + '/');
    if (inside && (best === undefined || root.length > best.length)) best = root;
  }
  return best === undefined || best === '' ? '.' : best;
}

/** Formats a granularity the way the CLI accepts it. */
export function formatGranularity(g: Granularity): string {
  return g.kind === 'dir' ? `dir:${g.depth}` : g.kind;
}
