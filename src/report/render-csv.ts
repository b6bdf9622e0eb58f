import type { AnalysisResult } from '../result/analysis-result.js';
import { csvRows } from './graph-text.js';
import type { ReportFile } from '../result/report-file.js';
import { contextIndex } from '../model/context-index.js';
import { authorLabel } from '../result/author-label.js';

/** modules.csv (one row per module: context, role, set-aside, unit, side and figures) and edges.csv (every code and data edge). */
export function renderCsv(result: AnalysisResult): ReportFile[] {
  // Authors by name: the e-mail addresses stay in analysis.json.
  const who = authorLabel(result, false);
  const names = new Map((result.decomposition?.contexts ?? []).map((c) => [c.id, c.name]));
  const ctx = new Map([...contextIndex(result.decomposition, { withKernel: true })].map(([m, id]) => [m, names.get(id) ?? id]));
  const metrics = new Map(result.analyses.moduleMetrics.modules.map((m) => [m.module, m]));
  const history = new Map((result.model.history?.modules ?? []).map((m) => [m.module, m]));
  const unplaced = new Set((result.decomposition?.unplaced ?? []).map((u) => u.module));
  const modules = csvRows(
    ['module', 'context', 'role', 'set_aside', 'unit', 'side', 'lines', 'fan_in', 'fan_out', 'instability', 'revisions', 'main_author', 'ownership'],
    result.model.modules.map((m) => {
      const x = metrics.get(m.id);
      const h = history.get(m.id);
      const setAside = m.role?.setAside ?? (result.decomposition?.kernel.includes(m.id) ? 'kernel' : unplaced.has(m.id) ? 'unplaced' : '');
      return [m.id, ctx.get(m.id) ?? '', m.role?.role ?? '', setAside, m.unit?.id ?? '', m.unit?.side ?? '', m.lines, x?.fanIn ?? 0, x?.fanOut ?? 0, x?.instability ?? 0, h?.revisions ?? 0, h ? who(h.mainAuthor) : '', h?.ownership ?? ''];
    }),
  );
  const edges = csvRows(
    ['kind', 'from', 'to', 'mode', 'weight', 'evidence'],
    [
      ...result.model.edges.map((e) => [e.kind, e.from, e.to, '', e.weight, e.evidence[0] ? `${e.evidence[0].file}:${e.evidence[0].line}` : '']),
      ...(result.model.data?.edges ?? []).map((e) => [e.kind, e.from, e.to, e.mode ?? '', e.weight, e.evidence[0] ? `${e.evidence[0].file}:${e.evidence[0].line}` : '']),
    ],
  );
  return [
    { name: 'modules.csv', content: modules },
    { name: 'edges.csv', content: edges },
  ];
}
