/**
 * How many services: the quality curve over the number of contexts and the recommended macro and micro
 * levels. Input: one point per level of the proposal's hierarchy (scores and plan cost of the
 * decomposition merged to that many contexts). Output: the recommendation with its reason.
 * Rule ("go macro first, then micro"): micro = the level with the highest modularity Q (the proposal
 * itself on ties); macro = the fewest contexts (at least 2) that keep 85% of that Q: the first cut a
 * team makes, each macro context split later along the hierarchy.
 */
export interface QualityPoint {
  contexts: number;
  modularity: number;
  interCallPercentage: number;
  nonExtremeDistribution: number;
  meanCohesion: number;
  meanCoupling: number;
  /** Sum of the plan's step costs (inbound, outbound, shared tables, FKs, joins, cycles). */
  planCost: number;
}

export interface LevelRecommendation {
  macro: number;
  micro: number;
  why: string;
}

export const MACRO_SHARE = 0.85;

export function recommendLevels(points: readonly QualityPoint[], proposed: number): LevelRecommendation | undefined {
  if (points.length === 0) return undefined;
  const best = [...points].sort((a, b) => b.modularity - a.modularity || Number(b.contexts === proposed) - Number(a.contexts === proposed) || b.contexts - a.contexts)[0]!;
  const candidates = points.filter((p) => p.contexts >= 2 && p.contexts <= best.contexts && p.modularity >= MACRO_SHARE * best.modularity);
  const macro = [...candidates].sort((a, b) => a.contexts - b.contexts)[0] ?? best;
  return {
    macro: macro.contexts,
    micro: best.contexts,
    why:
      `micro ${best.contexts}: the highest modularity Q (${best.modularity}); ` +
      `macro ${macro.contexts}: the fewest contexts keeping ${Math.round(MACRO_SHARE * 100)}% of it (Q ${macro.modularity}, ICP ${macro.interCallPercentage}, plan cost ${macro.planCost} vs ${best.planCost})`,
  };
}
