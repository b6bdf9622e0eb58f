/**
 * Known violations (a baseline) against the ones found now: new ones fail `msa-split check`, known ones
 * do not, and the keys of baseline entries no longer found are listed as fixed (the next
 * `--update-baseline` drops them). Input: violations, the baseline's keys and, for a scoped check, which
 * keys its scope could find again (only those can be called fixed). Output: the three lists.
 */
import { compareStrings } from '../model/compare.js';
import type { Violation } from './check-boundaries.js';

export interface BaselineComparison {
  fresh: Violation[];
  known: Violation[];
  /** Baseline keys not found any more, sorted. */
  fixed: string[];
}

export function compareWithBaseline(violations: readonly Violation[], baseline: ReadonlySet<string>, inScope: (key: string) => boolean = () => true): BaselineComparison {
  const found = new Set(violations.map((v) => v.key));
  return {
    fresh: violations.filter((v) => !baseline.has(v.key)),
    known: violations.filter((v) => baseline.has(v.key)),
    fixed: [...baseline].filter((k) => !found.has(k) && inScope(k)).sort(compareStrings),
  };
}
