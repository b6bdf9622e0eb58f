/**
 * Scores any Decomposition (proposed by clustering or given by a user) against the model.
 * Input: the model, the decomposition, the weighted module graph (kernel left out). Output: per-context
 * and global figures; formulas and sources in docs/metrics.md. No division by zero: an empty
 * denominator gives 0 (or 1 for cohesion of a context with no edges at all, see below).
 * Per context (in = weight inside, out = weight crossing its boundary, both from the weighted graph):
 * - cohesion = 2 in / (2 in + out) (CARGO); 1 for a context with no edges (nothing pulls it apart);
 * - coupling = out / (in + out); afferent / efferent = distinct other contexts depending on it / it depends on
 *   (directed code edges); API surface = its modules used from other contexts, with callers and counts;
 * - cross-boundary foreign keys and joins (tables owned by different contexts), transactions writing
 *   tables of this and another context (cross-context-transactions.ts), co-change pairs across
 *   its boundary, confidence = mean module confidence.
 * Global: modularity Q (Newman, resolution 1, weighted, graphology-metrics), TurboMQ = sum of
 * 2 mu_i / (2 mu_i + eps_i), structural modularity SM = mean(mu_i / N_i^2) - mean over pairs of
 * sigma_ij / (2 N_i N_j) (Jin et al.), ICP = call weight across contexts / all call weight, IFN = mean
 * interface modules per context, NED = share of modules in contexts outside 5..20 modules, and the mean
 * transaction entropy of tables (entropy in bits of the contexts accessing a table, weighted by accesses).
 */
import { compareStrings } from '../model/compare.js';
import { round3 } from '../model/numbers.js';
import type { Decomposition, SystemModel } from '../model/types.js';
import { modularity, type UndirectedGraph } from '../model/graphology.js';
import { contextIndex, tableOwners } from '../model/context-index.js';
import { crossContextTransactions, type CrossingTransaction } from './cross-context-transactions.js';
import { tableVerdicts, type TableVerdict } from './table-verdicts.js';

export interface ContextScore {
  context: string;
  name: string;
  modules: number;
  lines: number;
  internalWeight: number;
  boundaryWeight: number;
  cohesion: number;
  coupling: number;
  afferent: string[];
  efferent: string[];
  apiSurface: { module: string; usedBy: { module: string; count: number }[] }[];
  /** `onDelete`: the key's ON DELETE action (a cascade across contexts deletes another context's rows). */
  crossForeignKeys: { from: string; to: string; onDelete?: string }[];
  crossJoins: { a: string; b: string; modules: string[] }[];
  /** Transactions writing its tables and another context's (ids into DecompositionScores.crossingTransactions). */
  crossTransactions?: string[];
  coChangeAcross: { a: string; b: string; degree: number }[];
  confidence: number;
}

export interface TableEntropy {
  table: string;
  owner?: string;
  /** Contexts accessing it with their access weights. */
  contexts: { context: string; weight: number }[];
  /** Bits; 0 = one context. */
  entropy: number;
}

export interface DecompositionScores {
  contexts: ContextScore[];
  tables: TableEntropy[];
  /** Tables accessed from more than one context: each needs a decision. */
  sharedTables: string[];
  /** Transactions that write tables of two or more contexts: sagas or eventual consistency to decide. */
  crossingTransactions?: CrossingTransaction[];
  /** Per table: owner, other readers and writers, what crosses, and the suggested strategy (absent in older analyses). */
  tableVerdicts?: TableVerdict[];
  /** Shared-kernel modules and the contexts that depend on them. */
  kernelUsers: { module: string; contexts: string[] }[];
  global: {
    contexts: number;
    modularity: number;
    turboMQ: number;
    structuralModularity: number;
    interCallPercentage: number;
    interfaceNumber: number;
    nonExtremeDistribution: number;
    meanTransactionEntropy: number;
  };
}


export function scoreDecomposition(model: SystemModel, d: Decomposition, graph: UndirectedGraph): DecompositionScores {
  const ctxOf = contextIndex(d, { withKernel: false });
  const ids = d.contexts.map((c) => c.id);
  const inside = new Map(ids.map((id) => [id, 0]));
  const boundary = new Map(ids.map((id) => [id, 0]));
  const between = new Map<string, number>();
  graph.forEachEdge((_e, attrs, s, t) => {
    const w = (attrs as { weight: number }).weight;
    const a = ctxOf.get(s);
    const b = ctxOf.get(t);
    if (!a || !b) return;
    if (a === b) inside.set(a, inside.get(a)! + w);
    else {
      boundary.set(a, boundary.get(a)! + w);
      boundary.set(b, boundary.get(b)! + w);
      const key = a < b ? `${a}\0${b}` : `${b}\0${a}`;
      between.set(key, (between.get(key) ?? 0) + w);
    }
  });

  // Directed code dependencies between contexts, and the API surface they imply.
  const afferent = new Map(ids.map((id) => [id, new Set<string>()]));
  const efferent = new Map(ids.map((id) => [id, new Set<string>()]));
  const surface = new Map<string, Map<string, number>>();
  let callsAll = 0;
  let callsAcross = 0;
  for (const e of model.edges) {
    const a = ctxOf.get(e.from);
    const b = ctxOf.get(e.to);
    if (e.kind === 'call' && a && b) {
      callsAll += e.weight;
      if (a !== b) callsAcross += e.weight;
    }
    if (!a || !b || a === b) continue;
    efferent.get(a)!.add(b);
    afferent.get(b)!.add(a);
    const row = surface.get(e.to) ?? new Map<string, number>();
    row.set(e.from, (row.get(e.from) ?? 0) + e.weight);
    surface.set(e.to, row);
  }

  // Tables: owner = the context that owns it in the decomposition; entropy over accessing contexts.
  const owner = tableOwners(d);
  const access = new Map<string, Map<string, number>>();
  for (const e of model.data?.edges ?? []) {
    if (e.kind !== 'table-access') continue;
    const c = ctxOf.get(e.from);
    if (!c) continue;
    const row = access.get(e.to) ?? new Map<string, number>();
    row.set(c, (row.get(c) ?? 0) + e.weight);
    access.set(e.to, row);
  }
  const tables: TableEntropy[] = [...access.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([table, row]) => {
      const total = [...row.values()].reduce((s, x) => s + x, 0);
      const entropy = -[...row.values()].reduce((s, x) => s + (x / total) * Math.log2(x / total), 0);
      return {
        table,
        ...(owner.has(table) ? { owner: owner.get(table)! } : {}),
        contexts: [...row.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([context, weight]) => ({ context, weight })),
        entropy: round3(Math.abs(entropy)),
      };
    });
  const crossFk: { from: string; to: string; a: string; b: string; onDelete?: string }[] = [];
  const crossJoin: { a: string; b: string; ca: string; cb: string; modules: string[] }[] = [];
  for (const e of model.data?.edges ?? []) {
    const ca = owner.get(e.from);
    const cb = owner.get(e.to);
    if (!ca || !cb || ca === cb) continue;
    if (e.kind === 'foreign-key') crossFk.push({ from: e.from, to: e.to, a: ca, b: cb, ...(e.columns?.onDelete ? { onDelete: e.columns.onDelete } : {}) });
    if (e.kind === 'join') crossJoin.push({ a: e.from, b: e.to, ca, cb, modules: e.modules ?? [] });
  }
  const crossingTransactions = crossContextTransactions(model, owner, ctxOf);
  const coAcross = (model.history?.available ? model.history.coChange : []).filter((p) => ctxOf.get(p.a) && ctxOf.get(p.b) && ctxOf.get(p.a) !== ctxOf.get(p.b));
  const confidence = new Map(d.confidence.map((c) => [c.module, c.confidence]));

  const contexts: ContextScore[] = d.contexts.map((c) => {
    const mu = inside.get(c.id)!;
    const eps = boundary.get(c.id)!;
    const members = new Set(c.modules);
    return {
      context: c.id,
      name: c.name,
      modules: c.modules.length,
      lines: c.lines,
      internalWeight: round3(mu),
      boundaryWeight: round3(eps),
      cohesion: mu + eps === 0 ? 1 : round3((2 * mu) / (2 * mu + eps)),
      coupling: mu + eps === 0 ? 0 : round3(eps / (mu + eps)),
      afferent: [...afferent.get(c.id)!].sort(compareStrings),
      efferent: [...efferent.get(c.id)!].sort(compareStrings),
      apiSurface: c.modules
        .filter((m) => surface.has(m) && [...surface.get(m)!.keys()].some((u) => ctxOf.get(u) !== c.id))
        .map((m) => ({
          module: m,
          usedBy: [...surface.get(m)!.entries()]
            .filter(([u]) => ctxOf.get(u) !== c.id)
            .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
            .map(([module, count]) => ({ module, count })),
        })),
      crossForeignKeys: crossFk.filter((x) => x.a === c.id || x.b === c.id).map(({ from, to, onDelete }) => ({ from, to, ...(onDelete ? { onDelete } : {}) })),
      crossJoins: crossJoin.filter((x) => x.ca === c.id || x.cb === c.id).map(({ a, b, modules }) => ({ a, b, modules })),
      ...(model.data?.transactions ? { crossTransactions: crossingTransactions.filter((t) => t.byContext.some((x) => x.context === c.id)).map((t) => t.transaction) } : {}),
      coChangeAcross: coAcross.filter((p) => members.has(p.a) !== members.has(p.b)).map((p) => ({ a: p.a, b: p.b, degree: p.degree })),
      confidence: c.modules.length === 0 ? 0 : round3(c.modules.reduce((s, m) => s + (confidence.get(m) ?? 1), 0) / c.modules.length),
    };
  });

  const K = d.contexts.length;
  const turbo = contexts.reduce((s, c) => s + (c.internalWeight === 0 ? 0 : (2 * c.internalWeight) / (2 * c.internalWeight + c.boundaryWeight)), 0);
  const scoh = d.contexts.reduce((s, c) => s + (inside.get(c.id)! / Math.max(1, c.modules.length ** 2)), 0) / Math.max(1, K);
  let scop = 0;
  for (let i = 0; i < K; i++) {
    for (let j = i + 1; j < K; j++) {
      const a = d.contexts[i]!;
      const b = d.contexts[j]!;
      const key = a.id < b.id ? `${a.id}\0${b.id}` : `${b.id}\0${a.id}`;
      scop += (between.get(key) ?? 0) / (2 * Math.max(1, a.modules.length) * Math.max(1, b.modules.length));
    }
  }
  const pairs = (K * (K - 1)) / 2;
  const totalModules = d.contexts.reduce((s, c) => s + c.modules.length, 0);
  const extreme = d.contexts.filter((c) => c.modules.length < 5 || c.modules.length > 20).reduce((s, c) => s + c.modules.length, 0);
  let q = 0;
  if (graph.size > 0 && graph.order > 0) {
    try {
      q = modularity(graph, { getNodeCommunity: (n: string) => ctxOf.get(n) ?? n, getEdgeWeight: 'weight', resolution: 1 });
    } catch {
      q = 0;
    }
  }
  const accessedTables = tables.filter((t) => t.contexts.length > 0);
  return {
    contexts,
    tables,
    sharedTables: tables.filter((t) => t.contexts.length > 1).map((t) => t.table),
    ...(model.data?.transactions ? { crossingTransactions } : {}),
    ...(model.data ? { tableVerdicts: tableVerdicts(model, d, owner, ctxOf, crossingTransactions) } : {}),
    kernelUsers: kernelUsers(model, d.kernel, ctxOf),
    global: {
      contexts: K,
      modularity: round3(q),
      turboMQ: round3(turbo),
      structuralModularity: round3(scoh - (pairs > 0 ? scop / pairs : 0)),
      interCallPercentage: callsAll === 0 ? 0 : round3(callsAcross / callsAll),
      interfaceNumber: K === 0 ? 0 : round3(contexts.reduce((s, c) => s + c.apiSurface.length, 0) / K),
      nonExtremeDistribution: totalModules === 0 ? 0 : round3(extreme / totalModules),
      meanTransactionEntropy: accessedTables.length === 0 ? 0 : round3(accessedTables.reduce((s, t) => s + t.entropy, 0) / accessedTables.length),
    },
  };
}

/** The contexts depending on each kernel module (one pass over the edges, not one per kernel module). */
function kernelUsers(model: SystemModel, kernel: readonly string[], ctxOf: ReadonlyMap<string, string>): DecompositionScores['kernelUsers'] {
  const users = new Map<string, Set<string>>(kernel.map((m) => [m, new Set()]));
  for (const e of model.edges) {
    const ctx = ctxOf.get(e.from);
    if (ctx !== undefined) users.get(e.to)?.add(ctx);
  }
  return kernel.map((module) => ({ module, contexts: [...users.get(module)!].sort(compareStrings) }));
}
