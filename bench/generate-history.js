/**
 * Generates a git history for the benchmark with `git fast-import` (seconds instead of hours of
 * `git commit`): `commits` commits over the files of an existing tree, each touching 1 to 8 files of
 * one feature folder (sometimes one more elsewhere), about 1 in 500 a rename, a few bulk commits,
 * 12 authors. Deterministic: seeded, fixed dates.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../fixtures/build-shop-history.mjs';

/** The files under `root/folder`, repository-relative POSIX paths in name order (what generateHistory commits). */
export function filesUnder(root, folder) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out.push(path.relative(root, abs).split(path.sep).join('/'));
    }
  };
  walk(path.join(root, folder));
  return out;
}

export function generateHistory(repo, files, { commits = 20000, seed = 11 } = {}) {
  const random = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  fs.rmSync(path.join(repo, '.git'), { recursive: true, force: true });
  const init = spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  if (init.status !== 0) throw new Error(init.stderr.toString());
  const byDir = new Map();
  for (const f of files) byDir.set(path.posix.dirname(f), [...(byDir.get(path.posix.dirname(f)) ?? []), f]);
  const dirs = [...byDir.keys()].sort();
  const current = [...files];
  const version = new Map();
  const chunks = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = Date.UTC(2020, 0, 1) / 1000;
  // First commit: every file.
  chunks.push(`commit refs/heads/main\nmark :1\ncommitter Init <init@example.test> ${time} +0000\n${data('initial import')}`);
  for (const f of files) chunks.push(`M 100644 inline ${f}\n${data(`// ${f}\nexport const v = 0;\n`)}`);
  for (let i = 2; i <= commits; i++) {
    time += 1800 + Math.floor(random() * 7200);
    const author = `dev${Math.floor(random() * 12)}`;
    const bulk = random() < 0.002;
    const dir = pick(dirs);
    const inDir = byDir.get(dir);
    const touched = new Set();
    const n = bulk ? 60 : 1 + Math.floor(random() * 8);
    for (let k = 0; k < n; k++) touched.add(bulk ? pick(current) : pick(inDir));
    if (!bulk && random() < 0.2) touched.add(pick(current));
    chunks.push(`commit refs/heads/main\nmark :${i}\nauthor ${author} <${author}@example.test> ${time} +0000\ncommitter ${author} <${author}@example.test> ${time} +0000\n${data(`T-${i}: change`)}from :${i - 1}\n`);
    if (random() < 0.002) {
      const from = pick(inDir);
      const to = from.replace(/\.ts$/, `-v${i}.ts`);
      chunks.push(`R ${from} ${to}\n`);
      const idx = current.indexOf(from);
      if (idx >= 0) current[idx] = to;
      inDir[inDir.indexOf(from)] = to;
      touched.delete(from);
    }
    for (const f of touched) {
      const v = (version.get(f) ?? 0) + 1;
      version.set(f, v);
      chunks.push(`M 100644 inline ${f}\n${data(`// ${f}\nexport const v = ${v};\n`)}`);
    }
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo, input: chunks.join(''), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr}`);
  spawnSync('git', ['checkout', '-q', '-f', 'main'], { cwd: repo });
  return { commits };
}
