/**
 * `msa-split diff` in three forms: terminal text, Markdown (for a pull request or a job summary) and
 * JSON (stable key order). Lists are capped in text and Markdown (the JSON has everything); every name
 * from the analyses is escaped in Markdown and made printable in the terminal by the CLI.
 */
import type { AnalysisDiff } from './diff-analyses.js';
import { diffBlocks, diffHeadline, signed } from './diff-tables.js';
import { renderBlocks } from './markdown-assessment.js';
import { LIST_LIMIT, mdText } from './markdown-text.js';
import { stableStringify } from './stable-json.js';

export const DIFF_FORMATS = ['text', 'md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function renderDiff(diff: AnalysisDiff, format: DiffFormat): string {
  if (format === 'json') return stableStringify(diff);
  return format === 'md' ? markdown(diff) : text(diff);
}


function text(d: AnalysisDiff): string {
  const out = [`msa-split diff: ${d.old.system} (${d.old.contexts} contexts, ${d.old.modules} modules) -> ${d.new.system} (${d.new.contexts} contexts, ${d.new.modules} modules)`, diffHeadline(d)];
  const list = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    out.push('', `${title} (${rows.length})`, ...rows.slice(0, LIST_LIMIT).map((r) => `  ${r}`));
    if (rows.length > LIST_LIMIT) out.push(`  ... ${rows.length - LIST_LIMIT} more (--format json has all)`);
  };
  list('Scores', d.scores.filter((s) => s.change !== 0).map((s) => `${s.figure}: ${s.old} -> ${s.new} (${signed(s.change)})`));
  list('Contexts merged', d.merged.map((m) => `${m.from.map((f) => f.name).join(' + ')} -> ${m.into.name}`));
  list('Contexts split', d.split.map((s) => `${s.from.name} -> ${s.into.map((i) => i.name).join(', ')}`));
  list('Contexts appeared', d.appeared.map((c) => c.name));
  list('Contexts disappeared', d.disappeared.map((c) => c.name));
  list('Modules moved', d.moved.map((m) => `${m.module}: ${m.from} -> ${m.to}`));
  list('New dependencies between contexts', d.dependencies.added.map((x) => `${x.from} -> ${x.to} (weight ${x.weight})`));
  list('Dependencies between contexts removed', d.dependencies.removed.map((x) => `${x.from} -> ${x.to} (weight ${x.weight})`));
  list("New accesses of another context's table", d.tableAccess.added.map((x) => `${x.context} ${x.mode}s ${x.table} (owned by ${x.owner})`));
  list("Accesses of another context's table gone", d.tableAccess.removed.map((x) => `${x.context} ${x.mode}s ${x.table} (owned by ${x.owner})`));
  list('Table owners changed', d.tableOwners.map((t) => `${t.table}: ${t.from} -> ${t.to}`));
  list('Plan order changed', d.plan.map((p) => `${p.context}: step ${p.from ?? '-'} -> ${p.to ?? '-'}`));
  list('Modules added', d.addedModules);
  list('Modules removed', d.removedModules);
  return `${out.join('\n')}\n`;
}

function markdown(d: AnalysisDiff): string {
  return [`## msa-split diff: ${mdText(d.old.system)}\n`, ...renderBlocks(diffBlocks(d))].join('\n');
}
