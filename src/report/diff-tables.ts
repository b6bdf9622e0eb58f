/**
 * `msa-split diff` as plain blocks (headings, notes, tables): report.md's "Changes" and report.html's
 * Changes tab print the same thing as `diff --format md` (render-diff.ts).
 */
import { h3, note, table, type Block } from './blocks.js';
import type { AnalysisDiff } from './diff-analyses.js';

export const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

export function diffHeadline(d: AnalysisDiff): string {
  if (d.same) return 'no change: the same contexts, places, dependencies, owners, scores and plan';
  return [
    `${d.moved.length} modules moved`,
    `${d.appeared.length} contexts appeared`,
    `${d.disappeared.length} disappeared`,
    `${d.merged.length} merged`,
    `${d.split.length} split`,
    `${d.dependencies.added.length} new and ${d.dependencies.removed.length} removed dependencies between contexts`,
    `${d.tableAccess.added.length} new accesses of another context's table`,
    `${d.tableOwners.length} table owners changed`,
    `${d.addedModules.length} modules added, ${d.removedModules.length} removed`,
  ].join('; ');
}

export function diffBlocks(d: AnalysisDiff): Block[] {
  const out: Block[] = [note(`${diffHeadline(d)}.`), note(`Old: ${d.old.contexts} contexts, ${d.old.modules} modules (${d.old.method}). New: ${d.new.contexts} contexts, ${d.new.modules} modules (${d.new.method}).`)];
  const section = (title: string, head: string[], rows: (string | number)[][]) => {
    if (rows.length === 0) return;
    out.push(h3(`${title} (${rows.length})`), table(head, rows));
  };
  section('Scores', ['Figure', 'Old', 'New', 'Change'], d.scores.filter((s) => s.change !== 0).map((s) => [s.figure, s.old, s.new, signed(s.change)]));
  section('Contexts merged', ['Into', 'From'], d.merged.map((m) => [m.into.name, m.from.map((f) => f.name).join(', ')]));
  section('Contexts split', ['From', 'Into'], d.split.map((s) => [s.from.name, s.into.map((i) => i.name).join(', ')]));
  section('Contexts appeared', ['Context'], d.appeared.map((c) => [c.name]));
  section('Contexts disappeared', ['Context'], d.disappeared.map((c) => [c.name]));
  section('Modules moved', ['Module', 'From', 'To'], d.moved.map((m) => [m.module, m.from, m.to]));
  section('New dependencies between contexts', ['From', 'To', 'Weight'], d.dependencies.added.map((x) => [x.from, x.to, x.weight]));
  section('Dependencies between contexts removed', ['From', 'To', 'Weight'], d.dependencies.removed.map((x) => [x.from, x.to, x.weight]));
  section("New accesses of another context's table", ['Table', 'Owner', 'Accessed from', 'How'], d.tableAccess.added.map((x) => [x.table, x.owner, x.context, x.mode]));
  section("Accesses of another context's table gone", ['Table', 'Owner', 'Accessed from', 'How'], d.tableAccess.removed.map((x) => [x.table, x.owner, x.context, x.mode]));
  section('Table owners changed', ['Table', 'From', 'To'], d.tableOwners.map((t) => [t.table, t.from, t.to]));
  section('Plan order changed', ['Context', 'Step before', 'Step now'], d.plan.map((p) => [p.context, p.from ?? '-', p.to ?? '-']));
  section('Modules added', ['Module'], d.addedModules.map((m) => [m]));
  section('Modules removed', ['Module'], d.removedModules.map((m) => [m]));
  return out;
}
