/**
 * The history's change sets as the checks read them: analysis.json stores each change set's modules
 * as indices into model.modules (compact); this is the one place that checks them. An index out of
 * range (a hand-edited file) is left out. Readers keep working with indices (no path per reference:
 * a history of 20,000 commits names 85,000 modules).
 */
import type { ChangeSet, SystemModel } from './types.js';

export function validChangeSets(model: SystemModel): ChangeSet[] | undefined {
  const sets = model.history?.available ? model.history.changeSets : undefined;
  if (!sets) return undefined;
  const n = model.modules.length;
  const ok = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
  return sets.every((s) => s.modules.every(ok)) ? sets : sets.map((s) => ({ ...s, modules: s.modules.filter(ok) }));
}
