/**
 * Generates a synthetic TypeScript monolith for the benchmarks: `areas` business areas of
 * `foldersPerArea` folders of `filesPerFolder` files, a shared kernel and an app shell, with a
 * realistic import fan-out (mostly inside the folder and area, some through `@area/*` aliases to
 * other areas, one or two into the kernel, type-only imports, `.js` ESM specifiers, npm and Node
 * imports) and calls to every imported function, so both the import and the symbol stage have work.
 * Deterministic: a seeded generator, no clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../fixtures/build-shop-history.mjs';


export function generateMonolith(root, { areas = 25, foldersPerArea = 8, filesPerFolder = 24, kernelFiles = 150, seed = 7 } = {}) {
  const random = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  fs.rmSync(root, { recursive: true, force: true });
  const areaNames = Array.from({ length: areas }, (_, i) => `area${String(i).padStart(2, '0')}`);
  /** Every file: { id, dir (repo-relative), name, area } */
  const files = [];
  for (const area of areaNames) {
    for (let f = 0; f < foldersPerArea; f++) {
      for (let n = 0; n < filesPerFolder; n++) files.push({ id: files.length, area, dir: `src/${area}/feature${f}`, name: `unit${n}` });
    }
  }
  for (let n = 0; n < kernelFiles; n++) files.push({ id: files.length, area: 'shared', dir: `src/shared/${n % 5 === 0 ? 'db' : 'util'}`, name: `kernel${n}` });
  const byDir = new Map();
  for (const f of files) byDir.set(f.dir, [...(byDir.get(f.dir) ?? []), f]);
  const byArea = new Map();
  for (const f of files) byArea.set(f.area, [...(byArea.get(f.area) ?? []), f]);
  const kernel = byArea.get('shared');

  const specifier = (from, to, esm) => {
    if (to.area !== from.area || (to.area === 'shared' && from.area !== 'shared')) {
      return `@${to.area}/${to.dir.split('/').slice(2).join('/')}/${to.name}${esm ? '.js' : ''}`;
    }
    let rel = path.posix.relative(from.dir, `${to.dir}/${to.name}`);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return rel + (esm ? '.js' : '');
  };

  for (const file of files) {
    const esm = random() < 0.3;
    const targets = new Map();
    // Real code is mostly layered: imports point "down" (to lower ids); about 1 in 100 points up
    // and closes a cycle, as in a monolith that has started to tangle.
    const add = (t, typeOnly) => {
      if (t.id === file.id || targets.has(t.id)) return;
      if (t.id > file.id && random() >= 0.01) return;
      targets.set(t.id, { t, typeOnly });
    };
    const sameDir = byDir.get(file.dir);
    const sameArea = byArea.get(file.area);
    const nLocal = 2 + Math.floor(random() * 4);
    for (let i = 0; i < nLocal; i++) add(pick(sameDir), false);
    if (random() < 0.8) add(pick(sameArea), random() < 0.2);
    if (random() < 0.5) add(pick(sameArea), false);
    if (file.area !== 'shared') {
      // The kernel comes last in id order; make it "below" every area by picking it explicitly.
      const k = pick(kernel);
      if (!targets.has(k.id)) targets.set(k.id, { t: k, typeOnly: false });
      if (random() < 0.5) {
        const k2 = pick(kernel);
        if (!targets.has(k2.id)) targets.set(k2.id, { t: k2, typeOnly: false });
      }
      if (random() < 0.35) add(pick(byArea.get(pick(areaNames))), random() < 0.4);
    } else if (random() < 0.5) add(pick(kernel), false);
    const lines = [];
    const calls = [];
    for (const { t, typeOnly } of [...targets.values()].sort((a, b) => a.t.id - b.t.id)) {
      const spec = specifier(file, t, esm);
      if (typeOnly) lines.push(`import type { Shape${t.id} } from '${spec}';`);
      else {
        lines.push(`import { run${t.id}, Service${t.id} } from '${spec}';`);
        calls.push(`run${t.id}(n)`, `new Service${t.id}().size()`);
      }
    }
    if (random() < 0.1) lines.push(`import { readFileSync } from 'node:fs';`);
    if (random() < 0.1) lines.push(`import { z } from 'zod';`);
    lines.push(
      '',
      `export interface Shape${file.id} {`,
      '  id: string;',
      '  amount: number;',
      '}',
      '',
      `export class Service${file.id} {`,
      `  private readonly items: Shape${file.id}[] = [];`,
      '',
      '  size(): number {',
      '    return this.items.length;',
      '  }',
      '}',
      '',
      `export function run${file.id}(n: number): number {`,
      '  if (n <= 0) return 0;',
      `  return ${calls.length > 0 ? calls.map((c) => c.replace('(n)', '(n - 1)')).join(' + ') : 'n'};`,
      '}',
      '',
    );
    if (random() < 0.15) lines.push(`export const query${file.id} = 'SELECT t.id, t.amount AS amount_${file.id}, u.name FROM table_${file.id % 97} t JOIN table_${(file.id + 1) % 97} u ON u.id = t.id WHERE t.id = $1';`, '');
    const abs = path.join(root, file.dir, `${file.name}.ts`);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, lines.join('\n'));
  }
  const paths = { '@shared/*': ['./src/shared/*'] };
  for (const a of areaNames) paths[`@${a}/*`] = [`./src/${a}/*`];
  fs.writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, paths }, include: ['src'] }, null, 2),
  );
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'synthetic-monolith', private: true, dependencies: { zod: '^3.0.0' } }, null, 2));
  return { files: files.length };
}
