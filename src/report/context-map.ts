/**
 * The decided (or proposed) model as a context map, for the exports that modelling tools read
 * (Context Mapper CML, Structurizr DSL).
 * Input: an AnalysisResult with a decomposition. Output: the contexts with an identifier safe in
 * both languages, a one-line description, their aggregates (one per owned table, its entity named by
 * the table's words in the singular), the shared kernel, and the relationships: code dependencies
 * summed between contexts; A depending on B makes B upstream and A downstream; dependencies both
 * ways make a partnership; every context using the kernel shares it (shared kernel).
 */
import { compareStrings } from '../model/compare.js';
import { KERNEL_ID } from '../model/context-index.js';
import { singular, splitWords } from '../model/terms.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import { graphView } from './graph-view.js';

export interface MapContext {
  id: string;
  /** [A-Za-z][A-Za-z0-9_]*, unique. */
  ident: string;
  name: string;
  description: string;
  aggregates: { name: string; entity: string; table: string }[];
}

export interface MapRelation {
  kind: 'upstream-downstream' | 'partnership' | 'shared-kernel';
  /** For upstream-downstream: the context depended upon; otherwise the first of the pair. */
  a: string;
  /** For upstream-downstream: the depending context. */
  b: string;
  /** Code dependencies (occurrences) behind it: both ways for a partnership, into the kernel for the shared kernel. */
  weight: number;
}

export interface ContextMap {
  system: string;
  systemIdent: string;
  contexts: MapContext[];
  kernel?: MapContext;
  relations: MapRelation[];
}

/** Words of a name as an identifier: `order · ordering` -> OrderOrdering; never empty, never a leading digit. */
export function identifier(name: string, suffix = ''): string {
  const words = splitWords(name).filter((w) => w.length > 0);
  const base = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('') || 'Unnamed';
  return (/^[A-Za-z]/.test(base) ? base : `X${base}`) + suffix;
}

export function contextMap(result: AnalysisResult): ContextMap | undefined {
  const d = result.decomposition;
  if (!d) return undefined;
  const used = new Set<string>();
  const unique = (ident: string) => {
    let out = ident;
    for (let n = 2; used.has(out.toLowerCase()); n++) out = `${ident}${n}`;
    used.add(out.toLowerCase());
    return out;
  };
  const lines = new Map(result.model.modules.map((m) => [m.id, m.lines]));
  const aggregatesOf = (tables: readonly string[]) =>
    tables.map((t) => {
      const words = splitWords(t.split('.').pop()!).map((w) => singular(w.toLowerCase()));
      return { table: t, name: unique(identifier(t, 'Aggregate')), entity: identifier(words.join(' ')) };
    });
  const contexts = d.contexts.map(
    (c): MapContext => ({
      id: c.id,
      ident: unique(identifier(c.name, 'Context')),
      name: c.name,
      description: `${c.id}: ${c.modules.length} modules, ${c.lines} lines${c.tables.length > 0 ? `; owns ${c.tables.join(', ')}` : ''}`,
      aggregates: aggregatesOf(c.tables),
    }),
  );
  const kernel: MapContext | undefined =
    d.kernel.length > 0
      ? { id: KERNEL_ID, ident: unique('SharedKernel'), name: 'shared kernel', description: `${d.kernel.length} modules, ${d.kernel.reduce((n, m) => n + (lines.get(m) ?? 0), 0)} lines every context may use`, aggregates: [] }
      : undefined;
  const view = graphView(result, 'context');
  const weight = new Map(view.edges.map((e) => [`${e.source}\0${e.target}`, e.weight]));
  const relations: MapRelation[] = [];
  const ids = contexts.map((c) => c.id);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [x, y] = [ids[i]!, ids[j]!];
      const xy = weight.get(`${x}\0${y}`) ?? 0;
      const yx = weight.get(`${y}\0${x}`) ?? 0;
      if (xy > 0 && yx > 0) relations.push({ kind: 'partnership', a: x, b: y, weight: xy + yx });
      else if (xy > 0) relations.push({ kind: 'upstream-downstream', a: y, b: x, weight: xy });
      else if (yx > 0) relations.push({ kind: 'upstream-downstream', a: x, b: y, weight: yx });
    }
  }
  if (kernel) for (const id of ids) if ((weight.get(`${id}\0${KERNEL_ID}`) ?? 0) > 0) relations.push({ kind: 'shared-kernel', a: id, b: KERNEL_ID, weight: weight.get(`${id}\0${KERNEL_ID}`)! });
  relations.sort((p, q) => compareStrings(p.a, q.a) || compareStrings(p.b, q.b) || compareStrings(p.kind, q.kind));
  return { system: result.model.root, systemIdent: identifier(result.model.root), contexts, ...(kernel ? { kernel } : {}), relations };
}
