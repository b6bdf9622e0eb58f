/**
 * The clustering half of the pipeline, on a model already built: kernel, weighted graph, seeded
 * clustering, scores, explanations and the migration plan. `reproposeContexts` runs it again on a
 * saved analysis with other clustering options (`msa-split graph analysis.json --contexts 4`).
 */
import type { CodeAnalyses } from '../analyze/registry.js';
import { buildModuleGraph } from '../cluster/build-module-graph.js';
import { clusterModules } from '../cluster/cluster-modules.js';
import { selectKernel } from '../cluster/select-kernel.js';
import { platformWiring, selectSetAsides } from '../cluster/select-set-asides.js';
import { liftSpreadModules } from '../cluster/lift-spread-modules.js';
import { compareStrings } from '../model/compare.js';
import type { AnalyzeOptions } from '../config/options.js';
import { resolveOptions, type OptionLayer } from '../config/resolve-options.js';
import type { Decomposition, SystemModel } from '../model/types.js';
import { setAsidesOf } from '../model/context-index.js';
import type { UndirectedGraph } from '../model/graphology.js';
import { planMigration } from '../plan/plan-migration.js';
import { figuresOf } from '../plan/headline-figures.js';
import type { ProgressListener } from '../model/progress.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import { explainDecomposition } from '../score/explain-decomposition.js';
import { scoreDecomposition } from '../score/score-decomposition.js';
import { decompositionAtLevel } from '../cluster/merge-levels.js';
import { recommendLevels, type QualityPoint } from '../plan/recommend-level.js';
import { assessDecomposition } from '../score/assess-decomposition.js';
import { withTestsFirst } from '../plan/tests-first.js';

/** Levels of the hierarchy scored for the quality curve (each costs one scoring and one plan). */
const MAX_LEVELS = 30;

/** Set-asides, kernel, weighted graph, seeded clustering, scores, explanations and the migration plan. */
export function proposeContexts(model: SystemModel, analyses: CodeAnalyses, options: Readonly<AnalyzeOptions>, onProgress: ProgressListener = () => {}) {
  onProgress({ stage: 'kernel', done: 0, total: 0 });
  // Platform and tooling are set aside before the kernel is chosen: a settings file every area reads is
  // wiring, not a shared library; a tool's config is neither.
  const setAsides = selectSetAsides(model);
  const apart = new Set([...setAsides.platform, ...setAsides.tooling]);
  const kernel = selectKernel(model, analyses.sharedKernel, options.kernel).filter((m) => !apart.has(m));
  const outside = new Set([...kernel, ...apart]);
  const clustered = clusterModules(
    model,
    buildModuleGraph(model, outside, options.weights, { anchors: true }).graph,
    kernel,
    {
      seed: options.seed,
      runs: options.runs,
      resolution: options.resolution,
      minContextSize: options.minContextSize,
      ...(options.contexts !== undefined ? { contexts: options.contexts } : {}),
    },
    (done, total) => onProgress({ stage: 'clustering', done, total, detail: `${done} of ${total} runs` }),
  );
  // Modules every context uses alike, or that wire them all, leave the context clustering gave them.
  const lifted = liftSpreadModules(model, clustered);
  const reasonOf = new Map(lifted.platform.map((p) => [p.module, p.reason]));
  const platform = platformWiring(model, [...setAsides.platform, ...lifted.platform.map((p) => p.module)].sort(compareStrings), lifted.decomposition).map((p) =>
    reasonOf.has(p.module) ? { ...p, reason: reasonOf.get(p.module)! } : p,
  );
  const decomposition = {
    ...lifted.decomposition,
    platform,
    tooling: setAsides.tooling,
    ...(lifted.kernel.length > 0 ? { kernelReasons: lifted.kernel } : {}),
  };
  return completeDecomposition(model, analyses, decomposition, options, onProgress);
}

/**
 * Scores, explanations, the plan (every level of the hierarchy for a proposal), the recommended
 * levels and the checks, for any decomposition: proposed by clustering or decided in a decision file.
 * The graph scored is the module graph without the decomposition's own set-asides (kernel, platform,
 * tooling), so a split scores the same however it was obtained. A decomposition that brings its own
 * macro level (a decision file's) keeps it.
 */
export function completeDecomposition(
  model: SystemModel,
  analyses: CodeAnalyses,
  decomposition: Decomposition,
  options: Readonly<AnalyzeOptions>,
  onProgress: ProgressListener = () => {},
  // The module graph without the decomposition's set-asides, when the caller has it already.
  graph: UndirectedGraph = buildModuleGraph(model, setAsidesOf(decomposition), options.weights).graph,
) {
  const dead = new Set(analyses.unreferenced.modules.map((m) => m.module));
  onProgress({ stage: 'scores', done: 0, total: 0 });
  const scores = scoreDecomposition(model, decomposition, graph);
  const explanations = explainDecomposition(decomposition, graph, model);
  onProgress({ stage: 'plan', done: 0, total: 0 });
  const plan = planMigration(model, decomposition, scores, analyses.cycles, dead, options.priorities);
  // Go macro first: every level of the proposal's own hierarchy, scored and planned.
  const qualityCurve: QualityPoint[] = [];
  const atLevel = new Map<number, Decomposition>();
  for (let k = decomposition.contexts.length; k >= 2 && decomposition.contexts.length - k <= (decomposition.merges?.length ?? 0) && qualityCurve.length < MAX_LEVELS; k--) {
    onProgress({ stage: 'plan', done: decomposition.contexts.length - k, total: Math.min(MAX_LEVELS, decomposition.contexts.length - 1), detail: `${qualityCurve.length} levels` });
    const level = k === decomposition.contexts.length ? decomposition : decompositionAtLevel(decomposition, k);
    atLevel.set(k, level);
    const s = k === decomposition.contexts.length ? scores : scoreDecomposition(model, level, graph);
    const p = k === decomposition.contexts.length ? plan : planMigration(model, level, s, analyses.cycles, dead, options.priorities);
    const f = figuresOf(s, p);
    qualityCurve.push({
      contexts: level.contexts.length,
      modularity: f.modularity,
      interCallPercentage: f.interCallPercentage,
      nonExtremeDistribution: f.nonExtremeDistribution,
      meanCohesion: f.meanCohesion,
      meanCoupling: f.meanCoupling,
      planCost: f.planCost,
    });
  }
  qualityCurve.reverse();
  const levels = recommendLevels(qualityCurve, decomposition.contexts.length);
  // The macro level was scored in the loop above: reuse it.
  const macro = !decomposition.macro && levels && levels.macro < decomposition.contexts.length ? atLevel.get(levels.macro) : undefined;
  const withMacro = macro
    ? {
        ...decomposition,
        macro: macro.contexts.map((c) => {
          const members = new Set(c.modules);
          return { id: `macro-${c.id}`, name: c.name, contexts: decomposition.contexts.filter((x) => members.has(x.modules[0]!)).map((x) => x.id) };
        }),
      }
    : decomposition;
  onProgress({ stage: 'plan', done: qualityCurve.length, total: qualityCurve.length, detail: `${qualityCurve.length} levels` });
  onProgress({ stage: 'checks', done: 0, total: 0 });
  const assessment = assessDecomposition(model, withMacro, analyses);
  return { decomposition: withMacro, scores, explanations, plan: withTestsFirst(plan, assessment.safetyNet), assessment, qualityCurve, ...(levels ? { levels } : {}) };
}


/** The saved result with its contexts proposed again under the saved options overlaid by `flags`. */
export function reproposeContexts(result: AnalysisResult, flags: OptionLayer): AnalysisResult {
  const { options } = resolveOptions([{ source: { kind: 'api' }, values: result.options as unknown as Record<string, unknown> }, flags]);
  const proposal = proposeContexts(result.model, result.analyses, options);
  // A proposal replaces whatever the saved analysis decided: its decision file no longer describes it.
  const { decisions: _replaced, ...rest } = result;
  return { ...rest, options: { ...result.options, ...options, granularity: result.options.granularity }, ...proposal };
}
