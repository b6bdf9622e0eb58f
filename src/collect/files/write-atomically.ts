/**
 * Writes a file of the tool's own cache folder so that a reader sees the whole file or none: to a fresh
 * temporary file beside it, created exclusively (no link is followed), then renamed over. Never throws:
 * a cache that cannot be written costs the next run time, nothing else. Returns whether it was written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function writeAtomically(file: string, content: string | Buffer): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o600 });
    fs.renameSync(temp, file);
    return true;
  } catch {
    return false;
  }
}
