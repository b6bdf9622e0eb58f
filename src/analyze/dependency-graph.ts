/**
 * Adjacency view of the module graph shared by the code analyses.
 * Input: the model's edges, the kinds to keep. Output: sorted successor and predecessor lists with
 * summed weights, so every traversal visits neighbours in one fixed order.
 */
import { compareStrings } from '../model/compare.js';
import type { CodeEdgeKind, Edge, SystemModel } from '../model/types.js';

export const RUNTIME_KINDS: ReadonlySet<CodeEdgeKind> = new Set(['import', 'dynamic-import', 'call', 'extends', 'implements']);
export const ALL_CODE_KINDS: ReadonlySet<CodeEdgeKind> = new Set([...RUNTIME_KINDS, 'type-import']);

export interface DependencyGraph {
  nodes: string[];
  /** Successors with the summed weight of kept edges, sorted by id. */
  out: Map<string, { to: string; weight: number }[]>;
  /** Predecessors, sorted by id. */
  in: Map<string, { from: string; weight: number }[]>;
  /** Kept edges between two nodes, by `from\0to`. */
  edges: Map<string, Edge[]>;
}

export function buildDependencyGraph(model: SystemModel, kinds: ReadonlySet<CodeEdgeKind>): DependencyGraph {
  const nodes = model.modules.map((m) => m.id);
  const outW = new Map<string, Map<string, number>>();
  const inW = new Map<string, Map<string, number>>();
  const edges = new Map<string, Edge[]>();
  for (const id of nodes) {
    outW.set(id, new Map());
    inW.set(id, new Map());
  }
  for (const e of model.edges) {
    if (!kinds.has(e.kind) || !outW.has(e.from) || !outW.has(e.to)) continue;
    const o = outW.get(e.from)!;
    o.set(e.to, (o.get(e.to) ?? 0) + e.weight);
    const i = inW.get(e.to)!;
    i.set(e.from, (i.get(e.from) ?? 0) + e.weight);
    const key = `${e.from}\0${e.to}`;
    const list = edges.get(key);
    if (list) list.push(e);
    else edges.set(key, [e]);
  }
  const out = new Map<string, { to: string; weight: number }[]>();
  const inn = new Map<string, { from: string; weight: number }[]>();
  for (const id of nodes) {
    out.set(id, [...outW.get(id)!.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([to, weight]) => ({ to, weight })));
    inn.set(id, [...inW.get(id)!.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([from, weight]) => ({ from, weight })));
  }
  return { nodes, out, in: inn, edges };
}
