/**
 * One weighted, undirected module graph from the three signals, for clustering and scoring.
 * Input: the model (code edges, data accesses, history co-change and co-authorship), the modules to
 * leave out (kernel, platform, tooling), weights. Output: graphology graph over the non-kernel modules; each edge keeps its total
 * `weight` and the part each kind contributed (for explanations).
 * Formulas (defaults in DEFAULT_WEIGHTS, scaled by the signal weights code/data/history):
 * - code: kindWeight x log2(1 + occurrences) per directed edge, both directions summed;
 * - data: for each table, w = tableAccess / (accessors - 1), so a table used by everyone glues weakly;
 *   a pair of writers gets w, a writer and a reader w / 2, two readers nothing (owning a table means
 *   writing it); tables with more than 50 accessors are skipped (noted);
 * - history: coChange x degree / 100 per coupled pair; coAuthor x Jaccard per co-authored pair;
 * - no edge joins a browser-side and a server-side module (units, classify/assign-units.ts).
 */
import { compareEdges, compareStrings } from '../model/compare.js';
import type { Edge, SystemModel } from '../model/types.js';
import { Graph, type UndirectedGraph } from '../model/graphology.js';
import { DEFAULT_WEIGHTS, type GraphWeights } from '../model/graph-weights.js';
import { acrossTheWire } from '../model/sides.js';

const MAX_TABLE_ACCESSORS = 50;

export interface ModuleGraph {
  graph: UndirectedGraph;
  /** Tables skipped because too many modules use them. */
  skippedTables: string[];
}

export function buildModuleGraph(model: SystemModel, kernel: ReadonlySet<string>, weights: GraphWeights = DEFAULT_WEIGHTS): ModuleGraph {
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

  for (const e of [...(model.edges as Edge[])].sort(compareEdges)) add(e.from, e.to, e.kind, weights.code * kind(e.kind) * Math.log2(1 + e.weight));

  const skippedTables: string[] = [];
  if (model.data) {
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
  if (model.history?.available) {
    for (const p of [...model.history.coChange].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b))) add(p.a, p.b, 'coChange', weights.history * kind('coChange') * (p.degree / 100));
    for (const p of [...model.history.coAuthor].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b))) add(p.a, p.b, 'coAuthor', weights.history * kind('coAuthor') * p.jaccard);
  }
  return { graph, skippedTables };
}
