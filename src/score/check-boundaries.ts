/**
 * Where the code crosses the boundaries a decided decomposition draws (`msa-split check`).
 * Input: the model, the decided decomposition with its scores, the cycles analysis, the decision file
 * (for each context's `api` and the `budgets`). Output: violations, each with a stable key (what a
 * baseline remembers: no line numbers, so an edit above a known violation does not make it new),
 * a message and the first place it is seen.
 * Rules:
 * - internal-dependency: a code edge (not type-only) from a module of context A to a module of B that
 *   is not in B's `api` (a context without `api` publishes nothing: every dependency into it counts);
 * - foreign-table-access: a module of A reads or writes a table B owns;
 * - cross-context-foreign-key / -join / -transaction: as scored (tables owned by different contexts);
 * - context-cycle: contexts that depend on each other in a cycle (strongly connected components of the
 *   context graph of runtime code edges), one violation per component;
 * - unplaced-module: a module the decision file does not place (msa-split had to);
 * - coupling-budget, icp-budget, size-budget: a figure over the file's `budgets`.
 */
import picomatch from 'picomatch';
import type { CyclesResult } from '../analyze/cycles.js';
import type { CheckRule } from '../model/check-rules.js';
import { compareStrings } from '../model/compare.js';
import { stronglyConnected } from '../model/strongly-connected.js';
import { contextIndex, tableOwners } from '../model/context-index.js';
import type { DecisionFile } from '../model/decision-file.js';
import type { Decomposition, SystemModel } from '../model/types.js';
import type { DecompositionScores } from './score-decomposition.js';

export interface Violation {
  rule: CheckRule;
  /** Stable identity for baselines: rule and the modules, tables or contexts involved. */
  key: string;
  message: string;
  /** Where to look first (absent for figures such as budgets). */
  file?: string;
  line?: number;
  /** The contexts involved, by id. */
  contexts: string[];
}

const RUNTIME = new Set(['import', 'call', 'extends', 'implements', 'dynamic-import']);

export function checkBoundaries(model: SystemModel, d: Decomposition, scores: DecompositionScores, _cycles: CyclesResult, file: DecisionFile): Violation[] {
  const out: Violation[] = [];
  const ctxOf = contextIndex(d, { withKernel: false });
  const name = new Map(d.contexts.map((c) => [c.id, c.name]));
  const n = (id: string) => name.get(id) ?? id;
  const api = new Map(file.contexts.map((c) => [c.id, (c.api ?? []).length > 0 ? apiMatcher(c.api!) : () => false]));

  // Dependencies into another context's internals, one per module pair (first evidence).
  const seen = new Set<string>();
  for (const e of [...model.edges].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.kind, b.kind))) {
    if (e.kind === 'type-import') continue;
    const a = ctxOf.get(e.from);
    const b = ctxOf.get(e.to);
    if (!a || !b || a === b || (api.get(b) ?? (() => false))(e.to)) continue;
    const key = `internal-dependency:${e.from}->${e.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ev = e.evidence[0];
    out.push({ rule: 'internal-dependency', key, message: `${e.from} (${n(a)}) depends on ${e.to}, internal to ${n(b)} (${e.kind}): go through the api of ${n(b)}, or add the module to it`, ...(ev ? { file: ev.file, line: ev.line } : {}), contexts: [a, b] });
  }

  // Tables owned by another context.
  const owner = tableOwners(d);
  const accessSeen = new Set<string>();
  for (const e of model.data?.edges ?? []) {
    if (e.kind !== 'table-access') continue;
    const a = ctxOf.get(e.from);
    const b = owner.get(e.to);
    if (!a || !b || a === b) continue;
    const mode = e.mode ?? 'read';
    const key = `foreign-table-access:${e.from}->${e.to}:${mode}`;
    if (accessSeen.has(key)) continue;
    accessSeen.add(key);
    const ev = e.evidence[0];
    out.push({ rule: 'foreign-table-access', key, message: `${e.from} (${n(a)}) ${mode}s ${e.to}, owned by ${n(b)}: go through the API or events of ${n(b)}`, ...(ev ? { file: ev.file, line: ev.line } : {}), contexts: [a, b] });
  }

  // Data crossing the boundary, as scored.
  const fks = new Map<string, { from: string; to: string }>();
  const joins = new Map<string, { a: string; b: string; modules: string[] }>();
  for (const c of scores.contexts) {
    for (const k of c.crossForeignKeys) fks.set(`${k.from}->${k.to}`, k);
    for (const j of c.crossJoins) joins.set(`${j.a}+${j.b}`, j);
  }
  for (const [id, k] of [...fks].sort(([x], [y]) => compareStrings(x, y))) {
    out.push({ rule: 'cross-context-foreign-key', key: `cross-context-foreign-key:${id}`, message: `foreign key ${k.from} -> ${k.to} joins tables of ${n(owner.get(k.from)!)} and ${n(owner.get(k.to)!)}: drop it, keep the id`, contexts: [owner.get(k.from)!, owner.get(k.to)!] });
  }
  for (const [id, j] of [...joins].sort(([x], [y]) => compareStrings(x, y))) {
    out.push({ rule: 'cross-context-join', key: `cross-context-join:${id}`, message: `a query joins ${j.a} (${n(owner.get(j.a)!)}) with ${j.b} (${n(owner.get(j.b)!)})${j.modules.length ? ` in ${j.modules.slice(0, 3).join(', ')}` : ''}`, ...(j.modules[0] ? { file: j.modules[0] } : {}), contexts: [owner.get(j.a)!, owner.get(j.b)!] });
  }
  for (const t of scores.crossingTransactions ?? []) {
    out.push({
      rule: 'cross-context-transaction',
      key: `cross-context-transaction:${t.transaction}`,
      message: `${t.kind}${t.member ? ` ${t.member}` : ''} writes tables of ${t.byContext.map((x) => `${n(x.context)} (${x.tables.join(', ')})`).join(' and ')}: a saga, or keep those tables together`,
      file: t.evidence.file,
      line: t.evidence.line,
      contexts: t.byContext.map((x) => x.context),
    });
  }

  // Cycles between contexts.
  for (const component of contextCycles(model, ctxOf)) {
    out.push({ rule: 'context-cycle', key: `context-cycle:${component.join('+')}`, message: `${component.map(n).join(', ')} depend on each other in a cycle: break it before the split`, contexts: component });
  }

  // What the file does not place.
  for (const p of d.placed ?? []) {
    out.push({ rule: 'unplaced-module', key: `unplaced-module:${p.module}`, message: `${p.module} belongs to no context of the decision file (msa-split placed it in ${p.context}: ${p.reason})`, file: p.module, contexts: p.context.startsWith('(') ? [] : [p.context] });
  }

  // Budgets.
  const b = file.budgets ?? {};
  for (const s of scores.contexts) {
    if (b.coupling !== undefined && s.coupling > b.coupling) out.push({ rule: 'coupling-budget', key: `coupling-budget:${s.context}`, message: `${s.name}: coupling ${s.coupling} is over the budget ${b.coupling}`, contexts: [s.context] });
    if (b.contextModules !== undefined && s.modules > b.contextModules) out.push({ rule: 'size-budget', key: `size-budget:${s.context}:modules`, message: `${s.name}: ${s.modules} modules, over the budget ${b.contextModules}`, contexts: [s.context] });
    if (b.contextLines !== undefined && s.lines > b.contextLines) out.push({ rule: 'size-budget', key: `size-budget:${s.context}:lines`, message: `${s.name}: ${s.lines} lines, over the budget ${b.contextLines}`, contexts: [s.context] });
  }
  if (b.interCallPercentage !== undefined && scores.global.interCallPercentage > b.interCallPercentage) {
    out.push({ rule: 'icp-budget', key: 'icp-budget', message: `ICP ${scores.global.interCallPercentage} (share of call weight across contexts) is over the budget ${b.interCallPercentage}`, contexts: [] });
  }
  return out.sort((x, y) => compareStrings(x.key, y.key));
}

/** A context's api: literal module ids, else globs. */
function apiMatcher(entries: readonly string[]): (m: string) => boolean {
  const literal = new Set(entries);
  const globs = picomatch([...entries], { dot: true });
  return (m) => literal.has(m) || globs(m);
}

/** Components of two or more contexts in the graph of runtime code edges between contexts. */
function contextCycles(model: SystemModel, ctxOf: ReadonlyMap<string, string>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of model.edges) {
    if (!RUNTIME.has(e.kind)) continue;
    const a = ctxOf.get(e.from);
    const b = ctxOf.get(e.to);
    if (a && b && a !== b) (next.get(a) ?? next.set(a, new Set()).get(a)!).add(b);
  }
  const nodes = [...new Set([...next.keys(), ...[...next.values()].flatMap((s) => [...s])])].sort(compareStrings);
  return stronglyConnected(nodes, (n) => [...(next.get(n) ?? [])].sort(compareStrings))
    .filter((c) => c.length > 1)
    .sort((a, b) => compareStrings(a.join('+'), b.join('+')));
}
