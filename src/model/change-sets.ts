/**
 * The history's change sets as the checks read them. analysis.json keeps them column by column
 * (ChangeSets); this is the one place that reads those columns, and it checks them once: a start out
 * of order or out of range clamps to an empty change set, a module index out of range (a hand-edited
 * file) becomes -1, which readers skip. No object per change set: the checks walk the columns.
 */
import type { SystemModel } from './types.js';

export interface ChangeSetColumns {
  count: number;
  ids: readonly string[];
  dates: readonly string[];
  /** Change set i holds modules[from[i]] .. modules[to[i] - 1]. */
  from: Int32Array;
  to: Int32Array;
  /** Indices into model.modules; -1 where the file held no valid index. */
  modules: readonly number[];
}

export function changeSetColumns(model: SystemModel): ChangeSetColumns | undefined {
  const sets = model.history?.available ? model.history.changeSets : undefined;
  if (!sets) return undefined;
  const n = model.modules.length;
  const valid = (x: number) => Number.isInteger(x) && x >= 0 && x < n;
  const modules = sets.modules.every(valid) ? sets.modules : sets.modules.map((x) => (valid(x) ? x : -1));
  const count = sets.ids.length;
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const start = Math.min(modules.length, Math.max(0, Math.trunc(sets.starts[i] ?? modules.length)));
    const end = Math.min(modules.length, Math.max(0, Math.trunc(sets.starts[i + 1] ?? modules.length)));
    from[i] = start;
    to[i] = Math.max(start, end);
  }
  return { count, ids: sets.ids, dates: sets.dates, from, to, modules };
}

/** Change set i's modules (valid indices only); for tests and small readers, not hot loops. */
export function changeSetModules(sets: ChangeSetColumns, i: number): number[] {
  const out: number[] = [];
  for (let k = sets.from[i]!; k < sets.to[i]!; k++) if (sets.modules[k]! >= 0) out.push(sets.modules[k]!);
  return out;
}
