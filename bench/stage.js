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
  const { HistoryAccumulator, DEFAULT_MAINTENANCE_PATTERN } = await import('../dist/model/build-history-model.js');
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
  const acc = new HistoryAccumulator(files, { coupleBy: { kind: 'commit' }, maxChangesetSize: 30, maintenancePattern: DEFAULT_MAINTENANCE_PATTERN, minRevs: 5, minShared: 5, minCoupling: 30, mergesExcluded: true, churn: false });
  const facts = await collectHistory(repo, { includeMerges: false, churn: false, botPatterns: ['[bot]'] }, acc);
  const model = acc.build(facts);
  process.stdout.write(JSON.stringify({ historyMs: performance.now() - t, commits: model.commits, coupled: model.coChange.length, renames: facts.renamesFollowed, modules: model.modules.length }));
  process.exit(0);
}
if (stage === 'java') {
  // The Java adapter alone: list, read, parse with tree-sitter, extract and resolve.
  const { listFiles } = await import('../dist/collect/files/list-files.js');
  const { collectJava } = await import('../dist/collect/code/java/collect-java.js');
  const t = performance.now();
  const facts = await collectJava(listFiles(repo, { include: [], exclude: [] }), { maxFileBytes: 1024 * 1024, includeTests: false });
  process.stdout.write(JSON.stringify({ javaMs: performance.now() - t, files: facts.files.length, edges: facts.edges.length, tables: facts.orm.tables.length, diagnostics: facts.diagnostics.length }));
  process.exit(0);
}

if (stage === 'cluster') {
  // Clustering with consensus on a synthetic module graph: 5,000 modules in 50 groups, 50,000 weighted
  // edges (90% inside a group), seeded, 20 runs, scores computed too.
  const { mulberry32 } = await import('../fixtures/build-shop-history.mjs');
  const { buildModuleGraph } = await import('../dist/cluster/build-module-graph.js');
  const { clusterModules, DEFAULT_CLUSTER_OPTIONS } = await import('../dist/cluster/cluster-modules.js');
  const { scoreDecomposition } = await import('../dist/score/score-decomposition.js');
  const random = mulberry32(5);
  const ids = Array.from({ length: 5000 }, (_, i) => `src/g${i % 50}/m${i}.ts`).sort();
  const byGroup = new Map();
  for (const id of ids) byGroup.set(id.split('/')[1], [...(byGroup.get(id.split('/')[1]) ?? []), id]);
  const groups = [...byGroup.values()];
  const edges = new Map();
  while (edges.size < 50000) {
    const g = groups[Math.floor(random() * groups.length)];
    const from = g[Math.floor(random() * g.length)];
    const pool = random() < 0.9 ? g : ids;
    const to = pool[Math.floor(random() * pool.length)];
    if (from !== to) edges.set(`${from} ${to}`, { kind: 'call', from, to, weight: 1 + Math.floor(random() * 5), evidence: [] });
  }
  const model = { root: 'synthetic', granularity: 'file', files: [], modules: ids.map((id) => ({ id, kind: 'file', files: [id], lines: 50, languages: ['typescript'] })), edges: [...edges.values()], externals: [], unresolved: [], sqlLiterals: [], skipped: [], diagnostics: [] };
  const t = performance.now();
  // The clustering graph (with its capability-folder anchors) and the module graph scores read.
  const { graph: clusterGraph } = buildModuleGraph(model, new Set(), undefined, { anchors: true });
  const { graph } = buildModuleGraph(model, new Set());
  const d = clusterModules(model, clusterGraph, [], DEFAULT_CLUSTER_OPTIONS);
  const scores = scoreDecomposition(model, d, graph);
  const clusterMs = performance.now() - t;
  // The whole proposal as analyze runs it: kernel, clustering, scores, explanations, plan and the
  // quality curve over the levels of the hierarchy.
  const { proposeContexts } = await import('../dist/main/propose-contexts.js');
  const { runCodeAnalyses } = await import('../dist/analyze/registry.js');
  const { DEFAULT_OPTIONS } = await import('../dist/config/options.js');
  const analyses = runCodeAnalyses(model, DEFAULT_OPTIONS);
  const t2 = performance.now();
  const proposal = proposeContexts(model, analyses, DEFAULT_OPTIONS);
  process.stdout.write(JSON.stringify({ clusterMs, proposeMs: performance.now() - t2, levels: proposal.qualityCurve.length, modules: ids.length, edges: edges.size, contexts: d.contexts.length, modularity: scores.global.modularity }));
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
