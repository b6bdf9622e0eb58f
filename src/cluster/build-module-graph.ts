/**
 * One weighted, undirected module graph from the three signals, for clustering and scoring.
 * Input: the model (code edges, data accesses, history co-change and co-authorship), the modules to
 * leave out (kernel, platform, tooling), weights. Output: graphology graph over the non-kernel modules; each edge keeps its total
 * `weight` and the part each kind contributed (for explanations).
 * Formulas (defaults in DEFAULT_WEIGHTS, scaled by the signal weights code/data/history):
 * - code: kindWeight x log2(1 + occurrences) per directed edge, both directions summed; an edge into a
 *   class others extend or implement (and the imports that come with the heritage clause) x idf =
 *   max(0.05, ln(N / heirs) / ln(N)), N = modules in the graph: a base class of 1 heir keeps (almost) full
 *   weight, one that every entity extends almost none;
 * - data: for each table, w = tableAccess / (accessors - 1), so a table used by everyone glues weakly;
 *   a pair of writers gets w, a writer and a reader w / 2, two readers nothing (owning a table means
 *   writing it); tables with more than 50 accessors are skipped (noted);
 * - history: coChange x strength per coupled pair (shared change sets weighted 1 / (modules - 1), over
 *   the mean revisions: wide commits tie weakly; degree / 100 for analyses written before strength); coAuthor x Jaccard per co-authored pair;
 * - no edge joins a browser-side and a server-side module (units, classify/assign-units.ts).
 */
import { compareEdges, compareStrings } from '../model/compare.js';
import type { Edge, SystemModel } from '../model/types.js';
import { Graph, type UndirectedGraph } from '../model/graphology.js';
import { DEFAULT_WEIGHTS, type GraphWeights } from '../model/graph-weights.js';
import { acrossTheWire } from '../model/sides.js';
import { computeDataFootprint } from './data-footprint.js';
import { dataAnchorEdges, isPseudoNode } from './data-anchors.js';
import { businessFolderOf } from '../model/business-folder.js';

const MAX_TABLE_ACCESSORS = 50;

export interface ModuleGraph {
  graph: UndirectedGraph;
  /** Tables skipped because too many modules use them. */
  skippedTables: string[];
}

/**
 * `anchors`: the graph clustering reads. Instead of module-module edges for shared tables, tables are
 * nodes tied to the modules whose data footprint reaches them (cluster/data-anchors.ts); without it,
 * the module-only graph that scores and explanations read.
 */
export function buildModuleGraph(model: SystemModel, kernel: ReadonlySet<string>, weights: GraphWeights = DEFAULT_WEIGHTS, options: { anchors?: boolean } = {}): ModuleGraph {
  const graph = new Graph({ type: 'undirected', allowSelfLoops: false });
  // Sorted insertion: Louvain's result depends on node and edge order, never on how files were read.
  for (const m of [...model.modules].sort((a, b) => compareStrings(a.id, b.id))) if (!kernel.has(m.id)) graph.addNode(m.id);
  // A browser module and a server module never share a context: no edge of any kind joins them.
  const side = new Map(model.modules.map((m) => [m.id, m.unit?.side]));
  const apart = (a: string, b: string) => acrossTheWire(side.get(a), side.get(b));
  const add = (a: string, b: string, kind: string, w: number) => {
    if (a === b || w <= 0 || !graph.hasNode(a) || !graph.hasNode(b) || apart(a, b)) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${x}\0${y}`;
    if (!graph.hasEdge(key)) graph.addUndirectedEdgeWithKey(key, x, y, { weight: 0, parts: {} as Record<string, number> });
    const attrs = graph.getEdgeAttributes(key) as { weight: number; parts: Record<string, number> };
    attrs.weight += w;
    attrs.parts[kind] = (attrs.parts[kind] ?? 0) + w;
  };
  const kind = (k: string) => weights.kinds[k] ?? DEFAULT_WEIGHTS.kinds[k] ?? 0;

  // Inheritance is weighed like a term in a document collection: a base class many modules extend
  // (BaseEntity, AbstractController) says no more about belonging together than a stop-word.
  const heirs = new Map<string, Set<string>>();
  for (const e of model.edges) if (e.kind === 'extends' || e.kind === 'implements') (heirs.get(e.to) ?? heirs.set(e.to, new Set()).get(e.to)!).add(e.from);
  const nodes = Math.max(2, graph.order);
  const inherited = new Set<string>();
  for (const e of model.edges) if (e.kind === 'extends' || e.kind === 'implements') inherited.add(`${e.from}\0${e.to}`);
  const idf = (to: string) => Math.max(0.05, Math.log(nodes / (heirs.get(to)?.size ?? 1)) / Math.log(nodes));
  for (const e of [...(model.edges as Edge[])].sort(compareEdges)) {
    // The import and type uses that come with a heritage clause are damped alike.
    const damp = heirs.has(e.to) && (e.kind === 'extends' || e.kind === 'implements' || inherited.has(`${e.from}\0${e.to}`)) ? idf(e.to) : 1;
    add(e.from, e.to, e.kind, weights.code * kind(e.kind) * Math.log2(1 + e.weight) * damp);
  }

  const skippedTables: string[] = [];
  if (options.anchors && model.data) {
    const footprint = computeDataFootprint(model, kernel);
    for (const e of dataAnchorEdges(footprint, model.data, weights.data * kind('tableAccess'))) {
      for (const n of [e.a, e.b]) if (!graph.hasNode(n)) graph.addNode(n);
      add(e.a, e.b, e.kind, e.weight);
    }
  } else if (model.data) {
    const accessors = new Map<string, Set<string>>();
    const writers = new Map<string, Set<string>>();
    for (const e of model.data.edges) {
      if (e.kind !== 'table-access' || kernel.has(e.from)) continue;
      const set = accessors.get(e.to) ?? new Set<string>();
      // (accessors are sorted below, so edge order is fixed)
      set.add(e.from);
      accessors.set(e.to, set);
      if (e.mode === 'write') writers.set(e.to, (writers.get(e.to) ?? new Set<string>()).add(e.from));
    }
    for (const [table, set] of [...accessors.entries()].sort(([a], [b]) => compareStrings(a, b))) {
      const list = [...set].sort();
      if (list.length < 2) continue;
      if (list.length > MAX_TABLE_ACCESSORS) {
        skippedTables.push(table);
        continue;
      }
      const w = (weights.data * kind('tableAccess')) / (list.length - 1);
      // Writing a table is what owning it means: two writers belong together, a reader leans towards a
      // writer at half strength, two readers share nothing they own (a report and a mailer both reading
      // orders are not one service).
      const wrote = writers.get(table) ?? new Set<string>();
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const both = (wrote.has(list[i]!) ? 1 : 0) + (wrote.has(list[j]!) ? 1 : 0);
          if (both > 0) add(list[i]!, list[j]!, 'tableAccess', both === 2 ? w : w / 2);
        }
      }
    }
  }
  if (options.anchors) addFolderTies(graph, add, weights.code * kind('folder'));
  if (model.history?.available) {
    for (const p of [...model.history.coChange].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b))) add(p.a, p.b, 'coChange', weights.history * kind('coChange') * (p.strength ?? p.degree / 100));
    for (const p of [...model.history.coAuthor].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b))) add(p.a, p.b, 'coAuthor', weights.history * kind('coAuthor') * p.jaccard);
  }
  return { graph, skippedTables };
}

/** Folder nodes are pseudo-nodes of the clustering graph, like table anchors. */
export const FOLDER_NODE = '\u0000folder:';

/**
 * Capability folders as anchors: each module is tied to a node for its business folder
 * (model/business-folder.ts: the nearest folder not named for a layer), so a NestJS feature folder or
 * a DDD aggregate package holds together while web/, impl/ or jpa/ hold nothing together. A folder
 * holding half of the modules or more is the application's root, not a capability, and ties nothing.
 * Linear: one edge per module.
 */
function addFolderTies(graph: UndirectedGraph, add: (a: string, b: string, kind: string, w: number) => void, w: number): void {
  if (w <= 0) return;
  const modules = graph.nodes().filter((n) => !isPseudoNode(n));
  const folderOf = new Map<string, string>();
  const size = new Map<string, number>();
  for (const m of modules) {
    const f = businessFolderOf(m);
    if (f === undefined) continue;
    folderOf.set(m, f);
    size.set(f, (size.get(f) ?? 0) + 1);
  }
  // Modules below each folder (nested ones included), counted along each module's ancestors:
  // linear in modules x depth.
  const below = new Map<string, number>();
  for (const m of modules) {
    for (let i = m.indexOf('/'); i >= 0; i = m.indexOf('/', i + 1)) {
      const folder = m.slice(0, i);
      below.set(folder, (below.get(folder) ?? 0) + 1);
    }
  }
  const tooWide = new Set([...size.keys()].filter((f) => (below.get(f) ?? 0) * 2 >= modules.length && modules.length >= 4));
  for (const m of modules) {
    const f = folderOf.get(m);
    if (f === undefined || tooWide.has(f) || size.get(f)! < 2) continue;
    const node = `${FOLDER_NODE}${f}`;
    if (!graph.hasNode(node)) graph.addNode(node);
    add(m, node, 'folder', w);
  }
}
