import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../model/usage-error.js';

/** Checks that `target` is an existing folder; a UsageError otherwise. */
export function resolveRepositoryPath(target: string): string {
  const abs = path.resolve(target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new UsageError(`path not found: ${target} (give the folder of the repository to analyze)`);
  }
  if (!stat.isDirectory()) throw new UsageError(`not a folder: ${target} (give the folder of the repository to analyze, not a file)`);
  return fs.realpathSync(abs);
}
