/**
 * The public API: analyze(path, options) -> AnalysisResult.
 * Orchestrates collect -> model -> analyses and reports progress; reads the repository, never writes it,
 * never runs its code. The result holds no absolute paths and no clock time, so it is byte-identical
 * for the same input and options.
 */
import { runCodeAnalyses } from '../analyze/registry.js';
import type { AnalysisResult, AnalysisSummary } from '../result/analysis-result.js';
import type { ProgressListener } from '../model/progress.js';
import { resolveRepositoryPath } from '../collect/files/resolve-repository.js';
import type { AnalyzeOptions } from '../config/options.js';
import { resolveApiOptions, type AnalyzeOptionsInput } from '../config/resolve-options.js';
import { compareDiagnostics, compareStrings, sortedUnique } from '../model/compare.js';
import { formatGranularity } from '../model/ids.js';
import { SCHEMA_VERSION, type SystemModel } from '../model/types.js';
import { TOOL_VERSION } from '../config/tool-version.js';
import { UsageError } from '../model/usage-error.js';
import { collectModel } from './collect-model.js';
import { proposeContexts } from './propose-contexts.js';
import { decideContexts } from './decide-contexts.js';
import { readDecisionFile } from '../config/read-decision-file.js';
import { codeCacheFolder } from '../collect/cache/cache-folder.js';
import { canonicalDecisions } from '../report/decision-file-text.js';

/**
 * Analyzes the repository at `target`. `input` goes through the same options pipeline as the CLI's
 * flags: a bad value throws an OptionsError (a UsageError) listing every problem.
 */
export async function analyze(target: string, input: AnalyzeOptionsInput = {}, onProgress: ProgressListener = () => {}): Promise<AnalysisResult> {
  const options = resolveApiOptions(input);
  // A bad decision file is a usage error before any work.
  if (options.decomposition !== undefined && !options.cluster) throw new UsageError('--decomposition scores the decided contexts: it cannot be combined with --no-cluster');
  const root = resolveRepositoryPath(target);
  const decisions = options.decomposition !== undefined ? canonicalDecisions(readDecisionFile(options.decomposition, codeCacheFolder(options, root))) : undefined;
  const collected = await collectModel(root, options, onProgress);
  let model = collected.model;
  onProgress({ stage: 'analyses', done: 0, total: 0 });
  const analyses = runCodeAnalyses(model, options);
  const decided = options.cluster && decisions ? decideContexts(model, analyses, decisions, options, onProgress) : undefined;
  if (decided) model = { ...model, diagnostics: sortedUnique([...model.diagnostics, ...decided.diagnostics], compareDiagnostics) };
  const { diagnostics: _inModel, ...decidedResult } = decided ?? { diagnostics: [] };
  const proposal = options.cluster ? (decided ? decidedResult : proposeContexts(model, analyses, options, onProgress)) : undefined;
  const cacheProblems = await collected.settleCache();
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

/** Options of this machine, not of the analysis (the git program, where the cache is, whether it is used, where the decision file is): left out. */
function portableOptions(options: Readonly<AnalyzeOptions>): Omit<AnalyzeOptions, 'git' | 'cache' | 'cacheDir' | 'decomposition'> {
  // The decision file's path is this machine's too; its content is in the result (`decisions`).
  const { git: _machineSpecific, cache: _sameResultEither, cacheDir: _machineToo, decomposition: _contentKept, ...rest } = options;
  return rest;
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
