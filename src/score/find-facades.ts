/**
 * Facades to split: modules whose calls serve several contexts, reported instead of letting them glue
 * those contexts together.
 * Input: the model's code edges and a decomposition. Output per facade: its context and, per context
 * its calls reach, the call weight, its share and the methods the calls sit in (from call-site evidence).
 * Rule: for application, interface and technical code (not domain or persistence), count a module's outgoing `call` edges (call sites, `new`) into modules of contexts (kernel
 * and set-asides left out), by target context; it is a facade when at least two contexts each take
 * 25% or more of that weight and one of them is not its own, and it makes at least 4 such calls.
 * The suggestion: move each group of methods to the context it serves (split the class), or keep it
 * as an API-composition layer at the edge.
 */
import { compareStrings } from '../model/compare.js';
import { contextIndex } from '../model/context-index.js';
import { round3 } from '../model/numbers.js';
import type { Decomposition, Evidence, SystemModel } from '../model/types.js';

export interface FacadeReach {
  context: string;
  name: string;
  weight: number;
  share: number;
  /** Methods of the facade whose calls go there (from call-site evidence), sorted. */
  members: string[];
  evidence: Evidence[];
}

export interface Facade {
  module: string;
  context: string;
  reaches: FacadeReach[];
  suggestion: string;
}

export const FACADE_MIN_SHARE = 0.25;
export const FACADE_MIN_CALLS = 4;

export function findFacades(model: SystemModel, d: Decomposition): Facade[] {
  const ctxOf = contextIndex(d, { withKernel: false });
  // Facades are application or interface code; an entity calling its own value objects is an
  // aggregate whose parts were placed apart (the explanations show that), not a facade.
  const notFacade = new Set(model.modules.filter((m) => m.role?.role === 'domain' || m.role?.role === 'persistence').map((m) => m.id));
  const nameOf = new Map(d.contexts.map((c) => [c.id, c.name]));
  const out = new Map<string, Map<string, { weight: number; members: Set<string>; evidence: Evidence[] }>>();
  for (const e of model.edges) {
    if (e.kind !== 'call' || e.from === e.to || notFacade.has(e.from)) continue;
    const own = ctxOf.get(e.from);
    const target = ctxOf.get(e.to);
    if (own === undefined || target === undefined) continue;
    const row = out.get(e.from) ?? out.set(e.from, new Map()).get(e.from)!;
    const cell = row.get(target) ?? row.set(target, { weight: 0, members: new Set(), evidence: [] }).get(target)!;
    cell.weight += e.weight;
    for (const ev of e.evidence) {
      if (ev.member) cell.members.add(ev.member);
      if (cell.evidence.length < 3) cell.evidence.push(ev);
    }
  }
  const facades: Facade[] = [];
  for (const [module, row] of [...out].sort(([a], [b]) => compareStrings(a, b))) {
    const total = [...row.values()].reduce((n, c) => n + c.weight, 0);
    if (total < FACADE_MIN_CALLS) continue;
    const big = [...row].filter(([, c]) => c.weight / total >= FACADE_MIN_SHARE);
    const own = ctxOf.get(module)!;
    if (big.length < 2 || !big.some(([c]) => c !== own)) continue;
    const reaches = big
      .map(([context, c]) => ({ context, name: nameOf.get(context) ?? context, weight: c.weight, share: round3(c.weight / total), members: [...c.members].sort(compareStrings), evidence: c.evidence }))
      .sort((a, b) => b.weight - a.weight || compareStrings(a.context, b.context));
    const byContext = reaches.map((r) => `${r.members.length > 0 ? r.members.join(', ') : `${r.weight} calls`} → ${r.name}`).join('; ');
    facades.push({ module, context: own, reaches, suggestion: `split it by the context each method serves (${byContext}), or keep it as an API-composition layer at the edge` });
  }
  return facades;
}
