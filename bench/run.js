#!/usr/bin/env node
/**
 * `npm run bench`: prints figures, asserts nothing (speed does not belong in unit tests).
 * 1. Generates a 5,000-file synthetic TypeScript monolith (bench/.work, deterministic).
 * 2. Import graph, in the same run on the same tree: msa-split's fast stage vs dependency-cruiser
 *    (--ts-pre-compilation-deps --output-type json), wall time and peak RSS side by side, local edges compared.
 * 3. The symbol stage (calls, new, inheritance) on its own: wall time and peak RSS.
 * Then SQL, history, clustering, check --since (bench/check-since.js), reports, Java, and the real-shape
 * monorepo (bench/real-shape.js).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { filesUnder, generateHistory } from './generate-history.js';
import { generateJava } from './generate-java.js';
import { generateMonolith } from './generate-monolith.js';
import { measure } from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, '.work');
const repo = path.join(work, 'synthetic-5000');
const depcruiseBin = path.join(here, '..', 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const stage = path.join(here, 'stage.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);

fs.mkdirSync(work, { recursive: true });
const { files } = generateMonolith(repo);
console.log(`synthetic monolith: ${files} files in ${path.relative(process.cwd(), repo)}`);
console.log(`node ${process.version}, ${runs} runs each, best wall time and its peak RSS shown\n`);

const best = (label, fn) => {
  let bestRun;
  for (let i = 0; i < runs; i++) {
    const r = fn();
    if (!bestRun || r.wallMs < bestRun.wallMs) bestRun = r;
  }
  return { label, ...bestRun };
};

// Start-up: the CLI loads the collectors only when a command runs (target: --version under 0.3 s).
{
  const bin = path.join(here, '..', 'bin', 'msa-split.js');
  const startup = (argv) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      spawnSync(process.execPath, argv, { encoding: 'utf8' });
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[2];
  };
  const nodeAlone = startup(['-e', '0']);
  const version = startup([bin, '--version']);
  const help = startup([bin, 'analyze', '--help']);
  console.log(`Start-up (median of 5): --version ${(version / 1000).toFixed(2)} s (target < 0.3 s ${version < 300 ? 'met' : 'MISSED'}), analyze --help ${(help / 1000).toFixed(2)} s; node itself ${(nodeAlone / 1000).toFixed(2)} s\n`);
}

// msa-split import stage.
const ours = best('msa-split imports', () => measure(repo, process.execPath, [stage, 'imports', repo]));
const oursData = JSON.parse(ours.stdout);
// dependency-cruiser on the same tree.
const dcOut = path.join(work, 'depcruise.json');
const theirs = best('dependency-cruiser', () =>
  measure(repo, process.execPath, [depcruiseBin, '--no-config', '--ts-pre-compilation-deps', '--ts-config', 'tsconfig.json', '--output-type', 'json', '--output-to', dcOut, 'src']),
);

// Edge sets.
const ourPairs = new Set(JSON.parse(spawnSync(process.execPath, [stage, 'pairs', repo], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout).pairs);
const dc = JSON.parse(fs.readFileSync(dcOut, 'utf8'));
const theirPairs = new Set();
let unresolvedTheirs = 0;
for (const m of dc.modules) {
  if (!m.source.startsWith('src/')) continue;
  for (const d of m.dependencies) {
    if (d.couldNotResolve) unresolvedTheirs++;
    else if (!d.coreModule && d.resolved.startsWith('src/')) theirPairs.add(`${m.source}\0${d.resolved}`);
  }
}
const onlyOurs = [...ourPairs].filter((p) => !theirPairs.has(p));
const onlyTheirs = [...theirPairs].filter((p) => !ourPairs.has(p));
const disagreement = (onlyOurs.length + onlyTheirs.length) / Math.max(ourPairs.size, theirPairs.size, 1);

const row = (cells) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 22 : 14)).join(''));
console.log('Import graph (5,000 files)');
row(['', 'wall (s)', 'peak RSS (MB)', 'local edges']);
row([ours.label, (ours.wallMs / 1000).toFixed(2), ours.peakRssMb.toFixed(0), ourPairs.size]);
row([theirs.label, (theirs.wallMs / 1000).toFixed(2), theirs.peakRssMb.toFixed(0), theirPairs.size]);
row(['ratio msa/dc', (ours.wallMs / theirs.wallMs).toFixed(2) + 'x', (ours.peakRssMb / theirs.peakRssMb).toFixed(2) + 'x', '']);
console.log(
  `edge agreement: ${onlyOurs.length} only in msa-split, ${onlyTheirs.length} only in dependency-cruiser ` +
    `(${(disagreement * 100).toFixed(3)}% disagreement; target <= 1%); dependency-cruiser unresolved: ${unresolvedTheirs}`,
);
console.log(`targets: wall <= 0.5x ${ours.wallMs <= 0.5 * theirs.wallMs ? 'met' : 'MISSED'}, RSS <= 0.5x ${ours.peakRssMb <= 0.5 * theirs.peakRssMb ? 'met' : 'MISSED'}, edges within 1% ${disagreement <= 0.01 ? 'met' : 'MISSED'}`);
console.log(`SQL literals harvested during the import stage: ${oursData.sqlLiterals}; in-process import stage time ${(oursData.importsMs / 1000).toFixed(2)} s\n`);

// Roles, units and HTTP matching (issue #12) on the same repository, in-process, against the code stage.
{
  const { listFiles } = await import('../dist/collect/files/list-files.js');
  const { collectCode } = await import('../dist/collect/code/collect-code.js');
  const { classifyFiles } = await import('../dist/classify/classify-files.js');
  const { matchHttpCalls } = await import('../dist/classify/match-http-calls.js');
  const { assignUnits } = await import('../dist/classify/assign-units.js');
  const { buildModel } = await import('../dist/model/build-model.js');
  const t0 = performance.now();
  const facts = await collectCode(repo, listFiles(repo, { include: [], exclude: [] }), { maxFileBytes: 1 << 20, includeTests: false, entryPoints: [], symbols: false }, () => {});
  const codeMs = performance.now() - t0;
  const t1 = performance.now();
  const classified = classifyFiles({ files: facts.files.map((f) => f.path), frameworkFacts: facts.frameworkFacts ?? new Map(), packageRoots: facts.packageRoots, dependencies: facts.db.dependencies, overrides: {} });
  const http = matchHttpCalls(facts.frameworkFacts ?? new Map());
  const classifyMs = performance.now() - t1;
  const model = buildModel('synthetic', { ...facts, roles: classified.roles }, { kind: 'file' });
  const t2 = performance.now();
  assignUnits(model, facts.packageRoots, classified.sides, facts.db.dependencies);
  const unitsMs = performance.now() - t2;
  const added = classifyMs + unitsMs;
  console.log(`Roles, entry points, HTTP matching and units (${facts.files.length} files, ${http.length} http-call edges): ${added.toFixed(0)} ms = ${((100 * added) / codeMs).toFixed(1)}% of the import stage (${(codeMs / 1000).toFixed(2)} s); target < 10% ${added < 0.1 * codeMs ? 'met' : 'MISSED'}\n`);
}

// Symbol stage.
const sym = best('msa-split symbols', () => measure(repo, process.execPath, [stage, 'symbols', repo]));
const symData = JSON.parse(sym.stdout);
console.log('Call/inheritance stage (5,000 files)');
row(['', 'stage (s)', 'peak RSS (MB)', 'symbol edges']);
row(['msa-split symbols', (symData.symbolsMs / 1000).toFixed(2), sym.peakRssMb.toFixed(0), symData.symbolEdges]);
console.log(`targets: under 20 s ${symData.symbolsMs < 20000 ? 'met' : 'MISSED'}, under 1.5 GB ${sym.peakRssMb < 1536 ? 'met' : 'MISSED'} (RSS is the whole process: imports + symbols)`);

// SQL: 2,000 mixed statements parsed one by one (split, parse, extract facts), in this process.
const { splitStatements } = await import('../dist/collect/db/split-statements.js');
const { createSqlParser } = await import('../dist/collect/db/parse-sql.js');
const { statementFacts } = await import('../dist/collect/db/statement-facts.js');
const mixed = [];
for (let i = 0; i < 500; i++) {
  mixed.push(`CREATE TABLE t${i} (id INT PRIMARY KEY, parent_id INT REFERENCES t${Math.max(0, i - 1)} (id), name VARCHAR(80) NOT NULL, created_at TIMESTAMP);`);
  mixed.push(`ALTER TABLE t${i} ADD CONSTRAINT fk_${i} FOREIGN KEY (parent_id) REFERENCES t${(i * 7) % 500} (id);`);
  mixed.push(`SELECT a.id, b.name, c.created_at FROM t${i} a JOIN t${(i + 1) % 500} b ON b.parent_id = a.id LEFT JOIN t${(i + 2) % 500} c ON c.id = b.parent_id WHERE a.name LIKE 'x%' ORDER BY a.id LIMIT 10;`);
  mixed.push(`INSERT INTO t${i} (id, parent_id, name) VALUES (${i}, ${i - 1}, 'name ${i}');`);
}
const sqlText = mixed.join('\n');
let sqlBest = Infinity;
let parsedOk = 0;
for (let run = 0; run < runs; run++) {
  const t = performance.now();
  const parser = createSqlParser('postgresql');
  parsedOk = 0;
  for (const st of splitStatements(sqlText)) {
    const r = parser.parse(st.text);
    if (r.ok) {
      statementFacts(r.ast);
      parsedOk++;
    }
  }
  sqlBest = Math.min(sqlBest, performance.now() - t);
}
console.log('\nSQL statements');
console.log(`2,000 mixed statements (500 CREATE TABLE, 500 ALTER ... FOREIGN KEY, 500 3-way join SELECT, 500 INSERT): ${parsedOk} parsed in ${(sqlBest / 1000).toFixed(2)} s (target < 1.5 s ${sqlBest < 1500 ? 'met' : 'MISSED'})`);

// Harvesting SQL literals inside the code stage, and the whole database stage, relative to the code stage.
const harvest = JSON.parse(measure(repo, process.execPath, [stage, 'harvest', repo]).stdout);
console.log(
  `SQL literal harvesting in the code stage: scan ${(harvest.scanWithout / 1000).toFixed(2)} s without, ${(harvest.scanWith / 1000).toFixed(2)} s with ` +
    `(+${((100 * (harvest.scanWith - harvest.scanWithout)) / harvest.importsMs).toFixed(1)}% of the code stage; target <= 20% ${harvest.scanWith - harvest.scanWithout <= 0.2 * harvest.importsMs ? 'met' : 'MISSED'})`,
);
const dbRun = best('msa-split db stage', () => measure(repo, process.execPath, [stage, 'db', repo]));
const dbData = JSON.parse(dbRun.stdout);
console.log(
  `database stage on the 5,000-file tree (${oursData.sqlLiterals} SQL literals, ${dbData.tableAccesses} table accesses): ${(dbData.dbMs / 1000).toFixed(2)} s ` +
    `= ${((100 * dbData.dbMs) / dbData.importsMs).toFixed(1)}% of the code stage (${(dbData.importsMs / 1000).toFixed(2)} s): parsing every literal with node-sql-parser, ~0.5 ms a statement`,
);

// History: 20,000 commits over the 5,000 files; the history stage next to the plain git log it reads.
const historyRepo = path.join(work, 'history-20000');
fs.rmSync(historyRepo, { recursive: true, force: true });
fs.cpSync(repo, historyRepo, { recursive: true });
const treeFiles = filesUnder(historyRepo, 'src');
const tGen = performance.now();
generateHistory(historyRepo, treeFiles);
console.log(`\nHistory (${treeFiles.length} files, 20,000 commits generated with git fast-import in ${((performance.now() - tGen) / 1000).toFixed(1)} s)`);
const plainGit = best('git log', () =>
  measure(historyRepo, 'git', ['-c', 'core.quotePath=false', 'log', '-z', '--name-status', '-M', '--relative', '--no-merges', '--format=%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%s', 'HEAD', '--', '.']),
);
const hist = best('msa-split history', () => measure(historyRepo, process.execPath, [stage, 'history', historyRepo]));
const histData = JSON.parse(hist.stdout);
row(['', 'wall (s)', 'peak RSS (MB)', '']);
row(['git log --name-status', (plainGit.wallMs / 1000).toFixed(2), plainGit.peakRssMb.toFixed(0), '']);
row(['msa-split history', (histData.historyMs / 1000).toFixed(2), hist.peakRssMb.toFixed(0), `stage time in its process; whole process ${(hist.wallMs / 1000).toFixed(2)} s with Node start-up`]);
console.log(`${histData.commits} commits, ${histData.modules} modules with history, ${histData.coupled} coupled pairs, ${histData.renames} renames followed`);
console.log(
  `targets: stage <= 1.5x git log ${histData.historyMs <= 1.5 * plainGit.wallMs ? 'met' : 'MISSED'} (${(histData.historyMs / plainGit.wallMs).toFixed(2)}x; whole process ${(hist.wallMs / plainGit.wallMs).toFixed(2)}x), ` +
    `< 500 MB ${hist.peakRssMb < 500 ? 'met' : 'MISSED'}`,
);

// Clustering with consensus at 5,000 modules / 50,000 edges, and the whole analyze of the 5,000-file
// repository with its 20,000-commit history (CLI, all stages, all signals).
const cl = best('msa-split cluster', () => measure(repo, process.execPath, [stage, 'cluster', repo]));
const clData = JSON.parse(cl.stdout);
console.log(`\nClustering (${clData.modules} modules, ${clData.edges} edges, 20 seeded runs + consensus + scores)`);
console.log(`  ${(clData.clusterMs / 1000).toFixed(2)} s, peak RSS ${cl.peakRssMb.toFixed(0)} MB, ${clData.contexts} contexts, Q ${clData.modularity}; target < 3 s ${clData.clusterMs < 3000 ? 'met' : 'MISSED'}`);
console.log(`  whole proposal (kernel, clustering, scores, explanations, plan, quality curve over ${clData.levels} levels): ${(clData.proposeMs / 1000).toFixed(2)} s`);
const bin = path.join(here, '..', 'bin', 'msa-split.js');
const reportDir = path.join(work, 'report-5000');
fs.rmSync(reportDir, { recursive: true, force: true });
const whole = measure(historyRepo, process.execPath, [bin, 'analyze', '.', '--quiet', '--timings', '--out', reportDir, '--format', 'json']);
console.log(`Whole analyze of the 5,000-file repository with 20,000 commits: ${(whole.wallMs / 1000).toFixed(1)} s, peak RSS ${whole.peakRssMb.toFixed(0)} MB; targets < 60 s ${whole.wallMs < 60000 ? 'met' : 'MISSED'}, < 2 GB ${whole.peakRssMb < 2048 ? 'met' : 'MISSED'}`);
// Issue #16's split checks (safety net, change smells, language, size, rewrite) as a stage of that run.
const checksRow = /split checks[^\n]*?\s([\d.]+) s/.exec(whole.stderr ?? '');
if (checksRow) {
  const share = (Number(checksRow[1]) * 1000) / whole.wallMs;
  console.log(`  of which the split checks: ${checksRow[1]} s (${(share * 100).toFixed(1)}% of the run; the A/B of the whole run before and after #16 is in the issue's closing note)`);
}

// check --since next to a full analyze (#18).
const { runCheckSince } = await import('./check-since.js');
runCheckSince({ historyRepo, codeRepo: repo, work, bin, runs });

// Reports: every format from the saved 5,000-module analysis, then the HTML in chromium.
const rendered = measure(work, process.execPath, [bin, 'report', path.join(reportDir, 'analysis.json'), '--format', 'json,md,html,dot,mermaid,graphml,csv,svg', '--out', reportDir, '--quiet']);
const htmlBytes = fs.statSync(path.join(reportDir, 'report.html')).size;
console.log(`\nReports for 5,000 modules: all 8 formats in ${(rendered.wallMs / 1000).toFixed(1)} s (target < 10 s ${rendered.wallMs < 10000 ? 'met' : 'MISSED'}), peak RSS ${rendered.peakRssMb.toFixed(0)} MB; report.html ${(htmlBytes / 1024 / 1024).toFixed(1)} MB (target < 15 MB ${htmlBytes < 15 * 1024 * 1024 ? 'met' : 'MISSED'})`);
if (fs.existsSync('/usr/bin/chromium')) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage();
  const t = performance.now();
  await page.goto(`file://${path.join(reportDir, 'report.html')}`);
  await page.waitForFunction(() => window.__msaGraph && window.__msaGraph.nodes() > 0);
  const firstRender = performance.now() - t;
  const readyMs = await page.evaluate(() => window.__msaReadyMs);
  // In the page, as the browser test measures it: from the keystroke to the hits drawn.
  const searchMs = await page.evaluate(() => {
    const input = document.getElementById('search');
    const t0 = performance.now();
    input.value = 'unit1';
    input.dispatchEvent(new Event('input'));
    return performance.now() - t0;
  });
  // The workshop loop (#17): a what-if move re-scored in the page (the baseline computed first, as the
  // page does when idle), and every module drawn in its context block.
  const loop = await page.evaluate(() => {
    const w = window.__msaWhatIf;
    const target = w.targets()[1][0];
    const module = document.querySelector('#hits li .hit').textContent.trim();
    w.move([module], target);
    w.undo();
    let t = performance.now();
    w.move([module], target);
    const move = performance.now() - t;
    t = performance.now();
    window.__msaGraph.allModules();
    return { move, all: performance.now() - t, nodes: window.__msaGraph.nodes() };
  });
  await browser.close();
  console.log(`report.html first render in chromium ${(firstRender / 1000).toFixed(2)} s (target < 3 s ${firstRender < 3000 ? 'met' : 'MISSED'}), of which the page's own work to its first view ${(readyMs / 1000).toFixed(2)} s (a 1,000-module page < 2 s is asserted in test/report/html-workshop.test.ts); a search over 5,000 modules ${searchMs.toFixed(0)} ms (target < 300 ms ${searchMs < 300 ? 'met' : 'MISSED'})`);
  console.log(`  what-if: a move re-scored in the page ${loop.move.toFixed(0)} ms; all ${loop.nodes} nodes in context blocks drawn in ${loop.all.toFixed(0)} ms`);
} else console.log('chromium not found: browser timing skipped (apt-get install chromium)');

// Java: 5,000 classes parsed with tree-sitter (wasm) and extracted.
const javaRepo = path.join(work, 'java-5000');
generateJava(javaRepo);
const jv = best('msa-split java', () => measure(javaRepo, process.execPath, [stage, 'java', javaRepo]));
const jvData = JSON.parse(jv.stdout);
console.log(`\nJava (${jvData.files} files): parse + extract + resolve ${(jvData.javaMs / 1000).toFixed(2)} s, peak RSS ${jv.peakRssMb.toFixed(0)} MB, ${jvData.edges} edges, ${jvData.tables} entity tables, ${jvData.diagnostics} diagnostics; targets < 15 s ${jvData.javaMs < 15000 ? 'met' : 'MISSED'}, < 1 GB ${jv.peakRssMb < 1024 ? 'met' : 'MISSED'}`);

// The real-shape monorepo next to dependency-cruiser (issue #15), alternated runs, cold and warm.
const { runRealShape } = await import('./real-shape.js');
await runRealShape();

// The scale case (#19): 50,000 files, nested .gitignore files, a 20,000-module chain, 1,000 tables, 50,000 commits.
const { runScale } = await import('./scale.js');
runScale({ work, bin });
