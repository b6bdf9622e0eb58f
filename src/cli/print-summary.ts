/**
 * The terminal summary after `analyze`. By default compact (at most SUMMARY_MAX_LINES lines of at most
 * SUMMARY_MAX_COLUMNS columns: contexts, plan, one line per signal, diagnostics, where the rest is);
 * with --verbose the full listing (cycles, kernel, dead code, database, history, contexts, plan).
 */
import type { ChalkInstance } from 'chalk';
import type { AnalysisResult } from '../result/analysis-result.js';
import { formatCompactSummary } from './print-compact-summary.js';
import { formatContextsSummary } from './print-contexts-summary.js';
import { historyHeadline } from './print-history-summary.js';
import { checksHeadline } from './checks-headline.js';
import { whereTheRestIs } from './where-the-rest-is.js';
import { roleCounts } from './role-counts.js';
import { pushAll } from '../model/group.js';

const SHOW = 5;

export interface SummaryDisplay {
  verbose: boolean;
  showEmails: boolean;
}

export function formatSummary(result: AnalysisResult, c: ChalkInstance, written: readonly string[], display: SummaryDisplay = { verbose: false, showEmails: false }): string {
  return display.verbose ? formatVerboseSummary(result, c, written) : formatCompactSummary(result, c, written);
}

function formatVerboseSummary(result: AnalysisResult, c: ChalkInstance, written: readonly string[]): string {
  const { summary, analyses, model } = result;
  const lines: string[] = [];
  const head = (s: string) => lines.push('', c.bold.underline(s));
  lines.push(c.bold(`msa-split ${result.tool.version}: ${model.root}`) + c.dim(` (granularity ${model.granularity})`));
  lines.push(
    `${c.cyan(summary.files)} files, ${c.cyan(summary.modules)} modules, ${c.cyan(summary.lines)} lines; ` +
      `${c.cyan(summary.externalPackages)} external packages, ${summary.unresolvedImports ? c.yellow(summary.unresolvedImports) : c.green(0)} unresolved imports, ` +
      `${c.cyan(summary.sqlLiterals)} SQL literals`,
  );
  lines.push('edges: ' + (Object.entries(summary.edges).map(([k, v]) => `${k} ${c.cyan(v)}`).join(', ') || 'none'));

  head(`Cycles (${analyses.cycles.cycles.length}, ${analyses.cycles.modulesInCycles} modules)`);
  if (analyses.cycles.cycles.length === 0) lines.push(c.green('  none'));
  for (const cycle of analyses.cycles.cycles.slice(0, SHOW)) {
    lines.push(`  ${c.red(cycle.modules.length + ' modules')}: ${cycle.example.join(c.dim(' -> '))}`);
    for (const e of cycle.closingEdges.slice(0, 3)) {
      lines.push(c.dim(`    cut ${e.from} -> ${e.to}` + (e.evidence ? ` (${e.evidence.file}:${e.evidence.line})` : '')));
    }
  }

  head(`Shared-kernel candidates (${analyses.sharedKernel.candidates.length})`);
  if (analyses.sharedKernel.candidates.length === 0) lines.push(c.dim('  none'));
  for (const k of analyses.sharedKernel.candidates.slice(0, SHOW)) {
    lines.push(`  ${k.module} ${c.dim(`used from ${k.dependentAreas.length} areas: ${k.dependentAreas.join(', ')}`)}`);
  }

  const roles = roleCounts(model.modules);
  if (roles) {
    head('Roles');
    lines.push(`  ${roles}`);
    for (const m of model.modules.filter((x) => x.role?.setAside).slice(0, SHOW)) lines.push(`  ${c.dim(m.role!.setAside!)} ${m.id} ${c.dim(m.role!.rule)}`);
  }

  head(`Unreferenced modules (${analyses.unreferenced.modules.length}, ${analyses.unreferenced.lines} lines)`);
  if (analyses.unreferenced.note) lines.push(c.dim(`  note: ${analyses.unreferenced.note}`));
  if (analyses.unreferenced.modules.length === 0) lines.push(c.green('  none'));
  for (const m of analyses.unreferenced.modules.slice(0, SHOW)) {
    lines.push(`  ${m.module} ${c.dim(m.reason === 'direct' ? `(${m.lines} lines)` : `(only from dead code: ${m.referencedBy.join(', ')})`)}`);
  }

  const data = model.data;
  const coupling = analyses.dataCoupling;
  if (data && coupling) {
    head(`Database (${data.dialect.name})`);
    const count = (k: string) => data.edges.filter((e) => e.kind === k).length;
    lines.push(
      `  ${c.cyan(data.tables.length)} tables, ${c.cyan(count('foreign-key'))} foreign keys (${coupling.crossAreaForeignKeys.length} across areas), ` +
        `${c.cyan(count('join'))} joins (${coupling.crossAreaJoins.length} across areas), ${c.cyan(count('table-access'))} module->table accesses`,
    );
    for (const s of coupling.sharedTables.slice(0, SHOW)) lines.push(`  ${c.red('shared')} ${s.table} ${c.dim(`by ${s.areas.join(', ')}; owner candidate ${s.ownerArea ?? '-'}`)}`);
    if (coupling.untouchedTables.length > 0) lines.push(c.dim(`  no code touches: ${coupling.untouchedTables.join(', ')}`));
  }

  head('History');
  for (const l of historyHeadline(result, c)) lines.push(`  ${l}`);
  const checks = checksHeadline(result);
  if (checks.length > 0) {
    head('Split checks');
    for (const l of checks) lines.push(`  ${l}`);
  }
  for (const h of analyses.hotspots?.hotspots.slice(0, SHOW) ?? []) lines.push(`  hotspot ${h.module} ${c.dim(`${h.revisions} revisions, ${h.lines} lines`)}`);
  const cc = analyses.changeCoupling;
  if (cc) {
    lines.push(`  ${cc.pairs.length} coupled pairs (${cc.pairs.filter((p) => p.crossArea).length} across areas)${cc.note ? c.yellow(' - ' + cc.note) : ''}`);
    for (const p of cc.pairs.filter((x) => x.crossArea).slice(0, SHOW)) lines.push(`  ${c.red('coupled')} ${p.a} ~ ${p.b} ${c.dim(`${p.degree}%`)}`);
  }

  pushAll(lines, formatContextsSummary(result, c));

  const diag = model.diagnostics;
  head(`Diagnostics (${diag.length})`);
  if (diag.length === 0) lines.push(c.green('  none'));
  for (const d of diag.slice(0, SHOW)) {
    const color = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.dim;
    lines.push(`  ${color(d.severity)} ${d.code} ${d.file ? c.dim(d.file + (d.line ? `:${d.line}` : '')) + ' ' : ''}${d.message}`);
  }
  if (diag.length > SHOW) lines.push(c.dim(`  ... ${diag.length - SHOW} more ${whereTheRestIs(written)}`));
  const skipped = Object.entries(summary.skipped);
  if (skipped.length > 0) lines.push(c.dim('skipped: ' + skipped.map(([k, v]) => `${k} ${v}`).join(', ')));

  if (written.length > 0) {
    head('Written');
    for (const w of written) lines.push(`  ${w}`);
  }
  return lines.join('\n') + '\n';
}
