/**
 * What `analyze` returns and `analysis.json` holds: the result types every reporter reads. They live
 * here, below main/, so that reporters depend on the result and not on the code that computes it.
 * `analysis.schema.json` is generated from these types (npm run schema) and validates every
 * analysis.json that `msa-split report` is given.
 */
import type { LevelRecommendation, QualityPoint } from '../plan/recommend-level.js';
import type { CodeAnalyses } from '../analyze/registry.js';
import type { AnalyzeOptions } from '../config/options.js';
import type { Decomposition, SystemModel } from '../model/types.js';
import type { DecisionFile } from '../model/decision-file.js';
import type { MigrationPlan } from '../plan/plan-migration.js';
import type { DecompositionExplanations } from '../score/explain-decomposition.js';
import type { DecompositionScores } from '../score/score-decomposition.js';
import type { DecompositionAssessment } from '../score/assess-decomposition.js';

export interface AnalysisSummary {
  files: number;
  modules: number;
  lines: number;
  /** Edge counts (distinct module pairs) per kind. */
  edges: Record<string, number>;
  externalPackages: number;
  unresolvedImports: number;
  sqlLiterals: number;
  /** Skipped paths per reason. */
  skipped: Record<string, number>;
  /** Diagnostics per severity. */
  diagnostics: Record<string, number>;
}

export interface AnalysisResult {
  schemaVersion: number;
  tool: { name: 'msa-split'; version: string };
  /** The options that produced this result (granularity in CLI form; `roles` absent in results written before roles existed). */
  options: Omit<AnalyzeOptions, 'granularity' | 'git' | 'cache' | 'cacheDir' | 'decomposition' | 'roles' | 'priorities' | 'maintenancePattern'> & {
    granularity: string;
    roles?: AnalyzeOptions['roles'];
    /** Absent in results written before priorities existed. */
    priorities?: AnalyzeOptions['priorities'];
    /** Absent in results written before maintenance commits were detected. */
    maintenancePattern?: string;
  };
  summary: AnalysisSummary;
  model: SystemModel;
  analyses: CodeAnalyses;
  /** Candidate contexts (absent with cluster: false). */
  decomposition?: Decomposition;
  /** The decision file the decomposition was decided in (`--decomposition`), canonical: written back as msa-split.decomposition.yaml. Absent for a proposal. */
  decisions?: DecisionFile;
  scores?: DecompositionScores;
  explanations?: DecompositionExplanations;
  plan?: MigrationPlan;
  /** The test safety net, change smells, language conflicts, size and reuse-or-rewrite evidence of the decomposition. Absent in analyses written before it. */
  assessment?: DecompositionAssessment;
  /** Quality over the number of contexts, one point per level of the proposal's hierarchy (fewest first). Absent in analyses written before it. */
  qualityCurve?: QualityPoint[];
  /** The recommended macro and micro numbers of contexts, with the reason. */
  levels?: LevelRecommendation;
}

