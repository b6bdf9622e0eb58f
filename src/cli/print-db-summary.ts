/**
 * The terminal view of `msa-split db`: dialect, schema, foreign keys, joins, and the table-access
 * matrix (tables x areas, R / W / RW), with the shared and untouched tables called out.
 */
import type { ChalkInstance } from 'chalk';
import type { AnalysisResult } from '../result/analysis-result.js';

export function formatDbSummary(result: AnalysisResult, c: ChalkInstance): string {
  const data = result.model.data;
  const coupling = result.analyses.dataCoupling;
  const lines: string[] = [];
  const head = (s: string) => lines.push('', c.bold.underline(s));
  lines.push(c.bold(`msa-split db: ${result.model.root}`));
  if (!data || !coupling) return lines.join('\n') + '\n' + c.dim('database stage skipped (--no-db)') + '\n';
  const st = data.statements;
  lines.push(
    `dialect ${c.cyan(data.dialect.name)} ${c.dim(`(${data.dialect.reason})`)}; statements parsed ${c.cyan(st.parsed)}` +
      ` (${Object.entries(st.byDialect).map(([d, n]) => `${d} ${n}`).join(', ') || 'none'}), fallback ${st.fallback ? c.yellow(st.fallback) : 0}, bulk data skipped ${st.bulkSkipped}`,
  );

  head(`Tables (${data.tables.length})`);
  const owner = new Map(coupling.tables.map((t) => [t.table, t]));
  for (const t of data.tables) {
    const u = owner.get(t.id);
    const tags = [t.undeclared ? c.yellow('undeclared') : '', u?.untouched ? c.yellow('no code touches it') : '', u?.shared ? c.red(`shared by ${u.areas.length} areas`) : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${t.id} ${c.dim(`${t.columns.length} columns${t.primaryKey.length ? `, pk (${t.primaryKey.join(', ')})` : ''}${u?.ownerArea ? `, owner ${u.ownerArea}` : ''}`)}${tags ? ' ' + tags : ''}`);
  }

  const fks = data.edges.filter((e) => e.kind === 'foreign-key');
  head(`Foreign keys (${fks.length}, ${coupling.crossAreaForeignKeys.length} across areas)`);
  const crossFk = new Set(coupling.crossAreaForeignKeys.map((e) => `${e.from}>${e.to}`));
  for (const e of fks) {
    const cross = crossFk.has(`${e.from}>${e.to}`);
    lines.push(`  ${e.from}(${e.columns?.from.join(', ')}) -> ${e.to}(${e.columns?.to.join(', ')})${cross ? ' ' + c.red('crosses areas') : ''} ${c.dim(`${e.evidence[0]?.file}:${e.evidence[0]?.line}`)}`);
  }

  const joins = data.edges.filter((e) => e.kind === 'join');
  head(`Joins (${joins.length}, ${coupling.crossAreaJoins.length} across areas)`);
  const crossJoin = new Set(coupling.crossAreaJoins.map((e) => `${e.from}|${e.to}`));
  for (const e of joins) {
    const cross = crossJoin.has(`${e.from}|${e.to}`);
    lines.push(`  ${e.from} <-> ${e.to} x${e.weight}${cross ? ' ' + c.red('crosses areas') : ''} ${c.dim(`in ${(e.modules ?? []).join(', ')}`)}`);
  }

  const { areas, rows } = coupling.accessMatrix;
  head('Table access by area (R read, W write)');
  if (areas.length === 0) lines.push(c.dim('  no table access found in code'));
  else {
    const width = Math.max(5, ...rows.map((r) => r.table.length)) + 2;
    lines.push('  ' + ''.padEnd(width) + areas.map((a) => a.slice(0, 12).padEnd(13)).join(''));
    for (const r of rows) lines.push('  ' + r.table.padEnd(width) + areas.map((a) => (r.cells[a] ?? '.').padEnd(13)).join(''));
  }
  const diag = result.model.diagnostics.filter((d) => /sql|table|prisma|dialect/.test(d.code));
  if (diag.length > 0) {
    head(`Database diagnostics (${diag.length})`);
    for (const d of diag.slice(0, 10)) lines.push(`  ${d.severity} ${d.code} ${c.dim(`${d.file ?? ''}${d.line ? `:${d.line}` : ''}`)} ${d.message}`);
  }
  return lines.join('\n') + '\n';
}
