/**
 * A neutral graph that every graph format renders: modules, contexts or tables, with groups.
 * Input: an AnalysisResult and a level. Output: sorted nodes, edges and groups.
 * - module: one node per module, grouped by context (or `kernel`); code edges summed per directed pair.
 * - context: one node per context (+ the kernel); module edges summed between contexts.
 * - table: one node per table, grouped by owning context; foreign keys (directed) and joins.
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import { compareStrings } from '../model/compare.js';
import { contextIndex, tableOwners, KERNEL_ID as KERNEL } from '../model/context-index.js';

export type GraphLevel = 'module' | 'context' | 'table';

export interface GraphView {
  level: GraphLevel;
  nodes: { id: string; label: string; group?: string; size: number }[];
  edges: { source: string; target: string; weight: number; kinds: string[] }[];
  groups: { id: string; label: string }[];
}


export function graphView(result: AnalysisResult, level: GraphLevel): GraphView {
  const d = result.decomposition;
  const ctxOf = contextIndex(d, { withKernel: true });
  const groups = [...(d?.contexts ?? []).map((c) => ({ id: c.id, label: c.name })), ...((d?.kernel.length ?? 0) > 0 ? [{ id: KERNEL, label: 'shared kernel' }] : [])];
  const sum = (pairs: { source: string; target: string; weight: number; kind: string }[]) => {
    const byKey = new Map<string, { source: string; target: string; weight: number; kinds: Set<string> }>();
    for (const p of pairs) {
      if (p.source === p.target) continue;
      const key = `${p.source}\0${p.target}`;
      const row = byKey.get(key) ?? { source: p.source, target: p.target, weight: 0, kinds: new Set<string>() };
      row.weight += p.weight;
      row.kinds.add(p.kind);
      byKey.set(key, row);
    }
    return [...byKey.values()]
      .map((e) => ({ source: e.source, target: e.target, weight: e.weight, kinds: [...e.kinds].sort(compareStrings) }))
      .sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target));
  };
  if (level === 'module') {
    return {
      level,
      nodes: result.model.modules.map((m) => ({ id: m.id, label: m.id, ...(ctxOf.has(m.id) ? { group: ctxOf.get(m.id)! } : {}), size: m.lines })),
      edges: sum(result.model.edges.map((e) => ({ source: e.from, target: e.to, weight: e.weight, kind: e.kind }))),
      groups,
    };
  }
  if (level === 'context') {
    const size = new Map<string, number>();
    for (const m of result.model.modules) {
      const c = ctxOf.get(m.id);
      if (c) size.set(c, (size.get(c) ?? 0) + m.lines);
    }
    return {
      level,
      nodes: groups.map((g) => ({ id: g.id, label: g.label, size: size.get(g.id) ?? 0 })),
      edges: sum(
        result.model.edges
          .filter((e) => ctxOf.has(e.from) && ctxOf.has(e.to))
          .map((e) => ({ source: ctxOf.get(e.from)!, target: ctxOf.get(e.to)!, weight: e.weight, kind: e.kind })),
      ),
      groups: [],
    };
  }
  const owner = tableOwners(d);
  const data = result.model.data;
  return {
    level,
    nodes: (data?.tables ?? []).map((t) => ({ id: t.id, label: t.name, ...(owner.has(t.id) ? { group: owner.get(t.id)! } : {}), size: t.columns.length })),
    edges: sum((data?.edges ?? []).filter((e) => e.kind !== 'table-access').map((e) => ({ source: e.from, target: e.to, weight: e.weight, kind: e.kind }))),
    groups: groups.filter((g) => g.id !== KERNEL),
  };
}
