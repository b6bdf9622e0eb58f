/**
 * Writes rendered report files into the output folder, safely:
 * - the folder was checked before any work by config/check-output-folder.ts (outside the repository, a folder);
 * - each file is first written whole to a temporary file created exclusively (O_CREAT|O_EXCL: a link
 *   planted under that name is never followed) in the same folder, then renamed over its name, which
 *   replaces whatever stood there (a symbolic link included) without following it: an interrupted run
 *   leaves the old file or the new one, never a truncated one;
 * - all temporary files are written before the first rename, so a full disk or an unwritable folder
 *   changes nothing at all; the failure is a UsageError (exit 2) naming the folder and the cause.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/usage-error.js';
import type { ReportFile } from '../result/report-file.js';

const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'a file stands in the way',
  ENOENT: 'the path cannot be created there',
  EISDIR: 'a folder stands where a report file goes',
  EIO: 'input/output error',
};

function outputError(outDir: string, error: unknown, what: string, replaced = 0): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const left = replaced === 0 ? 'nothing was written' : `${replaced} report file(s) had already been replaced, whole; no file is half-written`;
  return new UsageError(`cannot ${what} in --out ${outDir}: ${CAUSES[code] ?? (error as Error).message} (${code || 'error'}); ${left}`);
}

let sequence = 0;

/**
 * mkdir -p one level at a time: Node's recursive mkdirSync never returns on some special file systems
 * (it loops on ENOENT under /proc), so each missing level is created on its own and the first error ends it.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let probe = path.resolve(dir); !fs.existsSync(probe); probe = path.dirname(probe)) {
    missing.push(probe);
    if (path.dirname(probe) === probe) break;
  }
  for (const folder of missing.reverse()) fs.mkdirSync(folder);
}

/** Writes `files` into `outDir` (created when missing); returns the paths written, in order. */
export function writeReports(outDir: string, files: readonly ReportFile[]): string[] {
  try {
    makeFolders(outDir);
  } catch (error) {
    throw outputError(outDir, error, 'create the folder');
  }
  if (!fs.statSync(outDir).isDirectory()) throw new UsageError(`--out ${outDir} is not a folder; nothing was written`);
  const staged: { temp: string; target: string }[] = [];
  let replaced = 0;
  try {
    for (const f of files) {
      const target = path.join(outDir, f.name);
      const temp = path.join(outDir, `.${f.name}.${process.pid}.${++sequence}.tmp`);
      const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o644);
      staged.push({ temp, target });
      try {
        const data = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content;
        for (let off = 0; off < data.length; ) off += fs.writeSync(fd, data, off, data.length - off);
      } finally {
        fs.closeSync(fd);
      }
    }
    for (const { temp, target } of staged) {
      fs.renameSync(temp, target);
      replaced++;
    }
  } catch (error) {
    for (const { temp } of staged.slice(replaced)) fs.rmSync(temp, { force: true });
    throw outputError(outDir, error, 'write the reports', replaced);
  }
  return staged.map((s) => s.target);
}
