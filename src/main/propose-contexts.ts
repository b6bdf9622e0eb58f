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
import type { AnalyzeOptions } from '../config/options.js';
import { resolveOptions, type OptionLayer } from '../config/resolve-options.js';
import type { SystemModel } from '../model/types.js';
import { planMigration } from '../plan/plan-migration.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import { explainDecomposition } from '../score/explain-decomposition.js';
import { scoreDecomposition } from '../score/score-decomposition.js';

/** Set-asides, kernel, weighted graph, seeded clustering, scores, explanations and the migration plan. */
export function proposeContexts(model: SystemModel, analyses: CodeAnalyses, options: Readonly<AnalyzeOptions>) {
  // Platform and tooling are set aside before the kernel is chosen: a settings file every area reads is
  // wiring, not a shared library; a tool's config is neither.
  const setAsides = selectSetAsides(model);
  const apart = new Set([...setAsides.platform, ...setAsides.tooling]);
  const kernel = selectKernel(model, analyses.sharedKernel, options.kernel).filter((m) => !apart.has(m));
  const outside = new Set([...kernel, ...apart]);
  const { graph } = buildModuleGraph(model, outside, options.weights);
  const clustered = clusterModules(model, buildModuleGraph(model, outside, options.weights, { anchors: true }).graph, kernel, {
    seed: options.seed,
    runs: options.runs,
    resolution: options.resolution,
    minContextSize: options.minContextSize,
    ...(options.contexts !== undefined ? { contexts: options.contexts } : {}),
  });
  const decomposition = { ...clustered, platform: platformWiring(model, setAsides.platform, clustered), tooling: setAsides.tooling };
  const scores = scoreDecomposition(model, decomposition, graph);
  return { decomposition, scores, explanations: explainDecomposition(decomposition, graph, model), plan: planMigration(model, decomposition, scores, analyses.cycles, new Set(analyses.unreferenced.modules.map((m) => m.module))) };
}

/** The saved result with its contexts proposed again under the saved options overlaid by `flags`. */
export function reproposeContexts(result: AnalysisResult, flags: OptionLayer): AnalysisResult {
  const { options } = resolveOptions([{ source: { kind: 'api' }, values: result.options as unknown as Record<string, unknown> }, flags]);
  const proposal = proposeContexts(result.model, result.analyses, options);
  return { ...result, options: { ...result.options, ...options, granularity: result.options.granularity }, ...proposal };
}
