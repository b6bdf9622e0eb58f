/**
 * The scale case (issue #19): a generated 50,000-file repository as a new user's large monolith can be
 * (feature folders; nested .gitignore files, the root one with 2,000 patterns; a 20,000-module import
 * chain; a 1,000-table schema with dense foreign keys; 50,000 commits), then
 * 1. listing it with and without the .gitignore files (in one process each, best of 3);
 * 2. the whole `analyze` with every stage's time and peak RSS (--timings), reports json, md, html, svg.
 * Targets: listing < 5 s, the 2,000 patterns add < 50%, analyze < 5 minutes and < 4 GB, the chain
 * analysed, no SVG drawing past its 20 s budget (a drawing stopped there says so in its file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateMonolith } from './generate-monolith.js';
import { filesUnder, generateHistory } from './generate-history.js';
import { measure } from './measure.js';

const CHAIN = 20_000;
const TABLES = 1000;

function listingTime(repo, dist) {
  const script = `import { listFiles } from ${JSON.stringify(new URL(`file://${path.join(dist, 'collect/files/list-files.js')}`).href)};
    let best = Infinity, files = 0;
    for (let i = 0; i < 3; i++) { const t = performance.now(); files = listFiles(${JSON.stringify(repo)}, { include: [], exclude: [] }).files.length; best = Math.min(best, performance.now() - t); }
    console.log(JSON.stringify({ best, files }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

export function runScale({ work, bin }) {
  const repo = path.join(work, 'scale-50000');
  const out = path.join(work, 'scale-50000-out');
  const dist = path.join(path.dirname(bin), '..', 'dist');
  const code = path.join(work, 'scale-50000-code');
  const t0 = performance.now();
  const { files } = generateMonolith(code, { areas: 50, foldersPerArea: 20, filesPerFolder: 30, kernelFiles: 200 });
  // The chain: m0 imports m1 imports ... m19999, in its own folder.
  const chainDir = path.join(code, 'src', 'chain');
  fs.mkdirSync(chainDir, { recursive: true });
  for (let i = 0; i < CHAIN; i++) {
    const next = i + 1 < CHAIN ? `import { c${i + 1} } from './m${i + 1}';\n` : '';
    fs.writeFileSync(path.join(chainDir, `m${i}.ts`), `${next}export function c${i}(n: number): number {\n  return ${i + 1 < CHAIN ? `c${i + 1}(n) + 1` : 'n'};\n}\n`);
  }
  // Ignore files: 2,000 patterns at the root (literals, suffixes, anchored and unanchored globs, negations), a few nested.
  const patterns = [];
  for (let i = 0; i < 2000; i++) patterns.push([`generated${i}/`, `*.gen${i}`, `/tmp${i}/**`, `src/area${i % 50}/cache${i}.ts`, `**/build${i}/*.js`, `!src/area${i % 50}/keep${i}.ts`][i % 6]);
  fs.writeFileSync(path.join(code, '.gitignore'), `${patterns.join('\n')}\n`);
  for (let a = 0; a < 50; a += 5) fs.writeFileSync(path.join(code, 'src', `area${String(a).padStart(2, '0')}`, '.gitignore'), '*.tmp\n/scratch/\n!keep.tmp\n');
  // The schema: 1,000 tables, each with foreign keys to four others.
  const ddl = [];
  for (let t = 0; t < TABLES; t++) {
    const refs = [1, 7, 31, 127].map((d) => `  ref${d} INTEGER REFERENCES t${(t + d) % TABLES} (id)`);
    ddl.push(`CREATE TABLE t${t} (\n  id INTEGER PRIMARY KEY,\n${refs.join(',\n')}\n);`);
  }
  fs.mkdirSync(path.join(code, 'db'), { recursive: true });
  fs.writeFileSync(path.join(code, 'db', 'schema.sql'), ddl.join('\n\n') + '\n');
  const all = filesUnder(code, 'src');
  // The history checks stubs of these files out; the code goes over them (the work tree a developer has).
  fs.rmSync(repo, { recursive: true, force: true });
  fs.mkdirSync(repo, { recursive: true });
  generateHistory(repo, all, { commits: 50_000 });
  fs.cpSync(code, repo, { recursive: true });
  const generated = (performance.now() - t0) / 1000;
  console.log(`\nScale (issue #19): ${all.length + 1} files (${files} feature files, a ${CHAIN.toLocaleString('en')}-module chain, ${TABLES} tables with 4 foreign keys each, 2,000 ignore patterns at the root, 10 nested .gitignore files), 50,000 commits; generated in ${generated.toFixed(0)} s`);

  listingTime(repo, dist); // the file system's caches warm, so that the first measured run is not the cold one
  const withIgnore = listingTime(repo, dist);
  const ignores = [path.join(repo, '.gitignore'), ...fs.readdirSync(path.join(repo, 'src')).map((a) => path.join(repo, 'src', a, '.gitignore')).filter((f) => fs.existsSync(f))];
  for (const f of ignores) fs.renameSync(f, `${f}.off`);
  const without = listingTime(repo, dist);
  for (const f of ignores) fs.renameSync(`${f}.off`, f);
  const added = withIgnore.best / without.best - 1;
  console.log(`  listing ${withIgnore.files} files: ${(withIgnore.best / 1000).toFixed(2)} s with the .gitignore files, ${(without.best / 1000).toFixed(2)} s without (+${(added * 100).toFixed(0)}%); targets < 5 s ${withIgnore.best < 5000 ? 'met' : 'MISSED'}, < +50% ${added < 0.5 ? 'met' : 'MISSED'}`);

  fs.rmSync(out, { recursive: true, force: true });
  const whole = measure(repo, process.execPath, [bin, 'analyze', '.', '--quiet', '--timings', '--no-cache', '--out', out, '--format', 'json,md,html,svg']);
  const minutes = whole.wallMs / 60000;
  console.log(`  whole analyze (--no-cache, json, md, html, svg): ${(whole.wallMs / 1000).toFixed(0)} s, peak RSS ${whole.peakRssMb.toFixed(0)} MB; targets < 5 min ${minutes < 5 ? 'met' : 'MISSED'}, < 4 GB ${whole.peakRssMb < 4096 ? 'met' : 'MISSED'}`);
  console.log(whole.stderr.split('\n').filter((l) => l.trim()).map((l) => `    ${l}`).join('\n'));
  const analysis = JSON.parse(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8'));
  const chainEdges = analysis.model.edges.filter((e) => e.from.startsWith('src/chain/') && e.to.startsWith('src/chain/') && e.kind === 'import').length;
  const svgs = fs.readdirSync(out).filter((f) => f.endsWith('.svg'));
  const stopped = svgs.filter((f) => fs.readFileSync(path.join(out, f), 'utf8').includes('longer than its'));
  console.log(`  the chain: ${chainEdges} of ${CHAIN - 1} imports in the analysis (target: all ${chainEdges === CHAIN - 1 ? 'met' : 'MISSED'}); ${analysis.model.data?.tables.length ?? 0} tables; SVG: ${svgs.length} files, ${stopped.length} stopped at the budget (${stopped.join(', ') || 'none'})`);
}
