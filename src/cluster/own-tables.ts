/**
 * Which context owns each table.
 * Input: the model (tables with the entity modules that map them, table-access edges), the contexts
 * as groups of module ids, and optionally where each table's graph node landed (clustering with data
 * anchors). Output: per group the table ids it owns, sorted.
 * Rule: the group holding the entity that maps the table (most entity modules); else the group with
 * the highest 2 x writes + reads; else the group its node landed with. Scripts, tests and tool configs
 * touch tables too (seed data, fixtures), but they own nothing.
 */
import { compareStrings } from '../model/compare.js';
import type { SystemModel } from '../model/types.js';

export function ownTables(model: SystemModel, groups: readonly (readonly string[])[], anchoredOwner: ReadonlyMap<string, number> = new Map()): string[][] {
  const tooling = new Set(model.modules.filter((m) => /^(script|test file|tool configuration)$/.test(m.entryPoint ?? '')).map((m) => m.id));
  const tableScore = new Map<string, Map<number, number>>();
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((m) => groupOf.set(m, i)));
  for (const e of model.data?.edges ?? []) {
    if (e.kind !== 'table-access' || tooling.has(e.from)) continue;
    const g = groupOf.get(e.from);
    if (g === undefined) continue;
    const row = tableScore.get(e.to) ?? new Map<number, number>();
    row.set(g, (row.get(g) ?? 0) + e.weight * (e.mode === 'write' ? 2 : 1));
    tableScore.set(e.to, row);
  }
  const tablesOf = groups.map(() => [] as string[]);
  const owned = new Set<string>();
  for (const t of model.data?.tables ?? []) {
    const votes = new Map<number, number>();
    for (const m of t.entityModules) if (groupOf.has(m)) votes.set(groupOf.get(m)!, (votes.get(groupOf.get(m)!) ?? 0) + 1);
    const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) (tablesOf[best[0]]!.push(t.id), owned.add(t.id));
  }
  for (const [table, row] of [...tableScore.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    if (owned.has(table)) continue;
    const best = [...row.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) (tablesOf[best[0]]!.push(table), owned.add(table));
  }
  for (const [table, g] of [...anchoredOwner].sort(([a], [b]) => compareStrings(a, b))) if (!owned.has(table)) tablesOf[g]!.push(table);
  return tablesOf.map((t) => t.sort(compareStrings));
}
