/**
 * One msa-split stage in its own process, so that its peak memory can be measured alone.
 *   node bench/stage.js imports <repo>   -> the fast import-graph stage (list, read, scan, resolve)
 *   node bench/stage.js symbols <repo>   -> the import stage, then the symbol stage (calls, inheritance)
 * Prints JSON: timings of the stages and the local edge set size.
 */
import { performance } from 'node:perf_hooks';
import { collectSymbolEdges } from '../dist/collect/code/typescript/collect-symbol-edges.js';
import { collectTypescript } from '../dist/collect/code/typescript/collect-typescript.js';
import { listFiles } from '../dist/collect/files/list-files.js';
import { collectDatabase } from '../dist/collect/db/collect-database.js';

const [, , stage, repo] = process.argv;
const t0 = performance.now();
const listing = listFiles(repo, { include: [], exclude: [] });
const facts = collectTypescript(repo, listing, { maxFileBytes: 1024 * 1024, includeTests: false, entryPoints: [] });
const importsMs = performance.now() - t0;
const pairs = new Set(facts.edges.map((e) => `${e.from}\0${e.to}`));
const result = { files: facts.files.length, importsMs, localEdges: pairs.size, sqlLiterals: facts.sqlLiterals.length, diagnostics: facts.diagnostics.length };
if (stage === 'symbols') {
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
  const t2 = performance.now();
  const db = collectDatabase(listing, { sqlLiterals: facts.sqlLiterals, texts: facts.texts, dependencies: facts.dependencies }, { bulkThresholdBytes: 1024 * 1024 });
  result.dbMs = performance.now() - t2;
  result.tableAccesses = db.accesses.length;
}
process.stdout.write(JSON.stringify(result));
