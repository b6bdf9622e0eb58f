/** Temporary folders with given files, removed after the test file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** Creates `<tmp>/<name>` holding `files` (path -> text or bytes); returns its absolute path. */
export function tempRepo(files: Record<string, string | Buffer>, name = 'repo'): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-test-'));
  created.push(base);
  const root = path.join(base, name);
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

/** Every file below `dir` with its size and modification time, to prove nothing was written. */
export function snapshotTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(d, e.name);
      const st = fs.lstatSync(abs);
      out.push(`${path.relative(dir, abs)} ${st.size} ${st.mtimeMs}`);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(abs);
    }
  };
  walk(dir);
  return out;
}

export const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
