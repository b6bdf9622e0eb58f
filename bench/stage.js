/**
 * One msa-split stage in its own process, so that its peak memory can be measured alone.
 *   node bench/stage.js imports <repo>   -> the fast import-graph stage (list, read, scan, resolve)
 *   node bench/stage.js symbols <repo>   -> the import stage, then the symbol stage (calls, inheritance)
 * Prints JSON: timings of the stages and the local edge set size.
 */
import { performance } from 'node:perf_hooks';

const [, , stage, repo] = process.argv;
if (stage === 'history') {
  // The history stage as analyze runs it: git log streamed into the accumulator (file granularity;
  // the module map of today's files comes from the code stage, so it is built before the clock starts).
  const { collectHistory } = await import('../dist/collect/history/collect-history.js');
  const { HistoryAccumulator } = await import('../dist/model/build-history-model.js');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const files = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else {
        const rel = path.relative(repo, abs).split(path.sep).join('/');
        files.set(rel, rel);
      }
    }
  };
  walk(repo);
  const t = performance.now();
  const acc = new HistoryAccumulator(files, { coupleBy: { kind: 'commit' }, maxChangesetSize: 30, minRevs: 5, minShared: 5, minCoupling: 30, mergesExcluded: true, churn: false });
  const facts = await collectHistory(repo, { includeMerges: false, churn: false, botPatterns: ['[bot]'] }, acc);
  const model = acc.build(facts);
  process.stdout.write(JSON.stringify({ historyMs: performance.now() - t, commits: model.commits, coupled: model.coChange.length, renames: facts.renamesFollowed, modules: model.modules.length }));
  process.exit(0);
}
// Each stage loads only its own modules, so a stage's time and memory are its own.
const { collectTypescript } = await import('../dist/collect/code/typescript/collect-typescript.js');
const { listFiles } = await import('../dist/collect/files/list-files.js');
const t0 = performance.now();
const listing = listFiles(repo, { include: [], exclude: [] });
const facts = collectTypescript(repo, listing, { maxFileBytes: 1024 * 1024, includeTests: false, entryPoints: [] });
const importsMs = performance.now() - t0;
const pairs = new Set(facts.edges.map((e) => `${e.from}\0${e.to}`));
const result = { files: facts.files.length, importsMs, localEdges: pairs.size, sqlLiterals: facts.sqlLiterals.length, diagnostics: facts.diagnostics.length };
if (stage === 'symbols') {
  const { collectSymbolEdges } = await import('../dist/collect/code/typescript/collect-symbol-edges.js');
  const t1 = performance.now();
  const symbols = collectSymbolEdges(facts.texts, facts.resolvedImports);
  result.symbolsMs = performance.now() - t1;
  result.symbolEdges = symbols.edges.length;
}
if (stage === 'pairs') result.pairs = [...pairs].sort();
if (stage === 'harvest') {
  // What harvesting SQL literals costs inside the code stage: scan every file with and without it.
  const { scanSource } = await import('../dist/collect/code/typescript/scan-source.js');
  const time = (harvestSql) => {
    const t = performance.now();
    for (const [file, text] of facts.texts) scanSource(file, text, { harvestSql });
    return performance.now() - t;
  };
  time(true);
  result.scanWithout = Math.min(time(false), time(false));
  result.scanWith = Math.min(time(true), time(true));
}
if (stage === 'db') {
  const { collectDatabase } = await import('../dist/collect/db/collect-database.js');
  const t2 = performance.now();
  const db = collectDatabase(listing, { sqlLiterals: facts.sqlLiterals, texts: facts.texts, dependencies: facts.dependencies }, { bulkThresholdBytes: 1024 * 1024 });
  result.dbMs = performance.now() - t2;
  result.tableAccesses = db.accesses.length;
}
process.stdout.write(JSON.stringify(result));
