/**
 * Where `check --update-baseline` may write. Teams commit the baseline inside the repository, so a path
 * there is allowed, but the repository is untrusted: a folder on the way that is a symbolic link
 * leaving the repository (planted as `ci -> /etc`) would redirect the write. The folder's real path must
 * stay inside the repository when its written path is inside it; a path outside is the user's own.
 * Checked before any work; a UsageError names the path (exit 2).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../model/ids.js';
import { UsageError } from '../model/usage-error.js';

export function checkBaselineTarget(file: string, root: string): string {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  if (!isInside(root, folder)) return target;
  let real: string;
  try {
    real = fs.realpathSync(folder);
  } catch {
    throw new UsageError(`--baseline ${file}: the folder ${folder} does not exist`);
  }
  if (!isInside(root, real)) throw new UsageError(`--baseline ${file}: its folder leads out of the repository through a symbolic link (${folder} is ${real}); name a real path`);
  return target;
}
