/**
 * report.html: one self-contained page for the workshop wall (no network at view time: cytoscape and
 * all styles inlined). Graph (contexts first; click a context to drill into its modules, click a module
 * for its edges and evidence; search), context dependency matrix (DSM), table-ownership matrix, plan,
 * sortable tables. Everything from the repository reaches the page as JSON in a
 * <script type="application/json"> block (with <, >, &, U+2028/9 escaped) and is put into the page with
 * textContent only, never as HTML, so names like `<img onerror=...>` stay text. The page's own code
 * and styles are real files in page/ (type-checked, bundled by scripts/build-page.js).
 */
import { assessmentBlocks } from './assessment-tables.js';
import { decisionBlocks } from './decision-tables.js';
import { whatIfData } from './what-if-data.js';
import { diffBlocks } from './diff-tables.js';
import type { AnalysisDiff } from './diff-analyses.js';
import { stableCompactJson } from './stable-json.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import { compareStrings } from '../model/compare.js';
import { packJson } from '../model/pack-json.js';
import { CYTOSCAPE_JS, PAGE_CSS, PAGE_JS, PAGE_TEMPLATE } from './generated/browser-assets.js';
import type { PageData } from '../page/page-data.js';
import { graphView } from './graph-view.js';
import type { ReportFile } from '../result/report-file.js';
import { contextIndex } from '../model/context-index.js';
import { authorLabel } from '../result/author-label.js';

export function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that can sit inside a <script> element whatever the strings hold. */
export function scriptJson(value: unknown): string {
  // Sorted keys: the same page whether the result comes fresh from analyze or from a saved analysis.json.
  return stableCompactJson(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function pageData(result: AnalysisResult): Omit<PageData, 'changes'> {
  // Authors by name: the e-mail addresses stay in analysis.json.
  const who = authorLabel(result, false);
  const d = result.decomposition;
  const scores = result.scores;
  const ctxOf = contextIndex(d, { withKernel: true });
  const names = new Map((d?.contexts ?? []).map((c) => [c.id, c.name]));
  const moduleEdges = graphView(result, 'module').edges;
  const evidence = new Map<string, string>();
  for (const e of result.model.edges) {
    const key = `${e.from}\0${e.to}`;
    const ev = e.evidence[0];
    if (ev && !evidence.has(key)) evidence.set(key, `${ev.file}:${ev.line}${ev.text ? ` ${ev.text}` : ''}`);
  }
  const contexts = (d?.contexts ?? []).map((c) => {
    const s = scores?.contexts.find((x) => x.context === c.id);
    return {
      id: c.id,
      name: c.name,
      lines: c.lines,
      modules: c.modules.length,
      tables: c.tables,
      cohesion: s?.cohesion ?? 0,
      coupling: s?.coupling ?? 0,
      afferent: s?.afferent.length ?? 0,
      efferent: s?.efferent.length ?? 0,
      api: s?.apiSurface.length ?? 0,
      confidence: s?.confidence ?? 0,
      terms: c.terms ?? [],
      warning: c.warning ?? '',
      macro: d?.macro?.find((m) => m.contexts.includes(c.id))?.name ?? '',
      explain: contextExplanation(result, c.id),
    };
  });
  if ((d?.kernel.length ?? 0) > 0) {
    const none = { lines: 0, tables: [], cohesion: 0, coupling: 0, afferent: 0, efferent: 0, api: 0, confidence: 0, terms: [], warning: '', macro: '', explain: ['a shared library every context may use: not a service'] };
    contexts.push({ id: 'kernel', name: 'shared kernel', modules: d!.kernel.length, ...none });
  }
  const access = new Map<string, Map<string, Set<string>>>();
  for (const e of result.model.data?.edges ?? []) {
    if (e.kind !== 'table-access') continue;
    const c = ctxOf.get(e.from) ?? '';
    const row = access.get(e.to) ?? new Map<string, Set<string>>();
    const cell = row.get(c) ?? new Set<string>();
    cell.add(e.mode === 'write' ? 'W' : 'R');
    row.set(c, cell);
    access.set(e.to, row);
  }
  const parts = (p: Record<string, number>) => Object.entries(p).map(([k, v]) => `${k} ${v}`).join(', ');
  const why = new Map(
    (result.explanations?.modules ?? []).map((x) => [
      x.module,
      [
        x.strongestInside ? `held here by ${x.strongestInside.module} (weight ${x.strongestInside.weight}: ${parts(x.strongestInside.parts)})` : 'no tie inside its context',
        x.strongestElsewhere ? `next best: ${names.get(x.strongestElsewhere.context) ?? x.strongestElsewhere.context}, through ${x.strongestElsewhere.module} (weight ${x.strongestElsewhere.weight}: ${parts(x.strongestElsewhere.parts)})` : 'no tie to another context',
      ],
    ]),
  );
  return {
    title: result.model.root,
    version: result.tool.version,
    summary: summaryLines(result),
    method: d?.method ?? 'clustering skipped',
    global: scores?.global ?? null,
    contexts,
    modules: result.model.modules.map((m) => ({
      id: m.id,
      ctx: ctxOf.get(m.id) ?? '',
      lines: m.lines,
      role: m.role ? `${m.role.role}${m.role.setAside && m.role.setAside !== m.role.role ? ` (${m.role.setAside})` : ''}: ${m.role.rule}` : '',
      side: m.unit ? `${m.unit.side}${m.unit.id ? ` in ${m.unit.id}` : ''}` : '',
      badges: [m.role?.role, m.role?.setAside, m.unit && m.unit.side !== 'unknown' ? m.unit.side : undefined].filter((x): x is NonNullable<typeof x> => x !== undefined),
      why: why.get(m.id) ?? [],
    })),
    edges: moduleEdges.map((e) => ({ s: e.source, t: e.target, w: e.weight, k: e.kinds.join(','), ev: evidence.get(`${e.source}\0${e.target}`) ?? '' })),
    tables: [...access.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([table, row]) => ({
        table,
        owner: d?.contexts.find((c) => c.tables.includes(table))?.id ?? '',
        cells: Object.fromEntries([...row.entries()].map(([c, set]) => [c, [...set].sort().reverse().join('')])),
      })),
    plan: (result.plan?.steps ?? []).map((s) => ({
      step: s.step,
      ctx: s.context,
      name: s.name,
      pilot: s.pilot,
      dead: s.deadCode,
      why: s.why,
      modules: s.modules,
      api: s.becomeApiCalls.map((x) => `${x.from} -> ${x.to} (${x.kinds.join('+')} x${x.count})`),
      tables: s.takesOverTables,
      fks: s.dropForeignKeys.map((f) => `${f.from} -> ${f.to}`),
      joins: s.rewriteJoins.map((j) => `${j.a} + ${j.b}`),
      transactions: (s.splitTransactions ?? []).map((t) => `${t.kind}${t.member ? ` ${t.member}` : ''} writes ${t.tables.join(', ')} (${t.evidence.file}:${t.evidence.line})`),
      cycles: s.breakCyclesFirst.map((c) => `${c.from} -> ${c.to}`),
      tests: s.testsFirst
        ? [
            ...s.testsFirst.untestedApiCalls.slice(0, 20).map((c) => `${c.from} -> ${c.to} (x${c.count}, no test reaches the caller)`),
            ...(s.testsFirst.untestedModuleCount > 0 ? [`${s.testsFirst.untestedModuleCount} untested modules, largest first: ${s.testsFirst.untestedModules.slice(0, 5).join(', ')}`] : []),
          ]
        : [],
      keepGreen: s.testsFirst?.keepGreen.slice(0, 20) ?? [],
    })),
    hotspots: (result.analyses.hotspots?.hotspots ?? [])
      .slice(0, 200)
      .map((h) => ({ rank: h.rank, module: h.module, revisions: h.revisions, lines: h.lines, score: h.score, author: who(h.mainAuthor) })),
    coupling: (result.analyses.changeCoupling?.pairs ?? []).slice(0, 200).map((p) => ({ a: p.a, b: p.b, degree: p.degree, shared: p.shared })),
    diagnostics: result.model.diagnostics
      .slice(0, 200)
      .map((x) => ({ severity: x.severity, code: x.code, where: x.file ? `${x.file}${x.line ? `:${x.line}` : ''}` : '', message: x.message })),
    levels: result.levels?.why ?? '',
    curve: (result.qualityCurve ?? []).map((p) => ({ contexts: p.contexts, modularity: p.modularity, icp: p.interCallPercentage, ned: p.nonExtremeDistribution, cohesion: p.meanCohesion, coupling: p.meanCoupling, cost: p.planCost })),
    verdicts: (result.scores?.tableVerdicts ?? []).slice(0, 500).map((v) => ({
      table: v.table,
      owner: v.owner !== undefined ? (names.get(v.owner) ?? v.owner) : '',
      strategy: v.strategy,
      others: [...v.otherWriters.map((x) => `${names.get(x.context) ?? x.context} writes ${x.writes}`), ...v.otherReaders.map((x) => `${names.get(x.context) ?? x.context} reads ${x.reads}`)].join(', '),
      crossing: [v.crossingForeignKeys.length ? `${v.crossingForeignKeys.length} keys` : '', v.crossingTransactions.length ? `${v.crossingTransactions.length} transactions` : ''].filter(Boolean).join(', '),
      why: v.reason,
    })),
    transactions: (result.scores?.crossingTransactions ?? []).slice(0, 200).map((t) => ({
      transaction: `${t.kind}${t.member ? ` ${t.member}` : ''}`,
      context: t.context !== undefined ? (names.get(t.context) ?? t.context) : 'set aside',
      writes: t.byContext.map((x) => `${names.get(x.context) ?? x.context}: ${x.tables.join(', ')}`).join('; '),
      where: `${t.evidence.file}:${t.evidence.line}`,
    })),
    facades: (result.explanations?.facades ?? []).slice(0, 200).map((f) => ({ module: f.module, context: names.get(f.context) ?? f.context, reaches: f.suggestion })),
    unplaced: (d?.unplaced ?? []).slice(0, 500),
    pilots: (result.plan?.pilotCandidates ?? []).map((p) => ({ name: p.name, tradeOff: p.tradeOff })),
    checks: assessmentBlocks(result),
    decisions: decisionBlocks(result),
    whatIf: whatIfData(result),
  };
}

export function renderHtml(result: AnalysisResult, extras: { changes?: AnalysisDiff } = {}): ReportFile[] {
  const slots: Record<string, string> = {
    title: htmlText(result.model.root),
    style: PAGE_CSS,
    // Packed (model/pack-json.ts): module paths stored once, rows by column; the page unpacks it.
    data: scriptJson(packJson({ ...pageData(result), changes: extras.changes ? diffBlocks(extras.changes) : [] })),
    cytoscape: CYTOSCAPE_JS,
    script: PAGE_JS,
  };
  // PAGE_TEMPLATE alternates text and slot names (src/page/page.html split at its {{slots}} at build time).
  const html = PAGE_TEMPLATE.map((part, i) => (i % 2 === 1 ? slots[part]! : part)).join('');
  return [{ name: 'report.html', content: html }];
}

/** The hand-out's first page: what was analysed, how it splits, where to start. */
function summaryLines(result: AnalysisResult): [string, string][] {
  const s = result.summary;
  const d = result.decomposition;
  const g = result.scores?.global;
  const pilot = result.plan?.steps.find((x) => x.pilot);
  const h = result.model.history;
  const lines: [string, string][] = [
    ['System', result.model.root],
    ['Analysed', `${s.files} files, ${s.modules} modules, ${s.lines} lines (granularity ${result.options.granularity}), msa-split ${result.tool.version}`],
  ];
  if (d) {
    lines.push([result.decisions ? 'Decided' : 'Proposed', d.method]);
    lines.push(['Contexts', `${d.contexts.length}; set aside: shared kernel ${d.kernel.length}, platform ${d.platform?.length ?? 0}, tooling ${d.tooling?.length ?? 0}, unplaced ${d.unplaced?.length ?? 0}${d.placed ? `; ${d.placed.length} modules placed by msa-split` : ''}`]);
  }
  if (g) lines.push(['Scores', `modularity Q ${g.modularity}, ICP ${g.interCallPercentage}, IFN ${g.interfaceNumber}, NED ${g.nonExtremeDistribution}, mean transaction entropy ${g.meanTransactionEntropy}`]);
  if (result.levels) lines.push(['How many services', result.levels.why]);
  if (pilot) lines.push(['Pilot', `${pilot.name}: ${pilot.why}`]);
  if (result.scores) lines.push(['Shared data', `${result.scores.sharedTables.length} tables used by several contexts; ${(result.scores.crossingTransactions ?? []).length} transactions across contexts`]);
  lines.push(['Cycles', `${result.analyses.cycles.cycles.length} (${result.analyses.cycles.modulesInCycles} modules)`]);
  lines.push(['History', h?.available ? `${h.commits} commits${h.firstCommit && h.lastCommit ? `, ${h.firstCommit.slice(0, 10)} .. ${h.lastCommit.slice(0, 10)}` : ''}, ${h.coChange.length} coupled pairs` : (h?.note ?? 'not read')]);
  return lines;
}

/** A context's side panel: what holds it together, its data, its API surface, its risks. */
function contextExplanation(result: AnalysisResult, id: string): string[] {
  const e = result.explanations?.contexts.find((x) => x.context === id);
  const score = result.scores?.contexts.find((x) => x.context === id);
  const c = result.decomposition?.contexts.find((x) => x.id === id);
  const a = result.assessment;
  const size = a?.size.contexts.find((x) => x.context === id);
  const net = a?.safetyNet?.contexts.find((x) => x.context === id);
  const smells = a?.changeSmells?.contexts.find((x) => x.context === id);
  const out: string[] = [];
  for (const t of e?.topInternal ?? []) out.push(`held together by ${t.a} - ${t.b} (weight ${t.weight})${t.evidence ? ` at ${t.evidence.file}:${t.evidence.line}` : ''}`);
  if (c && c.tables.length > 0) out.push(`owns ${c.tables.join(', ')}`);
  if (score) out.push(`API surface: ${score.apiSurface.length} modules used from ${score.afferent.length} other contexts; it uses ${score.efferent.length}`);
  if (score && score.crossForeignKeys.length + score.crossJoins.length > 0) out.push(`data to split: ${score.crossForeignKeys.length} foreign keys and ${score.crossJoins.length} joins cross its boundary`);
  if (size) out.push(`size: ${size.verdict}${size.note ? ` (${size.note})` : ''}`);
  if (net) out.push(`tests: ${net.tests} files reach ${Math.round(net.coverage * 100)}% of its lines; ${net.untestedBoundaryCallCount} boundary calls untested`);
  if (smells && (smells.divergentModules > 0 || smells.shotgunModules > 0)) out.push(`change smells: ${smells.divergentModules} divergent and ${smells.shotgunModules} shotgun modules`);
  if (c?.warning) out.push(`warning: ${c.warning}`);
  return out;
}
