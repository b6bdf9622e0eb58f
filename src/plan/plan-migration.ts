/**
 * The migration plan: in what order to extract the contexts, and what each extraction has to cut.
 * Input: the model, a decomposition and its scores, the cycles analysis. Output: ordered steps.
 * Cost of extracting a context = inbound dependency weight it must serve as an API (x1) + outbound
 * weight it must call remotely (x0.5) + shared tables (x3) + foreign keys (x2) and joins (x2) crossing
 * its boundary + cycles through it and another context (x3) + transactions writing its tables and
 * another context's (x3: each becomes a saga or eventual consistency). Value = revisions of its modules in the
 * history window x (0.5 + 0.5 x mean ownership of its modules): often-changed code owned by one team
 * gains most from its own service; without history, value = lines (noted).
 * Order: step 1 is the pilot = among business capabilities (domain or interface code that owns tables
 * or serves requests, not flagged as a layer), the context with the lowest sum of ranks by afferent
 * contexts, inbound weight, shared tables and size (small, few callers, little shared data), shown
 * beside the next two candidates; then the rest by business priority (config), then value / cost
 * (highest first); contexts that are mostly wiring (half their lines or more of role configuration)
 * and mostly dead code come last and are never the pilot. Ties by name. Every step says why in numbers.
 */
import picomatch from 'picomatch';
import type { CyclesResult } from '../analyze/cycles.js';
import { compareStrings } from '../model/compare.js';
import { round2 } from '../model/numbers.js';
import type { Decomposition, Edge, Evidence, SystemModel } from '../model/types.js';
import type { DecompositionScores } from '../score/score-decomposition.js';
import { contextIndex } from '../model/context-index.js';
import { pushAll } from '../model/group.js';

export interface MigrationStep {
  step: number;
  context: string;
  name: string;
  pilot: boolean;
  /** Most of its modules are dead-code candidates: remove them rather than extract them. */
  deadCode: boolean;
  /** Most of its lines are wiring (role configuration): reported, not proposed as a service. */
  wiring?: true;
  cost: number;
  value: number;
  /** `transactions`: transactions writing its tables and another context's (absent in older analyses). */
  costParts: { inbound: number; outbound: number; sharedTables: number; foreignKeys: number; joins: number; cycles: number; transactions?: number };
  why: string;
  modules: string[];
  /** Code edges from other contexts into it: they become calls to its API. */
  becomeApiCalls: { from: string; to: string; kinds: string[]; count: number; evidence: Evidence[] }[];
  /** Its own calls out of the context: they become remote calls. */
  becomeRemoteCalls: { from: string; to: string; kinds: string[]; count: number }[];
  takesOverTables: string[];
  sharedTablesToDecide: { table: string; alsoUsedBy: string[] }[];
  dropForeignKeys: { from: string; to: string; onDelete?: string }[];
  /** Transactions it splits: each becomes a saga or eventual consistency (absent in older analyses). */
  splitTransactions?: { transaction: string; module: string; member?: string; kind: string; tables: string[]; otherContexts: string[]; evidence: Evidence }[];
  rewriteJoins: { a: string; b: string; modules: string[] }[];
  breakCyclesFirst: { from: string; to: string; evidence?: Evidence }[];
  kernelNeeded: string[];
  /**
   * Write these tests first (absent without the test safety net): boundary calls of this step whose
   * calling module no test reaches, modules it moves that no test reaches (at most 20; the count is
   * complete), its safety-net coverage, and the tests that already guard it.
   */
  testsFirst?: { untestedApiCalls: { from: string; to: string; count: number }[]; untestedModules: string[]; untestedModuleCount: number; coverage: number; keepGreen: string[] };
}

/** A context that could be the pilot, with what speaks for and against it. */
export interface PilotCandidate {
  context: string;
  name: string;
  /** Sum of its ranks by afferent contexts, inbound weight, shared tables and lines (lower is better). */
  rankSum: number;
  afferent: number;
  inbound: number;
  sharedTables: number;
  lines: number;
  modules: number;
  /** Tables it would own. */
  tables: number;
  /** It has interface modules (controllers, routes, handlers): it serves requests. */
  servesRequests: boolean;
  tradeOff: string;
}

export interface MigrationPlan {
  method: string;
  steps: MigrationStep[];
  notes: string[];
  /** The three best pilot candidates side by side, the chosen one first (absent in older analyses). */
  pilotCandidates?: PilotCandidate[];
}


export function planMigration(
  model: SystemModel,
  d: Decomposition,
  scores: DecompositionScores,
  cycles: CyclesResult,
  deadCode: ReadonlySet<string> = new Set(),
  priorities: Readonly<Record<string, number>> = {},
): MigrationPlan {
  const ctxOf = contextIndex(d, { withKernel: false });
  const kernel = new Set(d.kernel);
  const history = model.history?.available ? model.history : undefined;
  const moduleHistory = new Map((history?.modules ?? []).map((m) => [m.module, m]));
  const notes: string[] = [];
  if (!history) notes.push('no history signal: value = lines of code instead of change frequency');
  const scoreOf = new Map(scores.contexts.map((s) => [s.context, s]));
  const nameOf = new Map(d.contexts.map((c) => [c.id, c.name]));
  const tableUsers = new Map(scores.tables.map((t) => [t.table, t.contexts.map((c) => c.context)]));

  // One pass over the edges: those crossing from one context into another, by either end.
  const inboundOf = new Map<string, Edge[]>();
  const outboundOf = new Map<string, Edge[]>();
  const kernelUseOf = new Map<string, Set<string>>();
  for (const e of model.edges) {
    const from = ctxOf.get(e.from);
    const to = ctxOf.get(e.to);
    if (from !== undefined && kernel.has(e.to)) (kernelUseOf.get(from) ?? kernelUseOf.set(from, new Set()).get(from)!).add(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    (inboundOf.get(to) ?? inboundOf.set(to, []).get(to)!).push(e);
    (outboundOf.get(from) ?? outboundOf.set(from, []).get(from)!).push(e);
  }
  // The contexts each cycle passes through, and its closing edges by the contexts they touch.
  const cycleContexts = cycles.cycles.map((cy) => new Set(cy.modules.map((m) => ctxOf.get(m)).filter((x): x is string => x !== undefined)));
  const closingOf = new Map<string, { from: string; to: string; evidence?: Evidence }[]>();
  cycles.cycles.forEach((cy, i) => {
    if (cycleContexts[i]!.size < 2) return;
    for (const e of cy.closingEdges) {
      const row = { from: e.from, to: e.to, ...(e.evidence ? { evidence: e.evidence } : {}) };
      for (const c of new Set([ctxOf.get(e.from), ctxOf.get(e.to)])) if (c !== undefined) (closingOf.get(c) ?? closingOf.set(c, []).get(c)!).push(row);
    }
  });
  const drafts = d.contexts.map((c) => {
    const s = scoreOf.get(c.id)!;
    const inbound = inboundOf.get(c.id) ?? [];
    const outbound = outboundOf.get(c.id) ?? [];
    const used = new Set(scores.tables.filter((t) => t.contexts.some((x) => x.context === c.id)).map((t) => t.table));
    const shared = [...used].filter((t) => (tableUsers.get(t) ?? []).length > 1).sort(compareStrings);
    const splitTransactions = (scores.crossingTransactions ?? [])
      .filter((t) => t.byContext.some((x) => x.context === c.id))
      .map((t) => ({
        transaction: t.transaction,
        module: t.module,
        ...(t.member ? { member: t.member } : {}),
        kind: t.kind,
        tables: t.byContext.flatMap((x) => x.tables),
        otherContexts: t.byContext.map((x) => x.context).filter((x) => x !== c.id),
        evidence: t.evidence,
      }));
    const crossCycles = cycles.cycles.filter((_cy, i) => cycleContexts[i]!.has(c.id) && cycleContexts[i]!.size > 1);
    const costParts = {
      inbound: round2(inbound.reduce((n, e) => n + e.weight, 0)),
      outbound: round2(outbound.reduce((n, e) => n + e.weight, 0)),
      sharedTables: shared.length,
      foreignKeys: s.crossForeignKeys.length,
      joins: s.crossJoins.length,
      cycles: crossCycles.length,
      transactions: splitTransactions.length,
    };
    const cost = round2(costParts.inbound + 0.5 * costParts.outbound + 3 * costParts.sharedTables + 2 * costParts.foreignKeys + 2 * costParts.joins + 3 * costParts.cycles + 3 * costParts.transactions);
    const revisions = c.modules.reduce((n, m) => n + (moduleHistory.get(m)?.revisions ?? 0), 0);
    const ownership = c.modules.length === 0 ? 0 : c.modules.reduce((n, m) => n + (moduleHistory.get(m)?.ownership ?? 0), 0) / c.modules.length;
    const value = round2(history ? revisions * (0.5 + 0.5 * ownership) : c.lines);
    const group = (edges: typeof inbound) => {
      // One row per module pair; the count is the strongest kind's (calls, else imports), not a sum.
      const byKey = new Map<string, { from: string; to: string; kinds: string[]; count: number; evidence: Evidence[] }>();
      for (const e of edges) {
        if (e.kind === 'type-import') continue;
        const key = `${e.from}\0${e.to}`;
        const row = byKey.get(key) ?? { from: e.from, to: e.to, kinds: [], count: 0, evidence: [] };
        row.kinds = [...new Set([...row.kinds, e.kind])].sort(compareStrings);
        row.count = Math.max(row.count, e.weight);
        pushAll(row.evidence, e.evidence.slice(0, 2));
        byKey.set(key, row);
      }
      for (const row of byKey.values()) row.evidence = row.evidence.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line).slice(0, 3);
      return [...byKey.values()].sort((a, b) => b.count - a.count || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
    };
    const kernelNeeded = [...(kernelUseOf.get(c.id) ?? [])].sort(compareStrings);
    return {
      c,
      s,
      cost,
      value,
      costParts,
      becomeApiCalls: group(inbound),
      becomeRemoteCalls: group(outbound).map(({ evidence: _e, ...rest }) => rest),
      shared: shared.map((t) => ({ table: t, alsoUsedBy: (tableUsers.get(t) ?? []).filter((x) => x !== c.id).map((x) => nameOf.get(x) ?? x).sort(compareStrings) })),
      breakCyclesFirst: closingOf.get(c.id) ?? [],
      kernelNeeded,
      splitTransactions,
    };
  });

  // Pilot: lowest rank sum over (afferent contexts, inbound weight, shared tables, lines).
  const rank = (key: (x: (typeof drafts)[number]) => number) => {
    const sorted = [...drafts].sort((a, b) => key(a) - key(b) || compareStrings(a.c.name, b.c.name));
    return new Map(sorted.map((x, i) => [x.c.id, i]));
  };
  const ranks = [rank((x) => x.s.afferent.length), rank((x) => x.costParts.inbound), rank((x) => x.costParts.sharedTables), rank((x) => x.c.lines)];
  const pilotScore = (x: (typeof drafts)[number]) => ranks.reduce((n, r) => n + r.get(x.c.id)!, 0);
  // Judged once per context (the sorts below ask again and again).
  const deadOf = new Map(drafts.map((x) => [x, x.c.modules.filter((m) => deadCode.has(m)).length * 2 >= x.c.modules.length && x.c.modules.length > 0]));
  const isDead = (x: (typeof drafts)[number]) => deadOf.get(x)!;
  const roleOf = new Map(model.modules.map((m) => [m.id, m]));
  const wiringLines = (x: (typeof drafts)[number]) => x.c.modules.filter((m) => roleOf.get(m)?.role?.role === 'configuration').reduce((n, m) => n + (roleOf.get(m)?.lines ?? 0), 0);
  const wiringOf = new Map(drafts.map((x) => [x, !isDead(x) && x.c.lines > 0 && wiringLines(x) * 2 >= x.c.lines]));
  const isWiring = (x: (typeof drafts)[number]) => wiringOf.get(x)!;
  const candidates = drafts.filter((x) => x.c.modules.length > 0 && !isDead(x) && !isWiring(x));
  // A pilot a team would pick is a business capability: domain or interface code that owns data or
  // serves requests; never a technical layer, a tool, a set of UI widgets or type-only files.
  // Serving requests is server-side interface code: browser components are widgets of a client.
  const servesRequests = (x: (typeof drafts)[number]) => x.c.modules.some((m) => roleOf.get(m)?.role?.role === 'interface' && roleOf.get(m)?.unit?.side === 'server');
  const isCapability = (x: (typeof drafts)[number]) =>
    !x.c.warning && x.c.modules.some((m) => ['domain', 'interface'].includes(roleOf.get(m)?.role?.role ?? '')) && (x.c.tables.length > 0 || servesRequests(x));
  // Analyses written before roles existed say nothing about capabilities: every candidate qualifies.
  const rolesKnown = model.modules.some((m) => m.role);
  const capabilities = rolesKnown ? candidates.filter(isCapability) : candidates;
  if (candidates.length > 0 && capabilities.length === 0) notes.push('no candidate context both owns data or serves requests and has domain or interface code: the pilot is chosen among all contexts');
  const pilotPool = [...(capabilities.length > 0 ? capabilities : candidates)].sort((a, b) => pilotScore(a) - pilotScore(b) || compareStrings(a.c.name, b.c.name));
  const pilot = pilotPool[0];
  const pilotCandidates: PilotCandidate[] = pilotPool.slice(0, 3).map((x, i) => {
    const best = pilotPool[0]!;
    const tradeOff =
      i === 0
        ? `chosen: rank sum ${pilotScore(x)}, ${x.s.afferent.length} contexts depend on it, ${x.costParts.sharedTables} shared tables, ${x.c.lines} lines`
        : `rank sum ${pilotScore(x)} vs ${pilotScore(best)}: ${[
            x.s.afferent.length !== best.s.afferent.length ? `${x.s.afferent.length} dependent contexts (vs ${best.s.afferent.length})` : '',
            x.costParts.inbound !== best.costParts.inbound ? `inbound weight ${x.costParts.inbound} (vs ${best.costParts.inbound})` : '',
            x.costParts.sharedTables !== best.costParts.sharedTables ? `${x.costParts.sharedTables} shared tables (vs ${best.costParts.sharedTables})` : '',
            `${x.c.lines} lines (vs ${best.c.lines})`,
          ]
            .filter(Boolean)
            .join(', ')}`;
    return {
      context: x.c.id,
      name: x.c.name,
      rankSum: pilotScore(x),
      afferent: x.s.afferent.length,
      inbound: x.costParts.inbound,
      sharedTables: x.costParts.sharedTables,
      lines: x.c.lines,
      modules: x.c.modules.length,
      tables: x.c.tables.length,
      servesRequests: servesRequests(x),
      tradeOff,
    };
  });
  // Business priority (config `priorities`, by context name or module glob): the user's word comes
  // before value / cost, which already weighs change frequency (the course: value first, then cost).
  const priorityOf = (x: (typeof drafts)[number]) => contextPriority(x.c.name, x.c.modules, priorities);
  const rest = drafts
    .filter((x) => x !== pilot)
    .sort(
      (a, b) =>
        Number(isDead(a)) - Number(isDead(b)) ||
        Number(isWiring(a)) - Number(isWiring(b)) ||
        priorityOf(b) - priorityOf(a) ||
        b.value / Math.max(1, b.cost) - a.value / Math.max(1, a.cost) ||
        compareStrings(a.c.name, b.c.name),
    );
  const dead = drafts.filter(isDead);
  if (dead.length > 0) notes.push(`${dead.map((x) => x.c.name).join(', ')}: mostly dead-code candidates; remove rather than extract (listed last)`);
  const wiring = drafts.filter(isWiring);
  if (wiring.length > 0) notes.push(`${wiring.map((x) => x.c.name).join(', ')}: mostly wiring (configuration); reported, not proposed as a service (listed after the services)`);
  const ordered = pilot ? [pilot, ...rest] : rest;

  const steps: MigrationStep[] = ordered.map((x, i) => {
    const ratio = round2(x.value / Math.max(1, x.cost));
    const why = isWiring(x)
      ? `mostly wiring (${wiringLines(x)} of ${x.c.lines} lines are configuration): not a service of its own; it stays with the platform or folds into the contexts it wires`
      : isDead(x)
      ? `mostly dead code (${x.c.modules.filter((m) => deadCode.has(m)).length} of ${x.c.modules.length} modules unreferenced): delete it before the split instead of extracting it`
      : x === pilot
      ? `pilot: ${x.s.afferent.length} contexts depend on it (inbound weight ${x.costParts.inbound}), ${x.costParts.sharedTables} shared tables, ${x.c.lines} lines - the smallest, least entangled first step`
      : `${priorityOf(x) !== 0 ? `business priority ${priorityOf(x)}; ` : ''}value ${x.value} / cost ${x.cost} = ${ratio} (${history ? 'revisions x ownership' : 'lines'}; cost = inbound ${x.costParts.inbound} + 0.5 x outbound ${x.costParts.outbound} + 3 x ${x.costParts.sharedTables} shared tables + 2 x ${x.costParts.foreignKeys} foreign keys + 2 x ${x.costParts.joins} joins + 3 x ${x.costParts.cycles} cycles + 3 x ${x.costParts.transactions} transactions to split)`;
    return {
      step: i + 1,
      context: x.c.id,
      name: x.c.name,
      pilot: x === pilot,
      deadCode: isDead(x),
      ...(isWiring(x) ? { wiring: true as const } : {}),
      cost: x.cost,
      value: x.value,
      costParts: x.costParts,
      why,
      modules: x.c.modules,
      becomeApiCalls: x.becomeApiCalls,
      becomeRemoteCalls: x.becomeRemoteCalls,
      takesOverTables: x.c.tables,
      sharedTablesToDecide: x.shared,
      dropForeignKeys: x.s.crossForeignKeys,
      splitTransactions: x.splitTransactions,
      rewriteJoins: x.s.crossJoins,
      breakCyclesFirst: x.breakCyclesFirst,
      kernelNeeded: x.kernelNeeded,
    };
  });
  return {
    method:
      'step 1 = pilot (a business capability: domain or interface code owning data or serving requests; lowest rank sum of afferent contexts, inbound weight, shared tables, size); then by business priority (config), then value / cost, highest first',
    steps,
    notes,
    pilotCandidates,
  };
}

/** The highest priority among the keys naming this context or matching one of its modules; 0 when none. */
function contextPriority(name: string, modules: readonly string[], priorities: Readonly<Record<string, number>>): number {
  let best: number | undefined;
  for (const [key, value] of Object.entries(priorities).sort(([a], [b]) => compareStrings(a, b))) {
    const match = key.includes('*') || key.includes('/') ? picomatch(key, { dot: true }) : undefined;
    const hit = key === name || (match !== undefined && modules.some((m) => match(m)));
    if (hit && (best === undefined || value > best)) best = value;
  }
  return best ?? 0;
}
