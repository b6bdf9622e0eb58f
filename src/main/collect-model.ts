/**
 * The collecting half of analyze: list -> code (every language adapter) -> roles and framework entry
 * points -> database -> model -> units -> history. Input: the repository's real path, the resolved
 * options and, for `check --since`, the scope (only those files' facts are wanted: no history, no
 * symbol stage, the cache read but never written) and the listing already made. Output: the model,
 * its diagnostics portable (no absolute path), and a promise of the cache writes' problems.
 * Reads the repository, never writes it, never runs its code.
 */
import path from 'node:path';
import { collectDatabase } from '../collect/db/collect-database.js';
import type { HistorySink } from '../collect/history/collect-history.js';
import { assignUnits } from '../classify/assign-units.js';
import { classifyFiles } from '../classify/classify-files.js';
import { matchHttpCalls, servedEndpoints } from '../classify/match-http-calls.js';
import { collectCode } from '../collect/code/collect-code.js';
import { checkCacheFolder, defaultCacheFolder } from '../collect/cache/cache-folder.js';
import { CacheWrites, type CacheLocation } from '../collect/cache/facts-cache.js';
import type { ProgressListener } from '../model/progress.js';
import { listFiles, type FileListing } from '../collect/files/list-files.js';
import type { AnalyzeOptions } from '../config/options.js';
import { buildModel } from '../model/build-model.js';
import { compareDiagnostics, sortedUnique } from '../model/compare.js';
import { isInside } from '../model/ids.js';
import type { Diagnostic, SystemModel } from '../model/types.js';
import { TOOL_VERSION } from '../config/tool-version.js';
import { pushAll } from '../model/group.js';

export interface CollectedModel {
  model: SystemModel;
  /** Waits for the cache writes; their problems as diagnostics. */
  settleCache(): Promise<Diagnostic[]>;
}

export async function collectModel(root: string, options: Readonly<AnalyzeOptions>, onProgress: ProgressListener, scope?: ReadonlySet<string>, given?: FileListing): Promise<CollectedModel> {
  onProgress({ stage: 'list', done: 0, total: 0 });
  const cache = cacheLocation(options, root, scope !== undefined);
  const listing = given ?? listFiles(root, { include: options.include, exclude: options.exclude });
  // The history's modules load only when it is read (a scoped run never does).
  const historyStage =
    options.history && scope === undefined
      ? await Promise.all([import('../collect/history/read-history-beside.js'), import('../model/build-history-model.js'), import('../config/parse-couple-by.js')])
      : undefined;
  // The history does not depend on the code until the model is built: git runs beside the code stage.
  const pendingHistory = historyStage
    ? historyStage[0].readHistoryBeside(root, {
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
    { maxFileBytes: options.maxFileBytes, includeTests: options.includeTests, entryPoints: options.entryPoints, symbols: options.symbols, deep: options.deep, ...(cache ? { cache } : {}), ...(scope ? { scope } : {}) },
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
  pushAll(facts.edges, matchHttpCalls(facts.frameworkFacts ?? new Map()));
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
          ...(scope ? { scope } : {}),
        },
        { ...(options.dialect ? { dialect: options.dialect } : {}), bulkThresholdBytes: options.bulkThresholdBytes },
        onProgress,
      )
    : undefined;
  // The sources were read for the database stage; nothing after it needs them (a large repository's
  // texts would otherwise stay alive through clustering and the reports).
  facts.db.texts.clear();
  onProgress({ stage: 'model', done: 0, total: 0 });
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
  if (pendingHistory && historyStage) {
    onProgress({ stage: 'history', done: 0, total: 0 });
    const accumulator = new historyStage[1].HistoryAccumulator(new Map(built.files.map((f) => [f.path, f.module])), {
      coupleBy: historyStage[2].parseCoupleBy(options.coupleBy),
      maxChangesetSize: options.maxChangesetSize,
      maintenancePattern: options.maintenancePattern,
      minRevs: options.minRevs,
      minShared: options.minShared,
      minCoupling: options.minCoupling,
      mergesExcluded: !options.includeMerges,
      churn: options.churn,
    });
    const history = await pendingHistory.facts(countingCommits(accumulator, onProgress));
    onProgress({ stage: 'history', done: history.commits.length, total: history.commits.length, detail: `${history.commits.length} commits` });
    model = {
      ...built,
      diagnostics: sortedUnique([...built.diagnostics, ...history.diagnostics], compareDiagnostics),
      history: accumulator.build(history),
    };
  }
  model = { ...model, diagnostics: sortedUnique(portableDiagnostics(model.diagnostics, root), compareDiagnostics) };
  return { model, settleCache: async () => (cache ? await cache.writes.settle() : []) };
}

/**
 * Where this run caches: the folder named with --cache-dir (a UsageError inside the repository), else
 * the user's cache folder, unless the repository holds it (analyzing one's home folder): no cache then.
 */
function cacheLocation(options: Readonly<AnalyzeOptions>, root: string, readOnly: boolean): CacheLocation | undefined {
  if (!options.cache) return undefined;
  const mode = readOnly ? { readOnly: true } : {};
  if (options.cacheDir !== undefined) return { dir: checkCacheFolder(options.cacheDir, root), repository: root, toolVersion: TOOL_VERSION, writes: new CacheWrites(), ...mode };
  const dir = defaultCacheFolder();
  return isInside(root, dir) ? undefined : { dir, repository: root, toolVersion: TOOL_VERSION, writes: new CacheWrites(), ...mode };
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

/**
 * Diagnostics name paths relative to the analysed folder: messages from parsers and git may carry the
 * absolute path of the checkout, which would make analysis.json differ between two checkouts.
 */
function portableDiagnostics(diagnostics: readonly Diagnostic[], root: string): Diagnostic[] {
  const parent = path.dirname(root);
  const strip = (s: string): string => s.split(`${root}${path.sep}`).join('').split(root).join('.').split(`${parent}${path.sep}`).join(`..${path.sep}`);
  return diagnostics.map((d) => ({ ...d, message: strip(d.message), ...(d.file !== undefined ? { file: strip(d.file) } : {}) }));
}

