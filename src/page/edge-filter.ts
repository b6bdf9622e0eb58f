/**
 * Which module edges a large graph shows: by kind (an edge shows when any of its kinds is ticked), by
 * weight (at least `minWeight`), optionally only those crossing contexts, and at most `limit`, the
 * heaviest first (ties: source, target), so a 5,000-module view never draws 20,000 lines at once.
 */

export interface EdgeFilter {
  kinds: ReadonlySet<string>;
  minWeight: number;
  acrossOnly: boolean;
  limit: number;
}

export function filterEdges<E extends { s: string; t: string; w: number; k: string }>(edges: readonly E[], contextOf: (m: string) => string | undefined, filter: EdgeFilter): { shown: E[]; matching: number } {
  const matching = edges.filter((e) => {
    if (e.w < filter.minWeight || !e.k.split(',').some((k) => filter.kinds.has(k))) return false;
    if (!filter.acrossOnly) return true;
    const a = contextOf(e.s);
    const b = contextOf(e.t);
    return a !== undefined && b !== undefined && a !== b;
  });
  const shown = [...matching].sort((a, b) => b.w - a.w || (a.s < b.s ? -1 : a.s > b.s ? 1 : a.t < b.t ? -1 : a.t > b.t ? 1 : 0)).slice(0, filter.limit);
  return { shown, matching: matching.length };
}

/** Every kind the edges carry, sorted. */
export function edgeKinds(edges: readonly { k: string }[]): string[] {
  return [...new Set(edges.flatMap((e) => e.k.split(',')))].filter(Boolean).sort();
}
