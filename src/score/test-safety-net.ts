/**
 * The test safety net of a split: which code the tests exercise before it moves.
 * Input: the model's tests (what each test file imports, calls or names, and the helpers it uses)
 * and code edges, a decomposition. Output per module: `tested` (a test, or a helper it uses, imports,
 * calls or names it; a type-only import exercises nothing), `reached` (not touched, but reachable
 * from a tested module of the same context along runtime code edges: import, dynamic import, call,
 * extends, implements, and from a supertype to its implementations: a test of a context's entry
 * points runs its internals, a test through an interface runs the injected implementation), or
 * `none`. Per context: tests touching it, modules no test reaches, coverage
 * = share of its lines in tested or reached modules, and the boundary calls (code edges between two
 * contexts: they become API calls) whose calling module no test reaches.
 * Source: the course's "prepare automated tests before splitting", guided by the dependency analysis.
 */
import { compareNumbers, compareStrings } from '../model/compare.js';
import { contextIndex } from '../model/context-index.js';
import { round3 } from '../model/numbers.js';
import { pushTo } from '../model/group.js';
import type { Decomposition, Evidence, SystemModel } from '../model/types.js';

export const SAFETY_NET_METHOD =
  'tested = a test file (or a helper it uses) imports (not type-only), calls or names the module; reached = reachable from a tested module of the same context along runtime code edges (and from an interface or base class to its implementations); coverage = share of lines in tested or reached modules; an untested boundary call is a code edge between two contexts whose calling module no test reaches';

/** Lists kept per context (counts are always complete). */
export const SAFETY_NET_LIST_CAP = 20;

const RUNTIME_KINDS: ReadonlySet<string> = new Set(['import', 'dynamic-import', 'call', 'extends', 'implements']);

export type Coverage = 'tested' | 'reached' | 'none';

export interface ModuleCoverage {
  module: string;
  coverage: Coverage;
  /** Test files touching it (directly or through a helper). */
  tests: number;
  /** A test that touches it or, for a reached module, a test of the module it is reached from. */
  via: string;
}

export interface BoundaryCall {
  from: string;
  to: string;
  /** The context called. */
  toContext: string;
  kinds: string[];
  count: number;
  evidence?: Evidence;
}

export interface ContextSafetyNet {
  context: string;
  name: string;
  /** Test files touching any of its modules. */
  tests: number;
  /** The first of them (sorted), at most SAFETY_NET_LIST_CAP (20). */
  testFiles: string[];
  modules: number;
  tested: number;
  reached: number;
  /** Modules no test reaches, largest first, at most SAFETY_NET_LIST_CAP (20); `untestedCount` counts all. */
  untested: { module: string; lines: number }[];
  untestedCount: number;
  /** Share of its lines in tested or reached modules, 3 decimals. */
  coverage: number;
  /** Code edges (module pairs) from it into another context. */
  boundaryCalls: number;
  /** Those whose calling module no test reaches, heaviest first, at most SAFETY_NET_LIST_CAP (20). */
  untestedBoundaryCalls: BoundaryCall[];
  untestedBoundaryCallCount: number;
}

export interface TestSafetyNet {
  method: string;
  /** Test files read (helpers not counted). */
  tests: number;
  /** Support files the tests use (helpers, builders). */
  helpers: number;
  testLines: number;
  /** Test files that touch no module of the program (end-to-end tests over HTTP, tests of removed code). */
  unattached: string[];
  contexts: ContextSafetyNet[];
  /** Kernel modules: shared by every context, tested once for all. */
  kernel: { modules: number; tested: number; untested: string[] };
  /** Modules of a context or the kernel that a test touches or reaches, by id (the others are untested). */
  modules: ModuleCoverage[];
}

export function analyzeTestSafetyNet(model: SystemModel, d: Decomposition): TestSafetyNet | undefined {
  const tests = model.tests;
  if (!tests) return undefined;
  const ctxOf = contextIndex(d, { withKernel: false });
  const kernel = new Set(d.kernel);
  const lines = new Map(model.modules.map((m) => [m.id, m.lines]));

  // What each test touches, through its helpers too (iterative: helper chains are the repository's).
  const byPath = new Map(tests.map((t) => [t.path, t]));
  const touchedBy = new Map<string, string[]>();
  // Tests that touch no module at all, not even by type (HTTP or end-to-end tests).
  const unattached: string[] = [];
  for (const t of tests) {
    if (t.helper) continue;
    const seen = new Set<string>([t.path]);
    const stack = [t.path];
    const modules = new Set<string>();
    let touchesAny = false;
    while (stack.length > 0) {
      const node = byPath.get(stack.pop()!);
      if (!node) continue;
      if (node.touches.length > 0) touchesAny = true;
      // A type-only import exercises nothing.
      for (const touch of node.touches) if (touch.kinds.some((k) => k !== 'type-import')) modules.add(touch.module);
      for (const h of node.helpers) if (!seen.has(h)) stack.push(h), seen.add(h);
    }
    if (!touchesAny) unattached.push(t.path);
    for (const m of modules) pushTo(touchedBy, m, t.path);
  }
  for (const list of touchedBy.values()) list.sort(compareStrings);

  // Reached: from tested modules along runtime edges that stay in one context.
  const out = new Map<string, string[]>();
  for (const e of model.edges) {
    if (!RUNTIME_KINDS.has(e.kind)) continue;
    const c = ctxOf.get(e.from);
    if (c === undefined || ctxOf.get(e.to) !== c) continue;
    pushTo(out, e.from, e.to);
    // A test of an interface or base class runs its implementations (dependency injection, dispatch).
    if (e.kind === 'implements' || e.kind === 'extends') pushTo(out, e.to, e.from);
  }
  const via = new Map<string, string>();
  const queue: string[] = [];
  for (const [m, list] of [...touchedBy].sort(([a], [b]) => compareStrings(a, b))) {
    via.set(m, list[0]!);
    queue.push(m);
  }
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i]!;
    for (const next of out.get(m) ?? []) {
      if (via.has(next)) continue;
      via.set(next, via.get(m)!);
      queue.push(next);
    }
  }
  const coverageOf = (m: string): Coverage => (touchedBy.has(m) ? 'tested' : via.has(m) ? 'reached' : 'none');

  const boundary = new Map<string, BoundaryCall[]>();
  for (const e of model.edges) {
    if (!RUNTIME_KINDS.has(e.kind)) continue;
    const from = ctxOf.get(e.from);
    const to = ctxOf.get(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    const list = boundary.get(from) ?? boundary.set(from, []).get(from)!;
    const same = list.find((b) => b.from === e.from && b.to === e.to);
    if (same) {
      same.kinds = [...new Set([...same.kinds, e.kind])].sort(compareStrings);
      // The strongest kind's count, not a sum (as the plan counts calls that become API calls).
      same.count = Math.max(same.count, e.weight);
    } else list.push({ from: e.from, to: e.to, toContext: to, kinds: [e.kind], count: e.weight, ...(e.evidence[0] ? { evidence: e.evidence[0] } : {}) });
  }

  const contexts = d.contexts.map((c): ContextSafetyNet => {
    const testFiles = [...new Set(c.modules.flatMap((m) => touchedBy.get(m) ?? []))].sort(compareStrings);
    const untested = c.modules
      .filter((m) => coverageOf(m) === 'none')
      .map((m) => ({ module: m, lines: lines.get(m) ?? 0 }))
      .sort((a, b) => compareNumbers(b.lines, a.lines) || compareStrings(a.module, b.module));
    const covered = c.modules.filter((m) => coverageOf(m) !== 'none').reduce((n, m) => n + (lines.get(m) ?? 0), 0);
    const calls = boundary.get(c.id) ?? [];
    const bare = calls.filter((b) => coverageOf(b.from) === 'none').sort((a, b) => compareNumbers(b.count, a.count) || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
    return {
      context: c.id,
      name: c.name,
      tests: testFiles.length,
      testFiles: testFiles.slice(0, SAFETY_NET_LIST_CAP),
      modules: c.modules.length,
      tested: c.modules.filter((m) => coverageOf(m) === 'tested').length,
      reached: c.modules.filter((m) => coverageOf(m) === 'reached').length,
      untested: untested.slice(0, SAFETY_NET_LIST_CAP),
      untestedCount: untested.length,
      coverage: round3(covered / Math.max(1, c.lines)),
      boundaryCalls: calls.length,
      untestedBoundaryCalls: bare.slice(0, SAFETY_NET_LIST_CAP),
      untestedBoundaryCallCount: bare.length,
    };
  });
  const kernelModules = [...kernel].sort(compareStrings);
  const placed = [...ctxOf.keys(), ...kernelModules].sort(compareStrings);
  return {
    method: SAFETY_NET_METHOD,
    tests: tests.filter((t) => !t.helper).length,
    helpers: tests.filter((t) => t.helper).length,
    testLines: tests.reduce((n, t) => n + t.lines, 0),
    unattached,
    contexts,
    kernel: {
      modules: kernelModules.length,
      tested: kernelModules.filter((m) => touchedBy.has(m)).length,
      untested: kernelModules.filter((m) => !touchedBy.has(m)).slice(0, SAFETY_NET_LIST_CAP),
    },
    modules: placed
      .filter((m) => coverageOf(m) !== 'none')
      .map((m) => ({ module: m, coverage: coverageOf(m), tests: touchedBy.get(m)?.length ?? 0, via: via.get(m)! })),
  };
}
