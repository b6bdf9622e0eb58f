/**
 * Why each module sits where it does, and what holds each context together.
 * Input: the decomposition and the weighted module graph (edges carry the weight each signal added).
 * Output per module: its strongest tie inside its context and its strongest tie elsewhere (weight and
 * the signals behind it); per context: its top internal and top boundary edges.
 */
import { compareStrings } from '../model/compare.js';
import { round3 } from '../model/numbers.js';
import type { Decomposition, Evidence, SystemModel } from '../model/types.js';
import type { UndirectedGraph } from '../model/graphology.js';
import { contextIndex } from '../model/context-index.js';
import { findFacades, type Facade } from './find-facades.js';

export interface Tie {
  module: string;
  context: string;
  weight: number;
  /** Weight per signal kind (import, call, tableAccess, coChange, ...). */
  parts: Record<string, number>;
}

export interface ModuleExplanation {
  module: string;
  context: string;
  strongestInside?: Tie;
  strongestElsewhere?: Tie;
}

export interface ContextExplanation {
  context: string;
  topInternal: { a: string; b: string; weight: number; parts: Record<string, number>; evidence?: Evidence }[];
  topBoundary: { a: string; b: string; otherContext: string; weight: number; parts: Record<string, number>; evidence?: Evidence }[];
}

const roundParts = (p: Record<string, number>) => Object.fromEntries(Object.entries(p).sort(([a], [b]) => compareStrings(a, b)).map(([k, v]) => [k, round3(v)]));

/** Why each module sits where it does (per module) and what holds each context together (per context). */
export interface DecompositionExplanations {
  modules: ModuleExplanation[];
  contexts: ContextExplanation[];
  /** Modules whose calls serve several contexts: split them rather than merge those contexts (absent in older analyses). */
  facades?: Facade[];
}

export function explainDecomposition(d: Decomposition, graph: UndirectedGraph, model?: SystemModel, top = 3): DecompositionExplanations {
  // First code evidence (file:line) between two modules, either direction.
  const evidence = new Map<string, Evidence>();
  for (const e of model?.edges ?? []) {
    const key = e.from < e.to ? `${e.from}\0${e.to}` : `${e.to}\0${e.from}`;
    const first = e.evidence[0];
    if (first && !evidence.has(key)) evidence.set(key, first);
  }
  const evidenceOf = (a: string, b: string) => {
    const found = evidence.get(a < b ? `${a}\0${b}` : `${b}\0${a}`);
    return found ? { evidence: found } : {};
  };
  const ctxOf = contextIndex(d, { withKernel: false });
  const better = (a: Tie | undefined, b: Tie) => !a || b.weight > a.weight || (b.weight === a.weight && compareStrings(b.module, a.module) < 0);
  const modules: ModuleExplanation[] = [];
  for (const m of [...ctxOf.keys()].sort(compareStrings)) {
    const here = ctxOf.get(m)!;
    let inside: Tie | undefined;
    let elsewhere: Tie | undefined;
    if (graph.hasNode(m)) {
      graph.forEachEdge(m, (_e, attrs, s, t) => {
        const other = s === m ? t : s;
        const { weight, parts } = attrs as { weight: number; parts: Record<string, number> };
        const tie = { module: other, context: ctxOf.get(other) ?? '(kernel)', weight: round3(weight), parts: roundParts(parts) };
        if (tie.context === here) {
          if (better(inside, tie)) inside = tie;
        } else if (better(elsewhere, tie)) elsewhere = tie;
      });
    }
    modules.push({ module: m, context: here, ...(inside ? { strongestInside: inside } : {}), ...(elsewhere ? { strongestElsewhere: elsewhere } : {}) });
  }
  const contexts: ContextExplanation[] = d.contexts.map((c) => {
    const internal: ContextExplanation['topInternal'] = [];
    const boundary: ContextExplanation['topBoundary'] = [];
    const members = new Set(c.modules);
    graph.forEachEdge((_e, attrs, s, t) => {
      const { weight, parts } = attrs as { weight: number; parts: Record<string, number> };
      const inS = members.has(s);
      const inT = members.has(t);
      if (inS && inT) internal.push({ a: s, b: t, weight: round3(weight), parts: roundParts(parts) });
      else if (inS || inT) {
        const other = inS ? t : s;
        boundary.push({ a: inS ? s : t, b: other, otherContext: ctxOf.get(other) ?? '(kernel)', weight: round3(weight), parts: roundParts(parts) });
      }
    });
    const order = (x: { weight: number; a: string; b: string }, y: { weight: number; a: string; b: string }) => y.weight - x.weight || compareStrings(x.a, y.a) || compareStrings(x.b, y.b);
    return {
      context: c.id,
      topInternal: internal.sort(order).slice(0, top).map((x) => ({ ...x, ...evidenceOf(x.a, x.b) })),
      topBoundary: boundary.sort(order).slice(0, top).map((x) => ({ ...x, ...evidenceOf(x.a, x.b) })),
    };
  });
  return { modules, contexts, ...(model ? { facades: findFacades(model, d) } : {}) };
}
