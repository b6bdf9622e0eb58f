/**
 * Dependency cycles.
 * Input: the model's runtime edges (imports, dynamic imports, calls, inheritance; type-only imports
 * are left out because they vanish at runtime). Output: every strongly connected component with more
 * than one module (Tarjan, iterative), its internal edges, the edges that close its cycles (the back
 * edges of a depth-first search from its smallest id, neighbours in id order: removing them leaves the
 * component acyclic), and one shortest cycle through its first module as a readable example.
 */
import { compareStrings } from '../model/compare.js';
import { stronglyConnected } from '../model/strongly-connected.js';
import type { CodeEdgeKind, Evidence, SystemModel } from '../model/types.js';
import { buildDependencyGraph, RUNTIME_KINDS, type DependencyGraph } from './dependency-graph.js';

export interface CycleEdge {
  from: string;
  to: string;
  /** Summed weight over the kept kinds. */
  weight: number;
  kinds: CodeEdgeKind[];
  /** First evidence entry, to point at the line to change. */
  evidence?: Evidence;
}

export interface Cycle {
  /** Modules of the component, sorted. */
  modules: string[];
  /** Edges between modules of the component. */
  edges: CycleEdge[];
  /** Edges whose removal makes the component acyclic. */
  closingEdges: CycleEdge[];
  /** A shortest cycle through the component's first module: m1 -> m2 -> ... -> m1. */
  example: string[];
}

export interface CyclesResult {
  /** Edge kinds considered. */
  kinds: CodeEdgeKind[];
  /** Sorted by size (largest first), then first module id. */
  cycles: Cycle[];
  /** Modules that sit in some cycle. */
  modulesInCycles: number;
}

export function analyzeCycles(model: SystemModel): CyclesResult {
  const graph = buildDependencyGraph(model, RUNTIME_KINDS);
  const components = stronglyConnectedComponents(graph).filter((c) => c.length > 1);
  const cycles = components.map((members) => describeCycle(graph, members));
  cycles.sort((a, b) => b.modules.length - a.modules.length || compareStrings(a.modules[0]!, b.modules[0]!));
  return {
    kinds: [...RUNTIME_KINDS].sort(compareStrings),
    cycles,
    modulesInCycles: cycles.reduce((n, c) => n + c.modules.length, 0),
  };
}

/** Tarjan's algorithm without recursion (deep graphs would overflow the stack): model/strongly-connected.ts. */
export function stronglyConnectedComponents(graph: DependencyGraph): string[][] {
  return stronglyConnected(graph.nodes, (n) => graph.out.get(n)!.map((e) => e.to));
}

function describeCycle(graph: DependencyGraph, members: string[]): Cycle {
  const inside = new Set(members);
  const edgeOf = (from: string, to: string): CycleEdge => {
    const list = graph.edges.get(`${from}\0${to}`) ?? [];
    const first = list.flatMap((e) => e.evidence).sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line)[0];
    return {
      from,
      to,
      weight: list.reduce((n, e) => n + e.weight, 0),
      kinds: [...new Set(list.map((e) => e.kind))].sort(compareStrings),
      ...(first ? { evidence: first } : {}),
    };
  };
  const edges: CycleEdge[] = [];
  for (const from of members) for (const { to } of graph.out.get(from)!) if (inside.has(to)) edges.push(edgeOf(from, to));

  // Back edges of an iterative DFS restricted to the component.
  const closing: CycleEdge[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of members) {
    if (state.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = graph.out.get(frame.node)!.filter((s) => inside.has(s.to));
      if (frame.next < succ.length) {
        const to = succ[frame.next++]!.to;
        const s = state.get(to);
        if (s === 'open') closing.push(edgeOf(frame.node, to));
        else if (s === undefined) {
          state.set(to, 'open');
          work.push({ node: to, next: 0 });
        }
      } else {
        state.set(frame.node, 'done');
        work.pop();
      }
    }
  }
  return { modules: members, edges, closingEdges: closing, example: shortestCycle(graph, members[0]!, inside) };
}

/** Breadth-first search from `start` back to itself, inside the component. */
function shortestCycle(graph: DependencyGraph, start: string, inside: ReadonlySet<string>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const { to } of graph.out.get(node)!) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let n: string | undefined = node; n !== undefined && n !== start; n = parent.get(n)) path.push(n);
        path.push(start);
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!parent.has(to)) {
        parent.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start];
}
