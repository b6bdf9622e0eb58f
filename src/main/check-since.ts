/**
 * `msa-split check --since REV`: what the files changed since REV add, fast enough for every pull
 * request. Input: the repository's real path, the resolved options, the decision file, the revision,
 * and the repository-relative paths whose change calls for the full check (the decision file, the
 * config file, when they live in the repository). Output: the scoped violations with the scope, or
 * why the full check is needed instead.
 * How: the changed files (collect/history/changed-files.ts) are the scope; every file is listed (imports
 * resolve against the whole repository, the database stage reads every schema and entity), only the
 * scope's files are scanned (every file's text is read only when an ORM or schema builder declared in
 * a package.json may keep a schema in code), no history, no symbol stage, no scores; the decided
 * decomposition is applied to the changed modules and what they depend on (model/restrict-model.ts;
 * modules the file leaves open are placed from the ties the scanned files show) and the per-change rules
 * run on the changed modules (score/check-boundaries.ts). A change to what decides
 * where every module goes or how every import resolves (the decision file, the config, tsconfig/jsconfig,
 * package.json, pom.xml, Gradle builds) needs the full check: the caller runs it and says why.
 */
import { analyzeSharedKernel } from '../analyze/shared-kernel.js';
import { decideDecomposition } from '../cluster/decide-decomposition.js';
import { changesSince } from '../collect/history/changed-files.js';
import { listFiles } from '../collect/files/list-files.js';
import type { AnalyzeOptions } from '../config/options.js';
import type { DecisionFile } from '../model/decision-file.js';
import type { ProgressListener } from '../model/progress.js';
import { UsageError } from '../model/usage-error.js';
import { restrictModel } from '../model/restrict-model.js';
import { checkBoundaries, keyInScope, WHOLE_SYSTEM_RULES, type CheckScope, type Violation } from '../score/check-boundaries.js';
import { compareWithBaseline, type BaselineComparison } from '../score/compare-baseline.js';
import { codeCacheFolder } from '../collect/cache/cache-folder.js';
import { readDecisionFile } from '../config/read-decision-file.js';
import { watchedFiles } from '../config/watched-files.js';
import { canonicalDecisions } from '../report/decision-file-text.js';
import type { CheckSince } from '../report/render-check.js';
import type { PreparedRun } from './prepare-run.js';

/** Files whose change can move every module or re-resolve every import. */
const LAYOUT_FILE = /(^|\/)(?:[tj]sconfig[^/]*\.json|package\.json|pom\.xml|(?:build|settings)\.gradle(?:\.kts)?)$/;

export interface ScopeSummary {
  since: string;
  commit: string;
  /** Listed files changed since the revision (committed, or in the work tree). */
  files: number;
  /** Modules holding them. */
  modules: number;
}

export type SinceCheck =
  | { kind: 'scoped'; violations: Violation[]; inScope: (key: string) => boolean; scope: ScopeSummary }
  | { kind: 'full'; why: string; scope: ScopeSummary };

/**
 * Starts the check: git answers while the caller reads the decision file and the collectors load
 * (`collect-model.js` is imported here, not at the top, so that its ~0.4 s of loading overlaps git).
 * Always `close()` it.
 */
export function startCheckSince(root: string, options: Readonly<AnalyzeOptions>, rev: string): { check(decisions: DecisionFile, watched: readonly string[], onProgress: ProgressListener): Promise<SinceCheck>; close(): Promise<void> } {
  const pending = changesSince(root, rev, {
    ...(options.git ? { git: options.git } : {}),
    allowOutsideGitDir: options.allowOutsideGitDir,
    idleMs: options.gitTimeout * 1000,
    maxFileBytes: options.maxFileBytes,
  });
  return {
    close: () => pending.close(),
    async check(decisions, watched, onProgress) {
      const { collectModel } = await import('./collect-model.js');
      onProgress({ stage: 'list', done: 0, total: 0 });
      const listing = listFiles(root, { include: options.include, exclude: options.exclude });
      const changed = await pending.finish(listing);
      if (!changed.ok) throw new UsageError(changed.message);
      const summary = (modules: number): ScopeSummary => ({ since: rev, commit: changed.commit, files: changed.files.length, modules });
      const layout = changed.files.find((f) => watched.includes(f) || LAYOUT_FILE.test(f));
      if (layout !== undefined) {
        const what = watched.includes(layout) ? 'which decides where every module goes' : 'which can change how every import resolves or which package a file belongs to';
        return { kind: 'full', why: `${layout} changed since ${rev}, ${what}: the whole repository was checked`, scope: summary(0) };
      }
      const files = new Set(changed.files);
      const { model } = await collectModel(root, { ...options, history: false }, onProgress, files, listing);
      const modules = new Set(model.files.filter((f) => files.has(f.path)).map((f) => f.module));
      const scope: CheckScope = { files, modules };
      onProgress({ stage: 'kernel', done: 0, total: 0 });
      // Placement is decided for what the change touches: the changed modules and what they depend on.
      const touched = restrictModel(model, modules);
      const { decomposition } = decideDecomposition(touched, analyzeSharedKernel(touched, { minAreas: options.kernelMinAreas }), decisions, options, true);
      return { kind: 'scoped', violations: checkBoundaries(touched, decomposition, decisions, undefined, scope), inScope: keyInScope(scope), scope: summary(modules.size) };
    },
  };
}

/**
 * The CLI's `check --since`: git starts first, the decision file is read (through the cache folder)
 * while it answers, then the scoped check; or, when a changed file calls for it, what the full check
 * must say about why it ran.
 */
export async function checkSinceForRun(
  run: PreparedRun,
  rev: string,
  baseline: ReadonlySet<string>,
  onProgress: ProgressListener,
): Promise<{ kind: 'scoped'; comparison: BaselineComparison; since: CheckSince } | { kind: 'full'; since: CheckSince }> {
  const started = startCheckSince(run.root, run.options, rev);
  try {
    const decisions = canonicalDecisions(readDecisionFile(run.options.decomposition!, codeCacheFolder(run.options, run.root)));
    const result = await started.check(decisions, watchedFiles(run.root, [run.options.decomposition, run.configFile]), onProgress);
    if (result.kind === 'full') return { kind: 'full', since: { since: rev, commit: result.scope.commit, files: result.scope.files, leftToFullCheck: [], fullBecause: result.why } };
    return { kind: 'scoped', comparison: compareWithBaseline(result.violations, baseline, result.inScope), since: { ...result.scope, leftToFullCheck: [...WHOLE_SYSTEM_RULES] } };
  } finally {
    await started.close();
  }
}
