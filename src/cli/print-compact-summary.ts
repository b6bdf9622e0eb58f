/**
 * The default terminal summary: what a workshop looks at first, in at most SUMMARY_MAX_LINES lines of
 * at most SUMMARY_MAX_COLUMNS columns. Contexts (up to 10) with cohesion and coupling, the plan (up to
 * 6 steps), one line per signal (cycles, kernel, dead code, database, history), diagnostics by code,
 * and where the rest is (the report written, or --out / --verbose).
 */
import { checksHeadline } from './checks-headline.js';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { AnalysisResult } from '../result/analysis-result.js';
import { contextsHeading, contextTrust } from './context-trust.js';
import { whereTheRestIs } from './where-the-rest-is.js';
import { roleCounts } from './role-counts.js';

export const SUMMARY_MAX_LINES = 60;
export const SUMMARY_MAX_COLUMNS = 100;
const MAX_CONTEXTS = 10;
const MAX_STEPS = 6;

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** A line cut to the column budget (an over-long line loses its colour, never its width budget). */
export function fitLine(line: string, columns = SUMMARY_MAX_COLUMNS): string {
  const plain = line.replace(ANSI, '');
  if ([...plain].length <= columns) return line;
  return [...plain].slice(0, columns - 1).join('') + '…';
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function formatCompactSummary(result: AnalysisResult, c: ChalkInstance, written: readonly string[]): string {
  const { summary, analyses, model } = result;
  const lines: string[] = [];
  const head = (s: string) => lines.push('', c.bold.underline(s));
  lines.push(c.bold(`msa-split ${result.tool.version}: ${model.root}`) + c.dim(` (granularity ${model.granularity})`));
  lines.push(
    `${c.cyan(summary.files)} files, ${c.cyan(summary.modules)} modules, ${c.cyan(summary.lines)} lines; ${c.cyan(summary.externalPackages)} packages, ` +
      `${summary.unresolvedImports ? c.yellow(summary.unresolvedImports) : c.green(0)} unresolved imports, ${c.cyan(summary.sqlLiterals)} SQL literals`,
  );

  const { decomposition: d, scores, plan } = result;
  if (d && scores && plan) {
    const g = scores.global;
    head(contextsHeading(d));
    lines.push(c.dim(`  modularity Q ${g.modularity}, TurboMQ ${g.turboMQ}, IFN ${g.interfaceNumber}, NED ${g.nonExtremeDistribution}`));
    const width = Math.min(24, Math.max(8, ...scores.contexts.map((s) => s.name.length)));
    for (const s of scores.contexts.slice(0, MAX_CONTEXTS)) {
      const name = s.name.length > width ? `${s.name.slice(0, width - 1)}…` : s.name;
      lines.push(`  ${name.padEnd(width)} ${String(s.modules).padStart(4)} modules  cohesion ${s.cohesion}  coupling ${s.coupling}  ${contextTrust(d, s.context, s.confidence)}`);
    }
    if (scores.contexts.length > MAX_CONTEXTS) lines.push(c.dim(`  ... ${scores.contexts.length - MAX_CONTEXTS} more`));
    const apart = [
      d.kernel.length > 0 ? `shared kernel ${d.kernel.length}` : '',
      d.platform?.length ? `platform ${d.platform.length} (${d.platform.slice(0, 3).map((p) => p.module.slice(p.module.lastIndexOf('/') + 1)).join(', ')}${d.platform.length > 3 ? ', ...' : ''})` : '',
      d.tooling?.length ? `tooling ${d.tooling.length}` : '',
      d.unplaced?.length ? `unplaced ${d.unplaced.length} (decide in the workshop)` : '',
    ].filter(Boolean);
    if (apart.length > 0) lines.push(c.dim(`  set aside: ${apart.join('; ')}`));
    if (d.placed) lines.push(c.dim(`  decided in the decision file; ${d.placed.length} modules it left open placed by msa-split (listed in the report)`));
    head(`Migration plan (${plural(plan.steps.length, 'step')})`);
    for (const s of plan.steps.slice(0, MAX_STEPS)) {
      const tag = s.pilot ? c.green(' (pilot)') : s.deadCode ? c.dim(' (remove)') : s.wiring ? c.dim(' (wiring)') : '';
      lines.push(`  ${s.step}. ${c.bold(s.name)}${tag} ${c.dim(s.why)}`);
    }
    if (plan.steps.length > MAX_STEPS) lines.push(c.dim(`  ... ${plan.steps.length - MAX_STEPS} more steps`));
  }

  head('Signals');
  const cycles = analyses.cycles;
  lines.push(`  cycles: ${cycles.cycles.length === 0 ? c.green('none') : `${c.red(cycles.cycles.length)} (${plural(cycles.modulesInCycles, 'module')}); e.g. ${cycles.cycles[0]!.example.join(' -> ')}`}`);
  const roles = roleCounts(model.modules);
  if (roles) lines.push(`  roles: ${roles}`);
  const dead = analyses.unreferenced;
  lines.push(`  shared-kernel candidates: ${analyses.sharedKernel.candidates.length}; unreferenced: ${plural(dead.modules.length, 'module')} (${dead.lines} lines)`);
  const data = model.data;
  const coupling = analyses.dataCoupling;
  if (data && coupling) {
    const fks = data.edges.filter((e) => e.kind === 'foreign-key').length;
    lines.push(
      `  database (${data.dialect.name}): ${data.tables.length} tables, ${fks} foreign keys (${coupling.crossAreaForeignKeys.length} across areas), ` +
        `${coupling.sharedTables.length} shared tables`,
    );
  } else lines.push(c.dim('  database: stage skipped'));
  const h = model.history;
  if (!h) lines.push(c.dim('  history: stage skipped'));
  else if (!h.available) lines.push(c.yellow(`  history: none (${h.note ?? 'unknown reason'})`));
  else if (h.commits === 0) lines.push(c.yellow('  history: no commits in the window read (check --since, --until and --branch)'));
  else {
    const cc = analyses.changeCoupling;
    const sweeps = h.maintenanceCommits?.count ? `; ${h.maintenanceCommits.count} maintenance commits left out` : '';
    lines.push(`  history: ${h.commits} commits by ${plural(h.authors.length, 'author')} (${h.firstCommit?.slice(0, 10)} .. ${h.lastCommit?.slice(0, 10)}); ${cc ? `${cc.pairs.length} coupled pairs (${cc.pairs.filter((p) => p.crossArea).length} across areas)` : ''}${sweeps}`);
    const hot = analyses.hotspots?.hotspots.slice(0, 3) ?? [];
    if (hot.length > 0) lines.push(`  hotspots: ${hot.map((x) => `${x.module} (${x.revisions})`).join(', ')}`);
  }
  for (const l of checksHeadline(result)) lines.push(`  ${l}`);

  const diag = model.diagnostics;
  const bySeverity = (s: string) => diag.filter((x) => x.severity === s).length;
  const codes = new Map<string, number>();
  for (const x of diag) codes.set(x.code, (codes.get(x.code) ?? 0) + 1);
  const top = [...codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 4);
  head(`Diagnostics (${diag.length})`);
  lines.push(diag.length === 0 ? c.green('  none') : `  ${c.red(bySeverity('error'))} errors, ${c.yellow(bySeverity('warning'))} warnings, ${bySeverity('info')} info; most: ${top.map(([k, n]) => `${k} ${n}`).join(', ')}`);

  lines.push('');
  if (written.length > 0) {
    lines.push(`${c.bold('Written')}: ${plural(written.length, 'file')} to ${path.dirname(written[0]!)}`);
    lines.push(`The full report is ${whereTheRestIs(written).replace(/^in /, '')}; more here with --verbose.`);
  }
  else lines.push(c.dim('The full report: run with --out DIR; more here with --verbose.'));
  return lines.slice(0, SUMMARY_MAX_LINES).map((l) => fitLine(l)).join('\n') + '\n';
}
