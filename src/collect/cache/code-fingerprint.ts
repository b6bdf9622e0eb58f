/**
 * A fingerprint of the code that computes cached facts: the SHA-256 of every file in the folders
 * given (the compiled adapter), read once per process. A cache written by other code (another
 * version, a local build) is another namespace, so a fact is never reused by code that would compute
 * it differently, even when the version number did not change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from './facts-cache.js';

const computed = new Map<string, string>();

/** `folders`: absolute paths of the folders whose files (recursively) make the facts. */
export function codeFingerprint(folders: readonly string[], version: string): string {
  const key = `${version}\0${folders.join('\0')}`;
  let hit = computed.get(key);
  if (hit === undefined) {
    const parts: string[] = [version];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const abs = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(abs);
        else if (entry.isFile()) parts.push(entry.name, sha256(fs.readFileSync(abs, 'utf8')));
      }
    };
    for (const f of folders) walk(f);
    hit = sha256(parts.join('\0'));
    computed.set(key, hit);
  }
  return hit;
}
