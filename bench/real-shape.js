/**
 * The real-shape benchmark (part of `npm run bench`; alone: `node bench/real-shape.js`): a generated
 * monorepo shaped like the corpus's (bench/generate-real-shape.js), 20,000 commits following the
 * features. Runs, alternated, 3 times each: dependency-cruiser's import graph of the same tree
 * (--ts-pre-compilation-deps with the repository's tsconfig, JSON out) and msa-split's whole analyze
 * (every stage, --no-cache, reports json+md written); then the warm re-run after one file changed
 * (cache primed by a first run). Prints each stage's time and peak RSS (--timings) and the ratios
 * of the medians. Prints figures, asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRealShape } from './generate-real-shape.js';
import { measure } from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, '.work');
const repo = path.join(work, 'real-shape');
const bin = path.join(here, '..', 'bin', 'msa-split.js');
const depcruiseBin = path.join(here, '..', 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 3);

export async function runRealShape() {
  fs.mkdirSync(work, { recursive: true });
  const made = generateRealShape(repo);
  const lines = [...walk(repo)].reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
  console.log(`\nReal-shape monorepo: ${made.files} files (${lines} lines), ${made.features} features in workspaces, ${made.commits} commits following the features`);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-bench-out-'));
  const dcOut = path.join(work, 'real-shape-depcruise.json');
  const dc = [];
  const ours = [];
  for (let i = 0; i < runs; i++) {
    dc.push(measure(repo, process.execPath, [depcruiseBin, '--no-config', '--ts-pre-compilation-deps', '--ts-config', 'tsconfig.json', '--output-type', 'json', '--output-to', dcOut, 'apps', 'packages']));
    ours.push(measure(repo, process.execPath, [bin, 'analyze', '.', '--no-cache', '--quiet', '--timings', '--out', out]));
  }
  // Warm: a first run fills a cache, one file changes, the second run is the one timed.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-bench-cache-'));
  measure(repo, process.execPath, [bin, 'analyze', '.', '--cache-dir', cacheDir, '--quiet', '--out', out]);
  const changed = path.join(repo, 'apps/api/src/app/order/order.service.ts');
  const before = fs.readFileSync(changed, 'utf8');
  fs.writeFileSync(changed, `${before}\nexport const changedForTheBenchmark = 1;\n`);
  const warm = [];
  try {
    for (let i = 0; i < runs; i++) warm.push(measure(repo, process.execPath, [bin, 'analyze', '.', '--cache-dir', cacheDir, '--quiet', '--timings', '--out', out]));
  } finally {
    fs.writeFileSync(changed, before);
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }

  const median = (xs, f) => xs.map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const dcWall = median(dc, (r) => r.wallMs);
  const dcRss = median(dc, (r) => r.peakRssMb);
  const ourWall = median(ours, (r) => r.wallMs);
  const ourRss = median(ours, (r) => r.peakRssMb);
  const warmWall = median(warm, (r) => r.wallMs);
  const row = (cells) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 44 : 14)).join(''));
  row(['', 'wall (s)', 'peak RSS (MB)', 'ratio to dependency-cruiser']);
  row(['dependency-cruiser (import graph only)', (dcWall / 1000).toFixed(2), dcRss.toFixed(0), '']);
  row(['msa-split analyze, every stage, cold', (ourWall / 1000).toFixed(2), ourRss.toFixed(0), `${(ourWall / dcWall).toFixed(2)}x time, ${(ourRss / dcRss).toFixed(2)}x RSS`]);
  row(['msa-split analyze, warm, one file changed', (warmWall / 1000).toFixed(2), median(warm, (r) => r.peakRssMb).toFixed(0), `${(warmWall / ourWall).toFixed(2)}x the cold run`]);
  // Stages of the median cold run, as --timings printed them (time and peak RSS per stage).
  const medianRun = ours.find((r) => r.wallMs === ourWall);
  const table = medianRun.stderr.split('\n').filter((l) => /\d+\.\d\d s/.test(l));
  const importsLine = table.find((l) => l.startsWith('resolving imports'));
  const importsSeconds = importsLine ? Number(/(\d+\.\d\d) s/.exec(importsLine)[1]) : NaN;
  console.log('stages of the median cold run:');
  for (const l of [medianRun.stderr.split('\n').find((x) => x.startsWith('stage')), ...table]) console.log(`  ${l}`);
  console.log(
    `goals: whole analyze <= 1.0x dependency-cruiser's time ${ourWall <= dcWall ? 'met' : 'MISSED'} and RSS ${ourRss <= dcRss ? 'met' : 'MISSED'}; ` +
      `import stage <= 0.5x ${(importsSeconds * 1000) <= 0.5 * dcWall ? 'met' : 'MISSED'} (${((importsSeconds * 1000) / dcWall).toFixed(2)}x); ` +
      `warm re-run <= 0.2x ${warmWall <= 0.2 * ourWall ? 'met' : 'MISSED'} (${(warmWall / ourWall).toFixed(2)}x)`,
  );
}

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git') continue;
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(abs);
    else yield abs;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runRealShape();
