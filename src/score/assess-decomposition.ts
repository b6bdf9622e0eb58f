/**
 * What the course asks of a split beyond coupling numbers, for any decomposition (proposed or given):
 * the test safety net, change smells, ubiquitous-language conflicts, size against the heuristics,
 * and reuse-or-rewrite evidence. Each part is its own analysis file; this one only gathers them.
 */
import type { CodeAnalyses } from '../analyze/registry.js';
import type { Decomposition, SystemModel } from '../model/types.js';
import { analyzeChangeSmells, type ChangeSmells } from './change-smells.js';
import { analyzeContextSize, type SizeReport } from './context-size.js';
import { analyzeRewriteSignals, type RewriteSignals } from './rewrite-signals.js';
import { analyzeTestSafetyNet, type TestSafetyNet } from './test-safety-net.js';
import { analyzeUbiquitousLanguage, type UbiquitousLanguage } from './ubiquitous-language.js';

export interface DecompositionAssessment {
  /** Absent when tests were analyzed as modules (--include-tests) or in analyses written before it. */
  safetyNet?: TestSafetyNet;
  /** Absent without history. */
  changeSmells?: ChangeSmells;
  language: UbiquitousLanguage;
  size: SizeReport;
  rewrite: RewriteSignals;
}

export function assessDecomposition(model: SystemModel, d: Decomposition, analyses: Pick<CodeAnalyses, 'hotspots' | 'unreferenced'>): DecompositionAssessment {
  const safetyNet = analyzeTestSafetyNet(model, d);
  const changeSmells = analyzeChangeSmells(model, d);
  return {
    ...(safetyNet ? { safetyNet } : {}),
    ...(changeSmells ? { changeSmells } : {}),
    language: analyzeUbiquitousLanguage(model, d),
    size: analyzeContextSize(model, d),
    rewrite: analyzeRewriteSignals(model, d, analyses.hotspots, analyses.unreferenced, safetyNet),
  };
}
