/** Builds a small SystemModel from a compact edge list: 'a -> b' (import), 'a -call-> b', 'a -type-import-> b'. */
import type { CodeEdgeKind, Edge, SystemModel } from '../../src/model/types.js';

export function tinyModel(edgeSpecs: string[], options: { modules?: string[]; entryPoints?: Record<string, string>; lines?: Record<string, number> } = {}): SystemModel {
  const edges: Edge[] = edgeSpecs.map((spec, i) => {
    const m = /^(\S+)\s+-(?:([a-z-]+)-)?>\s+(\S+)(?:\s+x(\d+))?$/.exec(spec);
    if (!m) throw new Error(`bad edge spec: ${spec}`);
    const [, from, kind, to, weight] = m;
    return { kind: (kind ?? 'import') as CodeEdgeKind, from: from!, to: to!, weight: Number(weight ?? 1), evidence: [{ file: from!, line: i + 1 }] };
  });
  const ids = new Set(options.modules ?? []);
  for (const e of edges) {
    ids.add(e.from);
    ids.add(e.to);
  }
  const modules = [...ids].sort().map((id) => ({
    id,
    kind: 'file' as const,
    files: [id],
    lines: options.lines?.[id] ?? 10,
    languages: ['typescript' as const],
    ...(options.entryPoints?.[id] ? { entryPoint: options.entryPoints[id] } : {}),
  }));
  return {
    root: 'tiny',
    granularity: 'file',
    files: modules.map((m) => ({ path: m.id, language: 'typescript', lines: m.lines, bytes: 100, module: m.id })),
    modules,
    edges: edges.sort((a, b) => (a.from + a.to + a.kind < b.from + b.to + b.kind ? -1 : 1)),
    externals: [],
    unresolved: [],
    sqlLiterals: [],
    skipped: [],
    diagnostics: [],
  };
}
