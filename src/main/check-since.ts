/**
 * `msa-split check --since REV`: what the files changed since REV add, fast enough for every pull
 * request. Input: the prepared run (its options name the decision file), the revision, the baseline's
 * keys. Output: the scoped violations compared with the baseline, with what was looked at; or why the
 * full check is needed instead (a change to the decision file or the config file, where they live in
 * the repository, counts too).
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
import type { ProgressListener } from '../model/progress.js';
import { UsageError } from '../model/usage-error.js';
import { restrictModel } from '../model/restrict-model.js';
import { checkBoundaries, keyInScope, WHOLE_SYSTEM_RULES, type CheckScope } from '../score/check-boundaries.js';
import { compareWithBaseline, type BaselineComparison } from '../score/compare-baseline.js';
import { codeCacheFolder } from '../collect/cache/cache-folder.js';
import { readDecisionFile } from '../config/read-decision-file.js';
import { watchedFiles } from '../config/watched-files.js';
import { canonicalDecisions } from '../report/decision-file-text.js';
import type { CheckSince } from '../report/render-check.js';
import type { PreparedRun } from './prepare-run.js';

/** Files whose change can move every module or re-resolve every import. */
const LAYOUT_FILE = /(^|\/)(?:[tj]sconfig[^/]*\.json|package\.json|pom\.xml|(?:build|settings)\.gradle(?:\.kts)?)$/;

/**
 * The CLI's `check --since`: git starts at once and answers while the decision file is read (through
 * the cache folder) and the collectors load (`collect-model.js` is imported here, not at the top, so
 * that its ~0.4 s of loading overlaps git); then the scoped check, or, when a changed file calls for it,
 * why the full check must run instead (the caller runs it).
 */
export async function checkSinceForRun(
  run: PreparedRun,
  rev: string,
  baseline: ReadonlySet<string>,
  onProgress: ProgressListener,
): Promise<{ kind: 'scoped'; comparison: BaselineComparison; since: CheckSince } | { kind: 'full'; since: CheckSince }> {
  const { root, options } = run;
  const pending = changesSince(root, rev, {
    ...(options.git ? { git: options.git } : {}),
    allowOutsideGitDir: options.allowOutsideGitDir,
    idleMs: options.gitTimeout * 1000,
    maxFileBytes: options.maxFileBytes,
  });
  try {
    const decisions = canonicalDecisions(readDecisionFile(options.decomposition!, codeCacheFolder(options, root)));
    const watched = watchedFiles(root, [options.decomposition, run.configFile]);
    const { collectModel } = await import('./collect-model.js');
    onProgress({ stage: 'list', done: 0, total: 0 });
    const listing = listFiles(root, { include: options.include, exclude: options.exclude });
    const changed = await pending.finish(listing);
    if (!changed.ok) throw new UsageError(changed.message);
    const layout = changed.files.find((f) => watched.includes(f) || LAYOUT_FILE.test(f));
    if (layout !== undefined) {
      const what = watched.includes(layout) ? 'which decides where every module goes' : 'which can change how every import resolves or which package a file belongs to';
      return { kind: 'full', since: { since: rev, commit: changed.commit, files: changed.files.length, leftToFullCheck: [], fullBecause: `${layout} changed since ${rev}, ${what}: the whole repository was checked` } };
    }
    const files = new Set(changed.files);
    const { model } = await collectModel(root, { ...options, history: false }, onProgress, files, listing);
    const modules = new Set(model.files.filter((f) => files.has(f.path)).map((f) => f.module));
    const scope: CheckScope = { files, modules };
    onProgress({ stage: 'kernel', done: 0, total: 0 });
    // Placement is decided for what the change touches: the changed modules and what they depend on.
    const touched = restrictModel(model, modules);
    const { decomposition } = decideDecomposition(touched, analyzeSharedKernel(touched, { minAreas: options.kernelMinAreas }), decisions, options, true);
    const violations = checkBoundaries(touched, decomposition, decisions, undefined, scope);
    return {
      kind: 'scoped',
      comparison: compareWithBaseline(violations, baseline, keyInScope(scope)),
      since: { since: rev, commit: changed.commit, files: files.size, modules: modules.size, leftToFullCheck: [...WHOLE_SYSTEM_RULES] },
    };
  } finally {
    await pending.close();
  }
}
