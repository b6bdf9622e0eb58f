/**
 * Places the modules a decision file leaves open next to the decided ones.
 * Input: the weighted module graph (set-asides left out), each decided module's context, the open
 * modules. Output: per placed module its context and why; the open modules no tie leads to a context.
 * Method: rounds of attachment. In each round every open module goes to the context it has most weight
 * with (sum of edge weights; equal: the context listed first) when that is at least `minShare` of all
 * its weight; modules placed in a round count from the next round on, so a chain of helpers follows the
 * module that uses it. What stays open either has no tie to a placed module or ties mostly to other
 * open modules: a candidate context of its own (the caller clusters those).
 */
import { compareStrings } from '../model/compare.js';
import { round3 } from '../model/numbers.js';
import type { UndirectedGraph } from '../model/graphology.js';

export interface OpenPlacement {
  placed: Map<string, { context: string; reason: string }>;
  /** Sorted. */
  unreached: string[];
}

/** `contextOrder`: context ids in file order (breaks equal ties). */
export function placeOpenModules(graph: UndirectedGraph, decided: ReadonlyMap<string, string>, open: readonly string[], contextOrder: readonly string[], minShare = 0): OpenPlacement {
  const rank = new Map(contextOrder.map((c, i) => [c, i]));
  const where = new Map(decided);
  const placed = new Map<string, { context: string; reason: string }>();
  let waiting = [...open].sort(compareStrings).filter((m) => graph.hasNode(m));
  for (let round = 1; waiting.length > 0; round++) {
    const now: [string, string, string][] = [];
    const still: string[] = [];
    for (const m of waiting) {
      const ties = new Map<string, number>();
      let total = 0;
      graph.forEachEdge(m, (_e, attrs, s, t) => {
        const weight = (attrs as { weight: number }).weight;
        total += weight;
        const c = where.get(s === m ? t : s);
        if (c !== undefined) ties.set(c, (ties.get(c) ?? 0) + weight);
      });
      const ranked = [...ties].sort((a, b) => b[1] - a[1] || (rank.get(a[0]) ?? Infinity) - (rank.get(b[0]) ?? Infinity) || compareStrings(a[0], b[0]));
      const best = ranked[0];
      if (!best || best[1] < minShare * total) {
        still.push(m);
        continue;
      }
      const next = ranked[1] ? `; next ${ranked[1][0]} ${round3(ranked[1][1])}` : '';
      const via = round > 1 ? ` (round ${round}: through modules placed before it)` : '';
      now.push([m, best[0], `ties ${round3(best[1])} of its ${round3(total)} to ${best[0]}${next}${via}`]);
    }
    if (now.length === 0) {
      waiting = still;
      break;
    }
    for (const [m, context, reason] of now) (where.set(m, context), placed.set(m, { context, reason }));
    waiting = still;
  }
  const reached = new Set(placed.keys());
  return { placed, unreached: open.filter((m) => !reached.has(m)).sort(compareStrings) };
}
