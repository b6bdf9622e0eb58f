/**
 * `msa-split check`: the decided analysis held to its decision file (score/check-boundaries.ts), then
 * compared with the known violations (score/compare-baseline.ts).
 */
import { checkBoundaries, type Violation } from '../score/check-boundaries.js';
import { compareWithBaseline, type BaselineComparison } from '../score/compare-baseline.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import { UsageError } from '../model/usage-error.js';

export function checkAnalysis(result: AnalysisResult, baseline: ReadonlySet<string>): { violations: Violation[]; comparison: BaselineComparison } {
  if (!result.decisions || !result.decomposition || !result.scores) throw new UsageError('check needs a decided analysis: name the decision file with --decomposition');
  const violations = checkBoundaries(result.model, result.decomposition, result.decisions, result.scores);
  return { violations, comparison: compareWithBaseline(violations, baseline) };
}

