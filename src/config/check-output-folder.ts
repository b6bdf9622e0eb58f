/**
 * The `out` option's check, made before any work: the folder lies outside the analysed repository
 * (msa-split never writes there) and is a folder, or can be created as one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../model/ids.js';
import { UsageError } from '../model/usage-error.js';

/** Checks --out before any work: outside the repository, and a folder (or creatable as one). */
export function checkOutputFolder(outDir: string, repoRoot: string): string {
  const abs = path.resolve(outDir);
  let real = abs;
  // The folder may not exist yet: check its nearest existing ancestor's real path.
  for (let probe = abs; ; probe = path.dirname(probe)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(probe);
    } catch {
      st = undefined;
    }
    if (st) {
      if (!st.isDirectory()) {
        throw new UsageError(
          probe === abs
            ? `--out ${outDir} is ${st.isFile() ? 'a file' : 'not a folder (a device or special file)'}; give a folder to write the reports into`
            : `--out ${outDir} cannot be created: ${probe} is not a folder`,
        );
      }
      real = path.join(fs.realpathSync(probe), path.relative(probe, abs));
      break;
    }
    if (path.dirname(probe) === probe) break;
  }
  if (isInside(repoRoot, real)) {
    throw new UsageError(
      `--out ${outDir} is inside the analyzed repository; msa-split never writes there. Choose a folder outside it, e.g. --out ../msa-split-report`,
    );
  }
  return abs;
}
