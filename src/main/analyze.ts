/**
 * The public API: analyze(path, options) -> AnalysisResult.
 * Orchestrates collect -> model -> analyses and reports progress; reads the repository, never writes it,
 * never runs its code. The result holds no absolute paths and no clock time, so it is byte-identical
 * for the same input and options.
 */
import path from 'node:path';
import { runCodeAnalyses, type CodeAnalyses } from '../analyze/registry.js';
import type { AnalysisResult, AnalysisSummary } from '../result/analysis-result.js';
import { collectDatabase } from '../collect/db/collect-database.js';
import type { HistorySink } from '../collect/history/collect-history.js';
import { readHistoryBeside } from '../collect/history/read-history-beside.js';
import { HistoryAccumulator } from '../model/build-history-model.js';
import { assignUnits } from '../classify/assign-units.js';
import { classifyFiles } from '../classify/classify-files.js';
import { matchHttpCalls, servedEndpoints } from '../classify/match-http-calls.js';
import { collectCode } from '../collect/code/collect-code.js';
import { checkCacheFolder, defaultCacheFolder } from '../collect/cache/cache-folder.js';
import { CacheWrites, type CacheLocation } from '../collect/cache/facts-cache.js';
import type { ProgressListener } from '../model/progress.js';
import { listFiles } from '../collect/files/list-files.js';
import { resolveRepositoryPath } from '../collect/files/resolve-repository.js';
import type { AnalyzeOptions } from '../config/options.js';
import { parseCoupleBy } from '../config/parse-couple-by.js';
import { resolveApiOptions, type AnalyzeOptionsInput } from '../config/resolve-options.js';
import { buildModel } from '../model/build-model.js';
import { compareDiagnostics, compareStrings, sortedUnique } from '../model/compare.js';
import { formatGranularity, isInside } from '../model/ids.js';
import { SCHEMA_VERSION, type Decomposition, type Diagnostic, type SystemModel } from '../model/types.js';
import { TOOL_VERSION } from '../config/tool-version.js';
import { UsageError } from '../model/usage-error.js';
import { proposeContexts } from './propose-contexts.js';
import { decideContexts } from './decide-contexts.js';
import { readDecisionFile } from '../config/read-decision-file.js';
import { canonicalDecisions } from '../report/decision-file-text.js';


/**
 * Analyzes the repository at `target`. `input` goes through the same options pipeline as the CLI's
 * flags: a bad value throws an OptionsError (a UsageError) listing every problem.
 */
export async function analyze(target: string, input: AnalyzeOptionsInput = {}, onProgress: ProgressListener = () => {}): Promise<AnalysisResult> {
  const options = resolveApiOptions(input);
  // A bad decision file is a usage error before any work.
  if (options.decomposition !== undefined && !options.cluster) throw new UsageError('--decomposition scores the decided contexts: it cannot be combined with --no-cluster');
  const decisions = options.decomposition !== undefined ? canonicalDecisions(readDecisionFile(options.decomposition)) : undefined;
  const root = resolveRepositoryPath(target);
  onProgress({ stage: 'list', done: 0, total: 0 });
  const cache = cacheLocation(options, root);
  const listing = listFiles(root, { include: options.include, exclude: options.exclude });
  // The history does not depend on the code until the model is built: git runs beside the code stage.
  const pendingHistory = options.history
    ? readHistoryBeside(root, {
        ...(options.since ? { since: options.since } : {}),
        ...(options.until ? { until: options.until } : {}),
        ...(options.maxCommits ? { maxCommits: options.maxCommits } : {}),
        ...(options.branch ? { branch: options.branch } : {}),
        includeMerges: options.includeMerges,
        churn: options.churn,
        botPatterns: options.botPatterns,
        allowOutsideGitDir: options.allowOutsideGitDir,
        gitIdleMs: options.gitTimeout * 1000,
        ...(options.git ? { git: options.git } : {}),
        ...(cache ? { cache } : {}),
      })
    : undefined;
  const facts = await collectCode(
    root,
    listing,
    { maxFileBytes: options.maxFileBytes, includeTests: options.includeTests, entryPoints: options.entryPoints, symbols: options.symbols, deep: options.deep, ...(cache ? { cache } : {}) },
    onProgress,
  );
  // What every file is for, and the entry points frameworks create (collectors' own reasons first).
  const classified = classifyFiles({
    files: facts.files.map((f) => f.path),
    frameworkFacts: facts.frameworkFacts ?? new Map(),
    packageRoots: facts.packageRoots,
    dependencies: facts.db.dependencies,
    overrides: options.roles,
  });
  for (const [file, reason] of classified.entryPoints) if (!facts.entryPoints.has(file)) facts.entryPoints.set(file, reason);
  facts.roles = classified.roles;
  // Client code calling server routes over HTTP: edges that say which client code goes with which service.
  facts.edges.push(...matchHttpCalls(facts.frameworkFacts ?? new Map()));
  facts.endpoints = servedEndpoints(facts.frameworkFacts ?? new Map());
  onProgress({ stage: 'database', done: 0, total: 0 });
  const db = options.db
    ? collectDatabase(
        listing,
        {
          sqlLiterals: facts.sqlLiterals,
          texts: facts.db.texts,
          dependencies: facts.db.dependencies,
          ...(facts.db.orm ? { extraOrm: facts.db.orm } : {}),
          ...(facts.db.classes ? { javaClasses: facts.db.classes } : {}),
        },
        { ...(options.dialect ? { dialect: options.dialect } : {}), bulkThresholdBytes: options.bulkThresholdBytes },
        onProgress,
      )
    : undefined;
  // The sources were read for the database stage; nothing after it needs them (a large repository's
  // texts would otherwise stay alive through clustering and the reports).
  facts.db.texts.clear();
  onProgress({ stage: 'model', done: 0, total: 0 });
  const coupleBy = parseCoupleBy(options.coupleBy);
  const modelOnly = buildModel(path.basename(root), facts, options.granularity, db);
  // Units: package.json, pom.xml and build.gradle folders; sides from imports (classify/assign-units.ts).
  const buildRoots = listing.files.filter((f) => /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/.test(f.path)).map((f) => f.path.slice(0, Math.max(0, f.path.lastIndexOf('/'))));
  const units = assignUnits(modelOnly, [...facts.packageRoots, ...buildRoots], classified.sides, facts.db.dependencies);
  const built = {
    ...modelOnly,
    modules: modelOnly.modules.map((m) => ({ ...m, unit: units.get(m.id)! })),
    // A server module calling a URL calls another system (a provider's API), not this repository's routes.
    edges: modelOnly.edges.filter((e) => e.kind !== 'http-call' || units.get(e.from)?.side !== 'server'),
  };
  let model = built;
  if (options.history) {
    onProgress({ stage: 'history', done: 0, total: 0 });
    const accumulator = new HistoryAccumulator(new Map(built.files.map((f) => [f.path, f.module])), {
      coupleBy,
      maxChangesetSize: options.maxChangesetSize,
      maintenancePattern: options.maintenancePattern,
      minRevs: options.minRevs,
      minShared: options.minShared,
      minCoupling: options.minCoupling,
      mergesExcluded: !options.includeMerges,
      churn: options.churn,
    });
    const history = await pendingHistory!.facts(countingCommits(accumulator, onProgress));
    onProgress({ stage: 'history', done: history.commits.length, total: history.commits.length, detail: `${history.commits.length} commits` });
    model = {
      ...built,
      diagnostics: sortedUnique([...built.diagnostics, ...history.diagnostics], compareDiagnostics),
      history: accumulator.build(history),
    };
  }
  model = { ...model, diagnostics: sortedUnique(portableDiagnostics(model.diagnostics, root), compareDiagnostics) };
  onProgress({ stage: 'analyses', done: 0, total: 0 });
  const analyses = runCodeAnalyses(model, options);
  const decided = options.cluster && decisions ? decideContexts(model, analyses, decisions, options, onProgress) : undefined;
  if (decided) model = { ...model, diagnostics: sortedUnique([...model.diagnostics, ...decided.diagnostics], compareDiagnostics) };
  const { diagnostics: _inModel, ...decidedResult } = decided ?? { diagnostics: [] };
  const proposal = options.cluster ? (decided ? decidedResult : proposeContexts(model, analyses, options, onProgress)) : undefined;
  const cacheProblems = cache ? await cache.writes.settle() : [];
  if (cacheProblems.length > 0) model = { ...model, diagnostics: sortedUnique([...model.diagnostics, ...cacheProblems], compareDiagnostics) };
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'msa-split', version: TOOL_VERSION },
    // The git program's path and the cache are this machine's, not the analysis's: left out so results stay portable.
    options: { ...portableOptions(options), granularity: formatGranularity(options.granularity) },
    summary: summarize(model),
    model,
    analyses,
    ...(decisions && options.cluster ? { decisions } : {}),
    ...(proposal ?? {}),
  };
}

/**
 * Where this run caches: the folder named with --cache-dir (a UsageError inside the repository), else
 * the user's cache folder, unless the repository holds it (analyzing one's home folder): no cache then.
 */
function cacheLocation(options: Readonly<AnalyzeOptions>, root: string): CacheLocation | undefined {
  if (!options.cache) return undefined;
  if (options.cacheDir !== undefined) return { dir: checkCacheFolder(options.cacheDir, root), repository: root, toolVersion: TOOL_VERSION, writes: new CacheWrites() };
  const dir = defaultCacheFolder();
  return isInside(root, dir) ? undefined : { dir, repository: root, toolVersion: TOOL_VERSION, writes: new CacheWrites() };
}

/** The accumulator, reporting every 1,000 commits read (a long history is not a silent minute). */
function countingCommits(sink: HistorySink, onProgress: ProgressListener): HistorySink {
  let read = 0;
  return {
    add: (commit) => {
      sink.add(commit);
      if (++read % 1000 === 0) onProgress({ stage: 'history', done: read, total: 0, detail: `${read} commits` });
    },
    reset: () => {
      read = 0;
      sink.reset();
    },
  };
}

/** Options of this machine, not of the analysis (the git program, where the cache is, whether it is used, where the decision file is): left out. */
function portableOptions(options: Readonly<AnalyzeOptions>): Omit<AnalyzeOptions, 'git' | 'cache' | 'cacheDir' | 'decomposition'> {
  // The decision file's path is this machine's too; its content is in the result (`decisions`).
  const { git: _machineSpecific, cache: _sameResultEither, cacheDir: _machineToo, decomposition: _contentKept, ...rest } = options;
  return rest;
}

/**
 * Diagnostics name paths relative to the analysed folder: messages from parsers and git may carry the
 * absolute path of the checkout, which would make analysis.json differ between two checkouts.
 */
function portableDiagnostics(diagnostics: readonly Diagnostic[], root: string): Diagnostic[] {
  const parent = path.dirname(root);
  const strip = (s: string): string => s.split(`${root}${path.sep}`).join('').split(root).join('.').split(`${parent}${path.sep}`).join(`..${path.sep}`);
  return diagnostics.map((d) => ({ ...d, message: strip(d.message), ...(d.file !== undefined ? { file: strip(d.file) } : {}) }));
}

function summarize(model: SystemModel): AnalysisSummary {
  const count = (keys: string[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const k of [...keys].sort(compareStrings)) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  return {
    files: model.files.length,
    modules: model.modules.length,
    lines: model.files.reduce((n, f) => n + f.lines, 0),
    edges: count(model.edges.map((e) => e.kind)),
    externalPackages: model.externals.filter((e) => e.kind === 'package').length,
    unresolvedImports: model.unresolved.length,
    sqlLiterals: model.sqlLiterals.length,
    skipped: count(model.skipped.map((s) => s.reason)),
    diagnostics: count(model.diagnostics.map((d) => d.severity)),
  };
}
