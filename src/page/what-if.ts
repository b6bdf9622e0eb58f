/**
 * The what-if engine of report.html: a decision file in, the decomposition analyze would make of it and
 * its figures out. It calls the very functions analyze calls (cluster/decide-decomposition.ts, the
 * scoring graph without the decomposition's set-asides, score/score-decomposition.ts,
 * plan/plan-migration.ts) on the embedded model, so the page and `analyze --decomposition` agree to
 * the last digit (test/page/what-if.test.ts compares them).
 * The figures shown are plan/headline-figures.ts's, the same analyze's quality curve reports.
 */
import { decideDecomposition } from '../cluster/decide-decomposition.js';
import type { DecisionFile } from '../model/decision-file.js';
import type { Decomposition } from '../model/types.js';
import { figuresOf, type Figures } from '../plan/headline-figures.js';
import { planMigration, type MigrationPlan } from '../plan/plan-migration.js';
import { scoreDecomposition, type DecompositionScores } from '../score/score-decomposition.js';
import type { WhatIfData } from './page-data.js';

export interface Evaluation {
  decomposition: Decomposition;
  scores: DecompositionScores;
  plan: MigrationPlan;
  figures: Figures;
}

/** The decomposition, scores, plan and figures analyze would produce for `file`. */
export function evaluate(data: WhatIfData, file: DecisionFile): Evaluation {
  const { decomposition, graph } = decideDecomposition(data.model, data.sharedKernel, file, data.options);
  const scores = scoreDecomposition(data.model, decomposition, graph);
  const plan = planMigration(data.model, decomposition, scores, data.cycles, new Set(data.dead), data.options.priorities);
  return { decomposition, scores, plan, figures: figuresOf(scores, plan) };
}

