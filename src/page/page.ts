/**
 * The browser side of report.html, bundled by scripts/build-page.js (esbuild) into an inline script.
 * It reads the page data from the JSON block and builds everything with textContent only (never
 * innerHTML), so names from the repository stay text. Graph: contexts first, a click drills into a
 * context, a module click shows its edges with evidence; tables are sortable.
 */
import type { PageData } from './page-data.js';
import { unpackJson, type Packed } from '../model/pack-json.js';
import { byId, el, table } from './dom.js';
import { contextControls, moduleControls, mountWhatIf, type WhatIf } from './what-if-panel.js';
import type { Evaluation } from './what-if.js';
import { blockLayout } from './block-layout.js';
import { edgeKinds, filterEdges, type EdgeFilter } from './edge-filter.js';
import { attachMinimap, type MinimapGraph } from './minimap.js';
import { drawModuleDsm } from './module-dsm.js';

/** cytoscape, inlined before this script as a global. */
declare const cytoscape: (options: object) => CyGraph;
interface CyGraph extends MinimapGraph {
  destroy(): void;
  resize(): void;
  nodes(): MinimapGraph['nodes'] extends () => infer R ? R & { length: number } : never;
  on(event: string, handler: () => void): void;
  on(event: string, selector: string, handler: (ev: { target: { id(): string } }) => void): void;
  getElementById(id: string): { select(): void } | undefined;
}
type CyElement = { data: Record<string, string | number>; position?: { x: number; y: number } };

const D = unpackJson(JSON.parse(document.getElementById('data')!.textContent ?? '{}') as Packed) as PageData;

byId('title').textContent = `msa-split: ${D.title}`;
byId('method').textContent = D.method + (D.global ? ` | Q ${D.global.modularity}, TurboMQ ${D.global.turboMQ}, ICP ${D.global.interCallPercentage}` : '');

let cy: CyGraph | null = null;
const tabs = document.querySelectorAll<HTMLButtonElement>('nav button[data-tab]');
tabs.forEach((b) =>
  b.addEventListener('click', () => {
    tabs.forEach((x) => x.classList.remove('on'));
    b.classList.add('on');
    document.querySelectorAll('section').forEach((s) => s.classList.toggle('on', s.id === b.dataset.tab));
    if (b.dataset.tab === 'graph' && cy) cy.resize();
  }),
);
byId('print').addEventListener('click', () => window.print());

// Summary: the hand-out's first page.
const dl = el('dl');
D.summary.forEach(([label, value]) => {
  dl.appendChild(el('dt', label));
  dl.appendChild(el('dd', value));
});
byId('summary').appendChild(dl);

// The contexts the graph shows: the analysis's, or after a what-if edit the evaluated ones (adopt()).
interface ViewContext {
  id: string;
  name: string;
  modules: number;
  lines: number;
  explain: string[];
}
let viewContexts: ViewContext[] = D.contexts.map((c) => ({ id: c.id, name: c.name, modules: c.modules, lines: c.lines, explain: c.explain }));
const names: Record<string, string> = {};
D.contexts.forEach((c) => (names[c.id] = c.name));
// One colour per context, used by the graph, the legend and the side panels (12 hues, then again
// lighter); the kernel is grey.
const PALETTE = ['#3b6fd8', '#e8590c', '#2f9e44', '#c2255c', '#7048e8', '#0c8599', '#e67700', '#5c940d', '#a61e4d', '#1971c2', '#9c36b5', '#087f5b'];
const colours: Record<string, string> = {};
const paint = () => viewContexts.forEach((c, i) => (colours[c.id] = c.id === 'kernel' ? '#868e96' : PALETTE[i % PALETTE.length]! + (i >= PALETTE.length ? 'aa' : '')));
paint();
const colourOf = (ctx: string | undefined): string => (ctx && colours[ctx]) || '#aab';
function swatch(ctx: string): HTMLElement {
  const s = el('span', null, 'swatch');
  s.style.background = colourOf(ctx);
  return s;
}
/** Role, set-aside and side as small badges (`domain`, `platform`, `server`). */
function badges(words: string[]): HTMLElement {
  const span = el('span', null, 'badges');
  words.forEach((w) => span.appendChild(el('span', w, `badge badge-${w.replace(/[^a-z]/g, '')}`)));
  return span;
}
function legend(): HTMLElement {
  const ul = el('ul', null, 'legend');
  viewContexts.forEach((c) => {
    const li = el('li');
    li.appendChild(swatch(c.id));
    li.appendChild(document.createTextNode(` ${c.name} (${c.modules})`));
    ul.appendChild(li);
  });
  return ul;
}
const byCtx: Record<string, PageData['modules']> = {};
D.modules.forEach((m) => (byCtx[m.ctx] = byCtx[m.ctx] ?? []).push(m));
const ctxOf: Record<string, string> = {};
D.modules.forEach((m) => (ctxOf[m.id] = m.ctx));

// Contexts table, DSM, table ownership, plan, hotspots, coupling, diagnostics.
const contextTable = table(
  byId('contexts'),
  ['Context', 'Name', 'Macro', 'Modules', 'Lines', 'Cohesion', 'Coupling', 'Afferent', 'Efferent', 'API modules', 'Confidence', 'Tables', 'Terms', 'Warning'],
  D.contexts.map((c) => [c.id, c.name, c.macro, c.modules, c.lines, c.cohesion, c.coupling, c.afferent, c.efferent, c.api, c.confidence, c.tables.join(', '), c.terms.join(', '), c.warning]),
);
// The context's colour beside its name, as in the graph and the legend.
Array.prototype.slice.call(contextTable.querySelectorAll('tr'), 1).forEach((tr: HTMLElement) => tr.children[1]?.insertBefore(swatch(tr.children[0]?.textContent ?? ''), tr.children[1].firstChild));
byId('contexts').appendChild(el('h3', 'Why each context holds together'));
D.contexts.forEach((c) => {
  const box = el('div', null, 'why-context');
  box.appendChild(el('b', `${c.name} (${c.modules} modules, ${c.lines} lines)`));
  const ul = el('ul', null, 'explain');
  c.explain.forEach((line) => ul.appendChild(el('li', line)));
  box.appendChild(ul);
  byId('contexts').appendChild(box);
});
if (D.curve.length > 1) {
  byId('contexts').appendChild(el('h3', 'How many services: macro first, then micro'));
  byId('contexts').appendChild(el('p', D.levels, 'dim'));
  table(byId('contexts'), ['Contexts', 'Modularity Q', 'ICP', 'NED', 'Mean cohesion', 'Mean coupling', 'Plan cost'], D.curve.map((p) => [p.contexts, p.modularity, p.icp, p.ned, p.cohesion, p.coupling, p.cost]));
}
if (D.facades.length > 0) {
  byId('contexts').appendChild(el('h3', 'Facades to split'));
  table(byId('contexts'), ['Module', 'Sits in', 'Its methods serve'], D.facades.map((f) => [f.module, f.context, f.reaches]));
}
if (D.verdicts.length > 0) {
  byId('tables').appendChild(el('h3', 'Data verdicts'));
  table(byId('tables'), ['Table', 'Owner', 'Strategy', 'Also used by', 'Crossing', 'Why'], D.verdicts.map((v) => [v.table, v.owner, v.strategy, v.others, v.crossing, v.why]));
}
if (D.transactions.length > 0) {
  byId('contexts').appendChild(el('h3', 'Transactions across contexts'));
  byId('contexts').appendChild(el('p', 'Each writes tables that different contexts would own: a saga, eventual consistency, or keep the tables together.', 'dim'));
  table(byId('contexts'), ['Transaction', 'Opened in', 'Writes (by owning context)', 'Where'], D.transactions.map((t) => [t.transaction, t.context, t.writes, t.where]));
}
if (D.unplaced.length > 0) {
  byId('contexts').appendChild(el('h3', 'Unplaced: decide in the workshop'));
  table(byId('contexts'), ['Module', 'Why'], D.unplaced.map((u) => [u.module, u.reason]));
}
const ids = D.contexts.map((c) => c.id);
const dsm: Record<string, number> = {};
D.edges.forEach((e) => {
  const a = ctxOf[e.s];
  const b = ctxOf[e.t];
  if (a && b && a !== b) dsm[`${a}|${b}`] = (dsm[`${a}|${b}`] ?? 0) + e.w;
});
table(
  byId('dsm'),
  ['depends on \u2192', ...ids.map((i) => names[i]!)],
  ids.map((a) => [names[a]!, ...ids.map((b) => (a === b ? '-' : (dsm[`${a}|${b}`] ?? '')))]),
);
byId('dsm').appendChild(el('h3', 'Modules, clustered by context'));
byId('dsm').appendChild(el('p', 'Each context is a block on the diagonal; a mark outside the blocks is a dependency across contexts (as analysed).', 'dim'));
drawModuleDsm(byId('dsm'), D.modules, D.edges, ids, (c) => colourOf(c), (c) => names[c] ?? (c || 'set aside'));
table(
  byId('tables'),
  ['Table', 'Owner', ...ids.map((i) => names[i]!)],
  D.tables.map((t) => [t.table, names[t.owner] ?? '', ...ids.map((i) => t.cells[i] ?? '')]),
);
if (D.pilots.length > 0) {
  byId('plan').appendChild(el('h3', 'Pilot candidates'));
  table(byId('plan'), ['Context', 'Trade-off'], D.pilots.map((p) => [p.name, p.tradeOff]));
}
/** `src/orders/a.ts`, `src/orders/b.ts` -> `src/orders/ (2): a.ts, b.ts`, folders in first-seen order. */
function byFolder(paths: string[]): string[] {
  const groups: Record<string, string[]> = {};
  const order: string[] = [];
  paths.forEach((p) => {
    const cut = p.lastIndexOf('/');
    const folder = cut < 0 ? '' : p.slice(0, cut + 1);
    if (!groups[folder]) {
      groups[folder] = [];
      order.push(folder);
    }
    groups[folder]!.push(p.slice(cut + 1));
  });
  return order.map((f) => `${f || './'} (${groups[f]!.length}): ${groups[f]!.join(', ')}`);
}
/** Items printed per plan list. */
const PRINT_ITEMS = 15;
const ol = el('ol');
D.plan.forEach((s) => {
  const li = el('li');
  li.appendChild(swatch(s.ctx));
  li.appendChild(el('span', ` ${s.name}${s.pilot ? ' (pilot)' : s.dead ? ' (remove)' : ''}`, s.pilot ? 'pilot' : s.dead ? 'dead' : ''));
  li.appendChild(el('div', s.why, 'dim'));
  const parts: [string, string[]][] = [
    ['Modules', s.modules],
    ['Calls that become API calls', s.api],
    ['Tables it takes over', s.tables],
    ['Foreign keys to drop', s.fks],
    ['Joins to rewrite', s.joins],
    ['Transactions to split', s.transactions],
    ['Cycles to break first', s.cycles],
    ['Write these tests first', s.tests],
    ['Tests to keep green', s.keepGreen],
  ];
  // Short steps: each list folded under its count, modules grouped by folder (no wall of full paths).
  parts.forEach(([label, list]) => {
    if (list.length === 0) return;
    const details = el('details');
    details.appendChild(el('summary', `${label} (${list.length})`));
    const ul = el('ul');
    const items = label === 'Modules' ? byFolder(list) : list;
    items.forEach((item) => ul.appendChild(el('li', item)));
    details.appendChild(ul);
    li.appendChild(details);
    // Printed unfolded (a closed <details> prints nothing), capped so a large step stays readable.
    const printed = el('div', null, 'print-only');
    printed.appendChild(el('b', `${label} (${list.length})`));
    const pl = el('ul');
    items.slice(0, PRINT_ITEMS).forEach((item) => pl.appendChild(el('li', item)));
    if (items.length > PRINT_ITEMS) pl.appendChild(el('li', `${items.length - PRINT_ITEMS} more in report.md and analysis.json`));
    printed.appendChild(pl);
    li.appendChild(printed);
  });
  ol.appendChild(li);
});
byId('plan').appendChild(ol);
table(byId('history'), ['#', 'Module', 'Revisions', 'Lines', 'Score', 'Main author'], D.hotspots.map((h) => [h.rank, h.module, h.revisions, h.lines, h.score, h.author]));
table(byId('history'), ['Module A', 'Module B', 'Degree %', 'Shared'], D.coupling.map((p) => [p.a, p.b, p.degree, p.shared]));
function blocks(host: HTMLElement, list: PageData['checks']): void {
  list.forEach((b) => {
    if (b.kind === 'heading') host.appendChild(el(b.level === 2 ? 'h3' : 'h4', b.text));
    else if (b.kind === 'note') host.appendChild(el('p', b.text, 'dim'));
    else {
      table(host, b.head, b.rows);
      if (b.total > b.rows.length) host.appendChild(el('p', `${b.total - b.rows.length} more in analysis.json`, 'dim'));
    }
  });
}
blocks(byId('checks'), D.checks);
// Changes since an earlier analysis (report --compare): a tab of its own, printed when present.
if (D.changes.length > 0) {
  blocks(byId('changes'), D.changes);
  document.querySelector<HTMLElement>('nav button[data-tab="changes"]')!.hidden = false;
} else byId('changes').classList.add('empty');
blocks(byId('decisions'), D.decisions);
if (D.decisions.length === 0) {
  byId('decisions').appendChild(
    el('p', 'No decision file yet: these contexts are proposed by msa-split. Edit them in the what-if (Graph tab) and download the decision file, or edit msa-split.decomposition.yaml, then run analyze --decomposition on it; its decision log, notes and the modules msa-split placed appear here.', 'dim'),
  );
}
if (D.checks.length === 0) byId('checks').appendChild(el('p', 'No split checks in this analysis (clustering skipped, or written before them).', 'dim'));
table(byId('diagnostics'), ['Severity', 'Code', 'Where', 'Message'], D.diagnostics.map((x) => [x.severity, x.code, x.where, x.message]));

// Graph: contexts first; a click drills into one context; a module click shows its edges.
const side = byId('side');
let level = 'contexts';
function show(list: HTMLElement[]): void {
  side.textContent = '';
  list.forEach((x) => side.appendChild(x));
}
function backButton(): HTMLElement {
  const back = el('button', '\u2190 all contexts');
  back.addEventListener('click', contextsView);
  return back;
}

// The graph's toolbar: views, and which module edges to draw (kinds, weight, across contexts, at most N).
const KINDS = edgeKinds(D.edges);
const filter: { kinds: Set<string>; minWeight: number; acrossOnly: boolean; limit: number } = { kinds: new Set(KINDS), minWeight: 1, acrossOnly: D.modules.length > 300, limit: 2000 };
const edgeCount = el('span', null, 'dim');
function graphBar(): void {
  const bar = byId('graphbar');
  const view = (label: string, go: () => void, cls: string) => {
    const b = el('button', label, cls) as HTMLButtonElement;
    b.type = 'button';
    b.addEventListener('click', go);
    bar.appendChild(b);
  };
  view('Contexts', contextsView, 'view-contexts');
  view(`All modules (${D.modules.length})`, allModulesView, 'view-all');
  const edgesBox = el('span', null, 'edge-filter');
  edgesBox.appendChild(document.createTextNode(' edges: '));
  KINDS.forEach((k) => {
    const label = el('label');
    const box = el('input') as HTMLInputElement;
    box.type = 'checkbox';
    box.checked = true;
    box.value = k;
    box.addEventListener('change', () => {
      if (box.checked) filter.kinds.add(k);
      else filter.kinds.delete(k);
      redraw();
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(` ${k} `));
    edgesBox.appendChild(label);
  });
  const weight = el('input') as HTMLInputElement;
  weight.type = 'number';
  weight.min = '1';
  weight.value = String(filter.minWeight);
  weight.setAttribute('aria-label', 'minimum edge weight');
  weight.addEventListener('change', () => {
    filter.minWeight = Math.max(0, Number(weight.value) || 0);
    redraw();
  });
  edgesBox.appendChild(document.createTextNode(' weight \u2265 '));
  edgesBox.appendChild(weight);
  const across = el('label');
  const acrossBox = el('input') as HTMLInputElement;
  acrossBox.type = 'checkbox';
  acrossBox.checked = filter.acrossOnly;
  acrossBox.setAttribute('aria-label', 'only edges across contexts');
  acrossBox.addEventListener('change', () => {
    filter.acrossOnly = acrossBox.checked;
    redraw();
  });
  across.appendChild(acrossBox);
  across.appendChild(document.createTextNode(' across contexts only '));
  edgesBox.appendChild(across);
  edgesBox.appendChild(edgeCount);
  bar.appendChild(edgesBox);
}
function redraw(): void {
  if (level === 'all') allModulesView();
  else if (level !== 'contexts') contextView(level);
}
const shownEdges = (f: EdgeFilter) => {
  const { shown, matching } = filterEdges(D.edges, (m) => ctxOf[m], f);
  edgeCount.textContent = `${shown.length} of ${matching} matching edges drawn${matching > shown.length ? ' (the heaviest)' : ''}`;
  return shown;
};

/** Beyond this many modules the all-modules view labels blocks instead of boxing them. */
const COMPOUND_LIMIT = 2500;

/** Every module, each context a block of its own colour (block-layout.ts), edges as filtered. */
function allModulesView(): void {
  level = 'all';
  const groups = [...viewContexts.map((c) => ({ id: c.id, modules: (byCtx[c.id] ?? []).map((m) => m.id) })), { id: '', modules: (byCtx[''] ?? []).map((m) => m.id) }];
  const { positions, blocks } = blockLayout(groups);
  // Up to COMPOUND_LIMIT modules each context is a box around its modules (cytoscape compound
  // nodes); beyond, boxes cost seconds to draw, so a label above each block names it instead.
  const compound = D.modules.length <= COMPOUND_LIMIT;
  const label = (id: string, n: number) => (id ? `${names[id] ?? id} (${n})` : `set aside (${n})`);
  const nodes: CyElement[] = compound
    ? groups.filter((g) => g.modules.length > 0).map((g) => ({ data: { id: `box:${g.id}`, label: label(g.id, g.modules.length), colour: colourOf(g.id), box: 1 } }))
    : blocks.map((b) => ({ data: { id: `box:${b.id}`, label: label(b.id, groups.find((g) => g.id === b.id)!.modules.length), colour: colourOf(b.id), size: 1, tag: 1 }, position: { x: b.x + b.width / 2, y: b.y } }));
  D.modules.forEach((m) => {
    const p = positions.get(m.id);
    if (p) nodes.push({ data: { id: m.id, ...(compound ? { parent: `box:${ctxOf[m.id] ?? ''}` } : {}), label: m.id.split('/').pop()!, size: 14, colour: colourOf(ctxOf[m.id]) }, position: p });
  });
  const edges: CyElement[] = shownEdges(filter).map((e, i) => ({ data: { id: `a${i}`, source: e.s, target: e.t, w: e.w } }));
  draw(nodes, edges, true);
  show([el('p', `All ${D.modules.length} modules, one block per context. Zoom in for names; click a module for its ties, a block for its context. The minimap (bottom right) shows where you are.`, 'dim'), el('b', 'Legend'), legend()]);
}

function contextsView(): void {
  level = 'contexts';
  const nodes: CyElement[] = viewContexts.map((c) => ({ data: { id: c.id, label: `${c.name} (${c.modules})`, size: 20 + Math.sqrt(c.lines + 1), colour: colourOf(c.id) } }));
  const w: Record<string, number> = {};
  D.edges.forEach((e) => {
    const a = ctxOf[e.s];
    const b = ctxOf[e.t];
    if (a && b && a !== b) w[`${a}|${b}`] = (w[`${a}|${b}`] ?? 0) + e.w;
  });
  const edges: CyElement[] = Object.keys(w).map((k, i) => {
    const [source, target] = k.split('|');
    return { data: { id: `ce${i}`, source: source!, target: target!, w: w[k]! } };
  });
  draw(nodes, edges);
  show([el('p', 'Click a context to see its modules and why they belong together. Search finds modules.', 'dim'), el('b', 'Legend'), legend()]);
}

function contextView(id: string): void {
  level = id;
  const mods = byCtx[id] ?? [];
  const inside: Record<string, boolean> = {};
  mods.forEach((m) => (inside[m.id] = true));
  const nodes: CyElement[] = mods.map((m) => ({ data: { id: m.id, label: m.id.split('/').pop()!, size: 12 + Math.sqrt(m.lines + 1), colour: colourOf(id) } }));
  const others: Record<string, boolean> = {};
  const edges: CyElement[] = [];
  shownEdges({ ...filter, acrossOnly: false, limit: Infinity }).forEach((e, i) => {
    const a = inside[e.s];
    const b = inside[e.t];
    if (a && b) edges.push({ data: { id: `e${i}`, source: e.s, target: e.t, w: e.w } });
    else if (a || b) {
      const o = ctxOf[a ? e.t : e.s] || 'outside';
      if (!others[o]) {
        others[o] = true;
        nodes.push({ data: { id: `ctx:${o}`, label: `\u2192 ${names[o] ?? o}`, size: 14, other: 1, colour: colourOf(o) } });
      }
      edges.push({ data: { id: `e${i}`, source: a ? e.s : `ctx:${o}`, target: a ? `ctx:${o}` : e.t, w: e.w } });
    }
  });
  draw(nodes, edges);
  const title = el('h3');
  title.appendChild(swatch(id));
  title.appendChild(document.createTextNode(` ${names[id] ?? id}`));
  const why = el('ul', null, 'explain');
  (viewContexts.find((c) => c.id === id)?.explain ?? []).forEach((line) => why.appendChild(el('li', line)));
  show([backButton(), title, el('p', `${mods.length} modules`, 'dim'), why, ...(whatIf && id !== 'kernel' ? [contextControls(whatIf, id, mods.map((m) => m.id))] : [])]);
}

function moduleInfo(id: string): void {
  const out = el('ul');
  const inn = el('ul');
  D.edges.forEach((e) => {
    if (e.s === id) out.appendChild(el('li', `${e.t} [${e.k} x${e.w}] ${e.ev}`));
    if (e.t === id) inn.appendChild(el('li', `${e.s} [${e.k} x${e.w}] ${e.ev}`));
  });
  const m = D.modules.find((x) => x.id === id);
  const home = el('p', null, 'dim');
  home.appendChild(swatch(ctxOf[id] ?? ''));
  home.appendChild(document.createTextNode(` context: ${names[ctxOf[id]!] ?? ctxOf[id] ?? '-'}`));
  const facts = [home];
  const why = el('ul', null, 'explain');
  (m?.why ?? []).forEach((line) => why.appendChild(el('li', line)));
  if (m?.why.length) facts.push(el('b', whatIf?.current() ? 'why here (as analysed)' : 'why here'), why);
  if (whatIf && ctxOf[id] !== undefined && m) {
    const folder = id.slice(0, id.lastIndexOf('/') + 1);
    facts.push(moduleControls(whatIf, id, D.modules.filter((x) => x.ctx !== '' && x.id.startsWith(folder) && x.id.indexOf('/', folder.length) < 0).map((x) => x.id)));
  }
  if (m && m.badges.length > 0) facts.unshift(badges(m.badges));
  if (m?.role) facts.push(el('p', `role: ${m.role}`, 'dim'));
  if (m?.side) facts.push(el('p', `runs: ${m.side}`, 'dim'));
  show([backButton(), el('h3', id), ...facts, el('b', 'depends on'), out, el('b', 'used by'), inn]);
}

function draw(nodes: CyElement[], edges: CyElement[], preset = false): void {
  if (cy) cy.destroy();
  const big = nodes.length > 300;
  cy = cytoscape({
    container: byId('cy'),
    elements: [...nodes, ...edges],
    wheelSensitivity: 0.3,
    // Large graphs: draw a texture while panning and zooming, edges hidden meanwhile.
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : 'auto',
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, width: 'data(size)', height: 'data(size)', 'background-color': 'data(colour)', 'text-valign': 'bottom', color: '#1d2433', 'min-zoomed-font-size': big ? 8 : 0 } },
      { selector: 'node[box]', style: { 'background-color': 'data(colour)', 'background-opacity': 0.08, 'border-color': 'data(colour)', 'border-width': 2, shape: 'round-rectangle', 'text-valign': 'top', 'font-size': 28, 'font-weight': 'bold', 'min-zoomed-font-size': 0 } },
      { selector: 'node[tag]', style: { 'background-opacity': 0, 'font-size': 28, 'font-weight': 'bold', 'text-valign': 'top', 'min-zoomed-font-size': 0 } },
      { selector: 'node[other]', style: { opacity: 0.6 } },
      { selector: 'edge', style: { width: 'mapData(w,1,50,1,6)', 'line-color': '#b8c0cc', 'target-arrow-shape': big ? 'none' : 'triangle', 'target-arrow-color': '#b8c0cc', 'curve-style': big ? 'haystack' : 'bezier', opacity: big ? 0.5 : 1 } },
      { selector: ':selected', style: { 'background-color': '#e8590c' } },
    ],
    layout: preset ? { name: 'preset', fit: true, padding: 20 } : { name: big ? 'grid' : 'cose', animate: false, randomize: false },
  });
  attachMinimap(byId('minimap') as HTMLCanvasElement, cy);
  cy.on('tap', 'node', (ev) => {
    const id = ev.target.id();
    if (id.indexOf('box:') === 0) contextView(id.slice(4));
    else if (level === 'contexts') contextView(id);
    else if (id.indexOf('ctx:') === 0) contextView(id.slice(4));
    else moduleInfo(id);
  });
  // A handle for the browser tests.
  (window as unknown as { __msaGraph: object }).__msaGraph = { nodes: () => cy!.nodes().length, level: () => level, tapContext: (id: string) => contextView(id), showModule: (id: string) => moduleInfo(id), allModules: () => allModulesView(), edges: () => edges.length };
}

// Lower-cased once: a keystroke scans the ids and stops at the 50th hit.
const lowerIds = D.modules.map((m) => m.id.toLowerCase());
byId('search').addEventListener('input', (ev) => {
  const q = (ev.target as HTMLInputElement).value.toLowerCase();
  const hits = byId('hits');
  hits.textContent = '';
  if (q.length < 2) return;
  const found: PageData['modules'] = [];
  for (let i = 0; i < lowerIds.length && found.length < 50; i++) if (lowerIds[i]!.indexOf(q) >= 0) found.push(D.modules[i]!);
  found.forEach((m) => {
      const li = el('li');
      li.appendChild(swatch(m.ctx));
      li.appendChild(el('span', ` ${m.id}`, 'hit'));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(badges(m.badges));
      li.style.cursor = 'pointer';
      li.addEventListener('click', () => {
        if (m.ctx) contextView(m.ctx);
        moduleInfo(m.id);
        cy?.getElementById(m.id)?.select();
      });
      hits.appendChild(li);
    });
});

graphBar();

// What-if: edits re-scored in the page; the graph follows the evaluated contexts.
function adopt(now: Evaluation | null): void {
  const d = now?.decomposition;
  for (const k of Object.keys(ctxOf)) delete ctxOf[k];
  for (const k of Object.keys(byCtx)) delete byCtx[k];
  if (!d || !now) {
    viewContexts = D.contexts.map((c) => ({ id: c.id, name: c.name, modules: c.modules, lines: c.lines, explain: c.explain }));
    D.modules.forEach((m) => (ctxOf[m.id] = m.ctx));
  } else {
    viewContexts = d.contexts.map((c) => {
      const s = now.scores.contexts.find((x) => x.context === c.id);
      return {
        id: c.id,
        name: c.name,
        modules: c.modules.length,
        lines: c.lines,
        explain: [
          `what-if: cohesion ${s?.cohesion ?? 0}, coupling ${s?.coupling ?? 0}`,
          ...(c.tables.length > 0 ? [`owns ${c.tables.join(', ')}`] : []),
          `API surface: ${s?.apiSurface.length ?? 0} modules used from ${s?.afferent.length ?? 0} other contexts; it uses ${s?.efferent.length ?? 0}`,
        ],
      };
    });
    if (d.kernel.length > 0) viewContexts.push({ id: 'kernel', name: 'shared kernel', modules: d.kernel.length, lines: 0, explain: ['a shared library every context may use: not a service'] });
    d.contexts.forEach((c) => c.modules.forEach((m) => (ctxOf[m] = c.id)));
    d.kernel.forEach((m) => (ctxOf[m] = 'kernel'));
  }
  viewContexts.forEach((c) => (names[c.id] = c.name));
  D.modules.forEach((m) => (byCtx[ctxOf[m.id] ?? ''] = byCtx[ctxOf[m.id] ?? ''] ?? []).push(m));
  paint();
  if (level === 'all') allModulesView();
  else if (level === 'contexts' || !viewContexts.some((c) => c.id === level)) contextsView();
  else contextView(level);
}
const whatIf: WhatIf | null = D.whatIf ? mountWhatIf(byId('whatif'), D.whatIf, adopt) : null;
(window as unknown as { __msaWhatIf: WhatIf | null }).__msaWhatIf = whatIf;

contextsView();
// When the first view was drawn, from the start of navigation (the browser tests and the bench read it).
(window as unknown as { __msaReadyMs: number }).__msaReadyMs = performance.now();
