/**
 * Writes rendered report files into the output folder, refusing any folder inside the analysed
 * repository (msa-split never writes to the repository it analyses).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../config/usage-error.js';
import { isInside } from '../model/ids.js';
import type { ReportFile } from '../report/report-file.js';

export function checkOutputFolder(outDir: string, repoRoot: string): string {
  const abs = path.resolve(outDir);
  let real = abs;
  // The folder may not exist yet: check its nearest existing ancestor's real path.
  for (let probe = abs; ; probe = path.dirname(probe)) {
    if (fs.existsSync(probe)) {
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

export function writeReports(outDir: string, files: readonly ReportFile[]): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  return files.map((f) => {
    const target = path.join(outDir, f.name);
    fs.writeFileSync(target, f.content);
    return target;
  });
}
