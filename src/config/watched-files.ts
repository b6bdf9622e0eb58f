/**
 * The files of a repository whose change calls for the full `check` instead of `check --since`: the
 * decision file and the config file named, where they live inside the repository, and the config file
 * names it may hold. Input: the repository's real path, the files as given. Output: repository-relative
 * POSIX paths, sorted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from './load-config.js';

export function watchedFiles(root: string, given: readonly (string | undefined)[]): string[] {
  const real = (f: string) => {
    try {
      return fs.realpathSync(path.resolve(f));
    } catch {
      return path.resolve(f);
    }
  };
  const inside = given
    .filter((f): f is string => f !== undefined)
    .map((f) => path.relative(root, real(f)).split(path.sep).join('/'))
    .filter((rel) => rel !== '' && rel !== '..' && !rel.startsWith('../') && !path.isAbsolute(rel));
  return [...new Set([...inside, ...CONFIG_FILE_NAMES])].sort();
}
