/**
 * Where the code crosses the boundaries a decided decomposition draws (`msa-split check`).
 * Input: the model, the decided decomposition, the decision file (each context's `api`, the `budgets`),
 * the decomposition's scores (budgets and cycles: absent in a scoped check) and, for `check --since`,
 * the scope (the files changed and the modules holding them). Output: violations, each with a stable key
 * (what a baseline remembers: no line numbers, so an edit above a known violation does not make it new),
 * a message and the first place it is seen.
 * Rules:
 * - internal-dependency: an import (static or dynamic; not type-only) from a module of context A of a
 *   module of B that is not in B's `api` (a context without `api` publishes nothing: every dependency
 *   into it counts). The import as written is the dependency: calls are resolved through barrels to
 *   the declaring file, so a call through B's api would count as internal; HTTP calls go through an API
 *   by definition;
 * - foreign-table-access: a module of A reads or writes a table B owns;
 * - cross-context-foreign-key / -join / -transaction: tables owned by different contexts, from the
 *   model's data edges and transactions (the same sets the scores count);
 * - context-cycle: contexts that depend on each other in a cycle (strongly connected components of the
 *   context graph of runtime code edges), one violation per component;
 * - unplaced-module: a module the decision file does not place (msa-split had to);
 * - coupling-budget, icp-budget, size-budget: a figure over the file's `budgets`.
 * A scoped check keeps what the changed files add (PER_CHANGE_RULES: dependencies, accesses, unplaced
 * modules and transactions of the affected modules; foreign keys and joins seen in a changed file or an
 * affected module's queries); cycles and budgets are figures of the whole system, left to the full check.
 */
import picomatch from 'picomatch';
import { CHECK_RULES, type CheckRule } from '../model/check-rules.js';
import { compareStrings } from '../model/compare.js';
import { stronglyConnected } from '../model/strongly-connected.js';
import { contextIndex, tableOwners } from '../model/context-index.js';
import type { DecisionFile } from '../model/decision-file.js';
import type { Decomposition, SystemModel } from '../model/types.js';
import type { DecompositionScores } from './score-decomposition.js';
import { crossContextTransactions } from './cross-context-transactions.js';

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

/** What `check --since` looks at: the files changed since the revision and the modules holding them. */
export interface CheckScope {
  files: ReadonlySet<string>;
  modules: ReadonlySet<string>;
}

/** The rules a scoped check applies; the others are figures of the whole system. */
export const PER_CHANGE_RULES: readonly CheckRule[] = ['internal-dependency', 'foreign-table-access', 'cross-context-foreign-key', 'cross-context-join', 'cross-context-transaction', 'unplaced-module'];
/** The rules a scoped check leaves to the full check. */
export const WHOLE_SYSTEM_RULES: readonly CheckRule[] = CHECK_RULES.filter((r) => !PER_CHANGE_RULES.includes(r));

const RUNTIME = new Set(['import', 'call', 'extends', 'implements', 'dynamic-import']);
const WRITTEN_DEPENDENCY = new Set(['import', 'dynamic-import']);

export function checkBoundaries(model: SystemModel, d: Decomposition, file: DecisionFile, scores?: DecompositionScores, scope?: CheckScope): Violation[] {
  const out: Violation[] = [];
  const inScope = (module: string) => scope === undefined || scope.modules.has(module);
  const ctxOf = contextIndex(d, { withKernel: false });
  const name = new Map(d.contexts.map((c) => [c.id, c.name]));
  const n = (id: string) => name.get(id) ?? id;
  const api = new Map(file.contexts.map((c) => [c.id, (c.api ?? []).length > 0 ? apiMatcher(c.api!) : () => false]));

  // Dependencies into another context's internals, one per module pair (first evidence).
  const seen = new Set<string>();
  for (const e of [...model.edges].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.kind, b.kind))) {
    if (!WRITTEN_DEPENDENCY.has(e.kind) || !inScope(e.from)) continue;
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
    if (e.kind !== 'table-access' || !inScope(e.from)) continue;
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

  // Data crossing the boundary: the same sets the scores count (score-decomposition.ts).
  const fks = new Map<string, { from: string; to: string; evidence?: { file: string; line?: number } }>();
  const joins = new Map<string, { a: string; b: string; modules: string[] }>();
  for (const e of model.data?.edges ?? []) {
    const ca = owner.get(e.from);
    const cb = owner.get(e.to);
    if (!ca || !cb || ca === cb) continue;
    if (e.kind === 'foreign-key' && (scope === undefined || e.evidence.some((ev) => scope.files.has(ev.file)))) fks.set(`${e.from}->${e.to}`, { from: e.from, to: e.to, ...(e.evidence[0] ? { evidence: e.evidence[0] } : {}) });
    if (e.kind === 'join' && (scope === undefined || (e.modules ?? []).some(inScope))) joins.set(`${e.from}+${e.to}`, { a: e.from, b: e.to, modules: e.modules ?? [] });
  }
  for (const [id, k] of [...fks].sort(([x], [y]) => compareStrings(x, y))) {
    const ev = k.evidence;
    out.push({ rule: 'cross-context-foreign-key', key: `cross-context-foreign-key:${id}`, message: `foreign key ${k.from} -> ${k.to} joins tables of ${n(owner.get(k.from)!)} and ${n(owner.get(k.to)!)}: drop it, keep the id`, ...(ev ? { file: ev.file, line: ev.line } : {}), contexts: [owner.get(k.from)!, owner.get(k.to)!] });
  }
  for (const [id, j] of [...joins].sort(([x], [y]) => compareStrings(x, y))) {
    out.push({ rule: 'cross-context-join', key: `cross-context-join:${id}`, message: `a query joins ${j.a} (${n(owner.get(j.a)!)}) with ${j.b} (${n(owner.get(j.b)!)})${j.modules.length ? ` in ${j.modules.slice(0, 3).join(', ')}` : ''}`, ...(j.modules[0] ? { file: j.modules[0] } : {}), contexts: [owner.get(j.a)!, owner.get(j.b)!] });
  }
  for (const t of crossContextTransactions(model, owner, ctxOf)) {
    if (!inScope(t.module)) continue;
    out.push({
      rule: 'cross-context-transaction',
      key: `cross-context-transaction:${t.transaction}`,
      message: `${t.kind}${t.member ? ` ${t.member}` : ''} writes tables of ${t.byContext.map((x) => `${n(x.context)} (${x.tables.join(', ')})`).join(' and ')}: a saga, or keep those tables together`,
      file: t.evidence.file,
      line: t.evidence.line,
      contexts: t.byContext.map((x) => x.context),
    });
  }

  // What the file does not place.
  for (const p of d.placed ?? []) {
    if (!inScope(p.module)) continue;
    out.push({ rule: 'unplaced-module', key: `unplaced-module:${p.module}`, message: `${p.module} belongs to no context of the decision file (msa-split placed it in ${p.context}: ${p.reason})`, file: p.module, contexts: p.context.startsWith('(') ? [] : [p.context] });
  }
  // Left open and tied to nothing msa-split could place it by: in no context at all.
  for (const u of d.unplaced ?? []) {
    if (!inScope(u.module)) continue;
    out.push({ rule: 'unplaced-module', key: `unplaced-module:${u.module}`, message: `${u.module} belongs to no context of the decision file, and msa-split found no context it belongs with (${u.reason}): add it to one`, file: u.module, contexts: [] });
  }
  if (scope !== undefined) return out.sort((x, y) => compareStrings(x.key, y.key));

  // Cycles between contexts.
  for (const component of contextCycles(model, ctxOf)) {
    out.push({ rule: 'context-cycle', key: `context-cycle:${component.join('+')}`, message: `${component.map(n).join(', ')} depend on each other in a cycle: break it before the split`, contexts: component });
  }

  // Budgets.
  const b = file.budgets ?? {};
  for (const s of scores?.contexts ?? []) {
    if (b.coupling !== undefined && s.coupling > b.coupling) out.push({ rule: 'coupling-budget', key: `coupling-budget:${s.context}`, message: `${s.name}: coupling ${s.coupling} is over the budget ${b.coupling}`, contexts: [s.context] });
    if (b.contextModules !== undefined && s.modules > b.contextModules) out.push({ rule: 'size-budget', key: `size-budget:${s.context}:modules`, message: `${s.name}: ${s.modules} modules, over the budget ${b.contextModules}`, contexts: [s.context] });
    if (b.contextLines !== undefined && s.lines > b.contextLines) out.push({ rule: 'size-budget', key: `size-budget:${s.context}:lines`, message: `${s.name}: ${s.lines} lines, over the budget ${b.contextLines}`, contexts: [s.context] });
  }
  if (b.interCallPercentage !== undefined && scores && scores.global.interCallPercentage > b.interCallPercentage) {
    out.push({ rule: 'icp-budget', key: 'icp-budget', message: `ICP ${scores.global.interCallPercentage} (share of call weight across contexts) is over the budget ${b.interCallPercentage}`, contexts: [] });
  }
  return out.sort((x, y) => compareStrings(x.key, y.key));
}

/**
 * For a scoped check: whether a baseline key is one the scope would find again (a dependency, access
 * or unplaced module of an affected module), so a key in scope and not found is fixed; keys of other
 * rules are left for the full check to count.
 */
export function keyInScope(scope: CheckScope): (key: string) => boolean {
  return (key) => {
    const colon = key.indexOf(':');
    const rule = key.slice(0, colon);
    const rest = key.slice(colon + 1);
    if (rule === 'unplaced-module') return scope.modules.has(rest);
    if (rule !== 'internal-dependency' && rule !== 'foreign-table-access') return false;
    // The subject is the text before one of the arrows (a module id may itself hold `->`).
    for (let at = rest.indexOf('->'); at >= 0; at = rest.indexOf('->', at + 1)) if (scope.modules.has(rest.slice(0, at))) return true;
    return false;
  };
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
