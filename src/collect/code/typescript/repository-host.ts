/**
 * The file-system view TypeScript's config reader and module resolver get: the repository and nothing
 * else. TypeScript would otherwise follow `extends` to any path (../outside/base.json, /etc/x.json, a
 * package in a parent folder's node_modules) and walk up to every parent node_modules when resolving a
 * bare import. Inside the root, files are read through the safe reader (regular files, size cap);
 * outside it, every question is answered "no such file", and each outside path that does exist is
 * remembered so the caller can report it (a diagnostic, never a silent drop).
 * A per-parse read budget bounds `extends` chains: TypeScript follows them recursively, so a chain of
 * thousands of configs would overflow the stack.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../../../model/ids.js';
import { readRegularFile } from '../../files/safe-read.js';

/** Config files (tsconfig.json, package.json) larger than this are not read. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface RepositoryHost {
  fileExists(file: string): boolean;
  directoryExists(dir: string): boolean;
  readFile(file: string): string | undefined;
  realpath(file: string): string;
  /** Outside paths that were asked for and exist (sorted, deduplicated when read). */
  refusedOutside(): string[];
  /** Starts a new budget of `reads` file reads; reads past it answer undefined and set `exhausted`. */
  budget(reads: number): void;
  exhausted(): boolean;
}

export function createRepositoryHost(root: string): RepositoryHost {
  const refused = new Set<string>();
  let left = Infinity;
  let over = false;
  // Folder probes outside (TypeScript looks for node_modules in every parent) are answered "no" and
  // not reported: only a file that exists out there, and would have been read, counts as refused.
  /**
   * `p` exists and is of the wanted kind. Existence is all TypeScript learns here: a link inside the
   * root that leads out is still refused when TypeScript then reads it (readFile below).
   */
  const existsInside = (p: string, kind: (st: fs.Stats) => boolean): boolean => {
    try {
      return kind(fs.statSync(p));
    } catch {
      return false;
    }
  };
  // TypeScript asks with absolute, normalised paths: a prefix test answers most without path.relative.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const isWithin = (p: string): boolean =>
    p === root || (p.startsWith(prefix) && !p.includes(`${path.sep}..`)) || (p.includes('..') && isInside(root, path.resolve(p)));
  const inside = (p: string, isFile: boolean): boolean => {
    if (isWithin(p)) return true;
    if (isFile) {
      try {
        if (fs.statSync(p).isFile()) refused.add(p);
      } catch {
        // Nothing there: nothing was refused.
      }
    }
    return false;
  };
  return {
    fileExists: (f) => inside(f, true) && existsInside(f, (st) => st.isFile()),
    directoryExists: (d) => inside(d, false) && existsInside(d, (st) => st.isDirectory()),
    readFile: (f) => {
      if (!inside(f, true)) return undefined;
      if (left <= 0) {
        over = true;
        return undefined;
      }
      left--;
      const read = readRegularFile(f, { maxBytes: MAX_CONFIG_BYTES, within: root });
      if (!read.ok) {
        if (read.refusal === 'outside-root') refused.add(f);
        return undefined;
      }
      return read.buffer.toString('utf8');
    },
    realpath: (f) => {
      try {
        const real = fs.realpathSync(f);
        return isInside(root, real) ? real : f;
      } catch {
        return f;
      }
    },
    refusedOutside: () => [...refused].sort(),
    budget: (reads) => {
      left = reads;
      over = false;
    },
    exhausted: () => over,
  };
}
