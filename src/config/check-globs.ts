/**
 * Globs are checked before use: picomatch quietly treats an unbalanced `[`, `{` or `(` as a literal, so
 * `--include '['` would select nothing and say nothing. A UsageError names the glob and the problem.
 */
import picomatch from 'picomatch';
import { UsageError } from '../model/usage-error.js';

export function checkGlobs(globs: readonly string[], where: string): string[] {
  for (const glob of globs) {
    try {
      picomatch(glob.startsWith('!') ? glob.slice(1) : glob, { strictBrackets: true });
    } catch (error) {
      throw new UsageError(`${where}: invalid glob ${JSON.stringify(glob)}: ${(error as Error).message}`);
    }
  }
  return [...globs];
}
