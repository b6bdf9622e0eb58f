/**
 * The headline figures of a scored and planned decomposition: what the quality curve lists per level
 * (main/propose-contexts.ts) and what report.html's what-if shows before and after a move.
 * Input: its scores and plan. Output: contexts, mean cohesion and coupling over contexts (3 decimals),
 * modularity Q, ICP, IFN, NED, foreign keys, joins and transactions that cross contexts (each counted
 * once), plan cost = sum of the steps' costs (3 decimals).
 */
import { round3 } from '../model/numbers.js';
import type { DecompositionScores } from '../score/score-decomposition.js';
import type { MigrationPlan } from './plan-migration.js';

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

/** The figures of a scored decomposition and its plan (the same for analyze's result and the page's). */
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
