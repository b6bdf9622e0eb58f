/**
 * The what-if engine of report.html: a decision file in, the decomposition analyze would make of it and
 * its figures out. It calls the very functions analyze calls (cluster/decide-decomposition.ts, the
 * scoring graph without the decomposition's set-asides, score/score-decomposition.ts,
 * plan/plan-migration.ts) on the embedded model, so the page and `analyze --decomposition` agree to
 * the last digit (test/page/what-if.test.ts compares them).
 * Figures: mean cohesion and coupling over contexts, modularity Q, ICP, IFN, NED, foreign keys, joins
 * and transactions that cross contexts (each counted once), plan cost = sum of the steps' costs.
 */
import { decideDecomposition } from '../cluster/decide-decomposition.js';
import type { DecisionFile } from '../model/decision-file.js';
import { round3 } from '../model/numbers.js';
import type { Decomposition } from '../model/types.js';
import { planMigration, type MigrationPlan } from '../plan/plan-migration.js';
import { scoreDecomposition, type DecompositionScores } from '../score/score-decomposition.js';
import type { WhatIfData } from './page-data.js';

export interface Figures {
  contexts: number;
  meanCohesion: number;
  meanCoupling: number;
  modularity: number;
  interCallPercentage: number;
  interfaceNumber: number;
  nonExtremeDistribution: number;
  crossingForeignKeys: number;
  crossingJoins: number;
  crossingTransactions: number;
  planCost: number;
}

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

/** The headline figures of scored decomposition (the same for analyze's result and the page's). */
export function figuresOf(scores: DecompositionScores, plan: MigrationPlan): Figures {
  const n = Math.max(1, scores.contexts.length);
  const once = (rows: string[]) => new Set(rows).size;
  return {
    contexts: scores.global.contexts,
    meanCohesion: round3(scores.contexts.reduce((s, c) => s + c.cohesion, 0) / n),
    meanCoupling: round3(scores.contexts.reduce((s, c) => s + c.coupling, 0) / n),
    modularity: scores.global.modularity,
    interCallPercentage: scores.global.interCallPercentage,
    interfaceNumber: scores.global.interfaceNumber,
    nonExtremeDistribution: scores.global.nonExtremeDistribution,
    crossingForeignKeys: once(scores.contexts.flatMap((c) => c.crossForeignKeys.map((k) => `${k.from}\0${k.to}`))),
    crossingJoins: once(scores.contexts.flatMap((c) => c.crossJoins.map((j) => `${j.a}\0${j.b}`))),
    crossingTransactions: (scores.crossingTransactions ?? []).length,
    planCost: round3(plan.steps.reduce((s, x) => s + x.cost, 0)),
  };
}
