/**
 * How far to trust a context's membership, for the terminal: a proposal's confidence (agreement of the
 * seeded runs), or for a decided decomposition how many of its modules msa-split placed (the rest the
 * workshop decided).
 */
import type { Decomposition } from '../model/types.js';

export function contextTrust(d: Decomposition, context: string, confidence: number): string {
  if (!d.placed) return `confidence ${confidence}`;
  const placed = d.placed.filter((p) => p.context === context).length;
  return placed === 0 ? 'decided' : `${placed} placed by msa-split`;
}

/** The heading of the contexts section. */
export function contextsHeading(d: Decomposition): string {
  return `${d.placed ? 'Decided' : 'Candidate'} contexts (${d.contexts.length})`;
}
