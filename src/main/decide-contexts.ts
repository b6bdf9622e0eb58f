/**
 * The decided half of the pipeline: a decision file (msa-split.decomposition.yaml) instead of a
 * proposal (cluster/decide-decomposition.ts), scored, explained, planned and checked exactly like one
 * (completeDecomposition).
 */
import type { CodeAnalyses } from '../analyze/registry.js';
import { decideDecomposition } from '../cluster/decide-decomposition.js';
import type { AnalyzeOptions } from '../config/options.js';
import type { DecisionFile } from '../model/decision-file.js';
import type { ProgressListener } from '../model/progress.js';
import type { SystemModel } from '../model/types.js';
import { completeDecomposition } from './propose-contexts.js';

export function decideContexts(model: SystemModel, analyses: CodeAnalyses, file: DecisionFile, options: Readonly<AnalyzeOptions>, onProgress: ProgressListener = () => {}) {
  onProgress({ stage: 'kernel', done: 0, total: 0 });
  const { decomposition, diagnostics, graph } = decideDecomposition(model, analyses.sharedKernel, file, options);
  return { ...completeDecomposition(model, analyses, decomposition, options, onProgress, graph), diagnostics };
}
