/**
 * What changed between two analyses of a system (`msa-split diff OLD.json NEW.json`).
 * Input: two AnalysisResults. Output: an AnalysisDiff.
 * Contexts are matched by their modules, not their ids (ids are renumbered by size, or renamed in a
 * decision file): an old and a new context are the same when each holds the most of the other's modules
 * (Jaccard of the module sets, shared modules / union, at least 0.5). An old context whose modules now
 * sit mostly (two or more contexts holding at least a quarter each) in several new ones was split; a new
 * context fed by several old ones (a quarter each) is a merge; the rest appeared or disappeared.
 * A module moved when it is in both and did not follow its context: its new place is not the match of
 * its old context, or (for a merged or split one) the new context holding most of its old context's
 * modules (set-asides: kernel, platform, tooling, unplaced, count as places too). Dependencies are summed per ordered pair of
 * contexts (code edges between their modules), compared through the matching; table owners likewise.
 * Scores: the global figures and the plan cost, old, new and the change; plan order: each context's
 * step in both.
 */
import { compareStrings } from '../model/compare.js';
import type { Decomposition } from '../model/types.js';
import type { AnalysisResult } from '../result/analysis-result.js';

export interface ContextRef {
  id: string;
  name: string;
}

export interface AnalysisDiff {
  old: { system: string; version: string; contexts: number; modules: number; method: string };
  new: { system: string; version: string; contexts: number; modules: number; method: string };
  /** Contexts matched old -> new (possibly renamed or renumbered). */
  matched: { old: ContextRef; new: ContextRef; jaccard: number }[];
  appeared: ContextRef[];
  disappeared: ContextRef[];
  merged: { into: ContextRef; from: ContextRef[] }[];
  split: { from: ContextRef; into: ContextRef[] }[];
  /** Modules in both analyses whose place changed, by path. */
  moved: { module: string; from: string; to: string }[];
  addedModules: string[];
  removedModules: string[];
  scores: { figure: string; old: number; new: number; change: number }[];
  /** Code dependencies between contexts (weights summed), compared through the matching. */
  dependencies: { added: { from: string; to: string; weight: number }[]; removed: { from: string; to: string; weight: number }[]; changed: { from: string; to: string; old: number; new: number }[] };
  /** Accesses of a table from a context that does not own it (the data split's work), compared through the matching. */
  tableAccess: { added: { table: string; context: string; owner: string; mode: string }[]; removed: { table: string; context: string; owner: string; mode: string }[] };
  /** Tables whose owner changed (a new table, or one gone, counts as a change from or to nobody). */
  tableOwners: { table: string; from: string; to: string }[];
  /** Contexts whose plan step changed. */
  plan: { context: string; from: number | null; to: number | null }[];
  /** True when nothing above changed. */
  same: boolean;
}

const SET_ASIDES = ['kernel', 'platform', 'tooling', 'unplaced'] as const;

export function diffAnalyses(oldResult: AnalysisResult, newResult: AnalysisResult): AnalysisDiff {
  const a = oldResult.decomposition;
  const b = newResult.decomposition;
  const ref = (c: { id: string; name: string }): ContextRef => ({ id: c.id, name: c.name });
  const oldPlace = places(a);
  const newPlace = places(b);
  const oldCtx = a?.contexts ?? [];
  const newCtx = b?.contexts ?? [];
  // Overlaps between every old and new context (through the modules they share).
  const overlap = new Map<string, Map<string, number>>();
  for (const c of oldCtx) for (const m of c.modules) {
    const to = newPlace.get(m);
    if (to === undefined || !newCtx.some((x) => x.id === to)) continue;
    const row = overlap.get(c.id) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    overlap.set(c.id, row);
  }
  const size = (d: Decomposition | undefined, id: string) => d?.contexts.find((c) => c.id === id)?.modules.length ?? 0;
  const jaccard = (o: string, n: string) => {
    const shared = overlap.get(o)?.get(n) ?? 0;
    return shared === 0 ? 0 : shared / (size(a, o) + size(b, n) - shared);
  };
  const matched: AnalysisDiff['matched'] = [];
  const matchOf = new Map<string, string>();
  const usedNew = new Set<string>();
  const pairs = oldCtx.flatMap((o) => newCtx.map((n) => ({ o: o.id, n: n.id, j: jaccard(o.id, n.id) }))).filter((p) => p.j >= 0.5);
  pairs.sort((x, y) => y.j - x.j || compareStrings(x.o, y.o) || compareStrings(x.n, y.n));
  for (const p of pairs) {
    if (matchOf.has(p.o) || usedNew.has(p.n)) continue;
    matchOf.set(p.o, p.n);
    usedNew.add(p.n);
    matched.push({ old: ref(oldCtx.find((c) => c.id === p.o)!), new: ref(newCtx.find((c) => c.id === p.n)!), jaccard: Math.round(p.j * 1000) / 1000 });
  }
  // Splits and merges among what did not match one to one.
  const split: AnalysisDiff['split'] = [];
  for (const o of oldCtx) {
    const parts = [...(overlap.get(o.id) ?? new Map<string, number>())].filter(([, k]) => k * 4 >= o.modules.length).map(([n]) => n);
    if (parts.length >= 2 && !matchOf.has(o.id)) split.push({ from: ref(o), into: parts.sort(compareStrings).map((n) => ref(newCtx.find((c) => c.id === n)!)) });
  }
  const merged: AnalysisDiff['merged'] = [];
  for (const n of newCtx) {
    const sources = oldCtx.filter((o) => (overlap.get(o.id)?.get(n.id) ?? 0) * 4 >= n.modules.length).map((o) => o.id);
    if (sources.length >= 2 && (!usedNew.has(n.id) || sources.some((s) => matchOf.get(s) !== n.id))) merged.push({ into: ref(n), from: sources.sort(compareStrings).map((s) => ref(oldCtx.find((c) => c.id === s)!)) });
  }
  const inSplitOrMerge = new Set([...split.flatMap((s) => [s.from.id]), ...merged.flatMap((m) => m.from.map((f) => f.id))]);
  const intoSplitOrMerge = new Set([...split.flatMap((s) => s.into.map((x) => x.id)), ...merged.map((m) => m.into.id)]);
  const disappeared = oldCtx.filter((o) => !matchOf.has(o.id) && !inSplitOrMerge.has(o.id)).map(ref);
  const appeared = newCtx.filter((n) => !usedNew.has(n.id) && !intoSplitOrMerge.has(n.id)).map(ref);

  // Moves: a module that did not follow its context: its new place is not where the bulk of its old
  // context went (the match, else the new context holding most of its modules: a merge or a split).
  const successor = new Map<string, string>();
  for (const [o, row] of overlap) {
    const best = [...row].sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0]))[0];
    if (best) successor.set(o, best[0]);
  }
  const nameIn = (d: Decomposition | undefined) => (id: string) => d?.contexts.find((c) => c.id === id)?.name ?? id;
  const oldName = nameIn(a);
  const newName = nameIn(b);
  const oldModules = new Set(oldResult.model.modules.map((m) => m.id));
  const newModules = new Set(newResult.model.modules.map((m) => m.id));
  // An old context stands for where its modules went: its match, else the new context holding most of
  // them (so a merge does not read as every dependency and table changing hands); else it is gone.
  const followed = (id: string) => matchOf.get(id) ?? successor.get(id) ?? `old:${id}`;
  const moved: AnalysisDiff['moved'] = [];
  for (const m of [...oldModules].sort(compareStrings)) {
    if (!newModules.has(m)) continue;
    const from = oldPlace.get(m) ?? 'unplaced';
    const to = newPlace.get(m) ?? 'unplaced';
    const expected = matchOf.get(from) ?? successor.get(from) ?? from;
    if (expected !== to) moved.push({ module: m, from: label(from, oldName), to: label(to, newName) });
  }

  // Dependencies between contexts, old ones renamed to their match.
  const deps = (r: AnalysisResult, place: Map<string, string>, rename: (id: string) => string) => {
    const out = new Map<string, number>();
    const contexts = new Set((r.decomposition?.contexts ?? []).map((c) => c.id));
    for (const e of r.model.edges) {
      const x = place.get(e.from);
      const y = place.get(e.to);
      if (!x || !y || x === y || !contexts.has(x) || !contexts.has(y)) continue;
      const [rx, ry] = [rename(x), rename(y)];
      // Two old contexts that went into one new context depend on each other no more.
      if (rx === ry) continue;
      const key = `${rx}\0${ry}`;
      out.set(key, (out.get(key) ?? 0) + e.weight);
    }
    return out;
  };
  const before = deps(oldResult, oldPlace, followed);
  const after = deps(newResult, newPlace, (id) => id);
  const show = (key: string, names: (id: string) => string) => key.split('\0').map((id) => (id.startsWith('old:') ? `${oldName(id.slice(4))} (gone)` : names(id))) as [string, string];
  const dependencies: AnalysisDiff['dependencies'] = { added: [], removed: [], changed: [] };
  for (const [key, w] of [...after].sort(([x], [y]) => compareStrings(x, y))) {
    const [from, to] = show(key, newName);
    const was = before.get(key);
    if (was === undefined) dependencies.added.push({ from, to, weight: w });
    else if (was !== w) dependencies.changed.push({ from, to, old: was, new: w });
  }
  for (const [key, w] of [...before].sort(([x], [y]) => compareStrings(x, y))) if (!after.has(key)) {
    const [from, to] = show(key, newName);
    dependencies.removed.push({ from, to, weight: w });
  }

  // Table owners, through the matching.
  const owners = (d: Decomposition | undefined, rename: (id: string) => string) => new Map((d?.contexts ?? []).flatMap((c) => c.tables.map((t) => [t, rename(c.id)] as [string, string])));
  const ownedBefore = owners(a, followed);
  const ownedAfter = owners(b, (id) => id);
  const tableOwners: AnalysisDiff['tableOwners'] = [];
  const tables = [...new Set([...ownedBefore.keys(), ...ownedAfter.keys(), ...(oldResult.model.data?.tables ?? []).map((t) => t.id), ...(newResult.model.data?.tables ?? []).map((t) => t.id)])].sort(compareStrings);
  const ownerName = (id: string | undefined) => (id === undefined ? 'nobody' : id.startsWith('old:') ? `${oldName(id.slice(4))} (gone)` : newName(id));
  for (const t of tables) if (ownedBefore.get(t) !== ownedAfter.get(t)) tableOwners.push({ table: t, from: ownerName(ownedBefore.get(t)), to: ownerName(ownedAfter.get(t)) });

  // Accesses across the data boundary: (table, accessing context, mode) where the context is not the owner.
  const crossing = (r: AnalysisResult, place: Map<string, string>, owned: Map<string, string>, rename: (id: string) => string) => {
    const contexts = new Set((r.decomposition?.contexts ?? []).map((c) => c.id));
    const out = new Map<string, { table: string; context: string; owner: string; mode: string }>();
    for (const e of r.model.data?.edges ?? []) {
      if (e.kind !== 'table-access') continue;
      const c = place.get(e.from);
      if (!c || !contexts.has(c)) continue;
      const ctx = rename(c);
      const owner = owned.get(e.to);
      if (owner === undefined || owner === ctx) continue;
      const mode = e.mode ?? 'read';
      out.set(`${e.to}\0${ctx}\0${mode}`, { table: e.to, context: ctx, owner, mode });
    }
    return out;
  };
  const accessBefore = crossing(oldResult, oldPlace, ownedBefore, followed);
  const accessAfter = crossing(newResult, newPlace, ownedAfter, (id) => id);
  const named = (x: { table: string; context: string; owner: string; mode: string }) => ({ ...x, context: ownerName(x.context), owner: ownerName(x.owner) });
  const tableAccess: AnalysisDiff['tableAccess'] = {
    added: [...accessAfter].filter(([k]) => !accessBefore.has(k)).sort(([x], [y]) => compareStrings(x, y)).map(([, v]) => named(v)),
    removed: [...accessBefore].filter(([k]) => !accessAfter.has(k)).sort(([x], [y]) => compareStrings(x, y)).map(([, v]) => named(v)),
  };

  // Scores and plan order.
  const figures = (r: AnalysisResult): [string, number][] => {
    const g = r.scores?.global;
    if (!g) return [];
    return [
      ['contexts', g.contexts],
      ['modularity Q', g.modularity],
      ['TurboMQ', g.turboMQ],
      ['structural modularity', g.structuralModularity],
      ['ICP', g.interCallPercentage],
      ['IFN', g.interfaceNumber],
      ['NED', g.nonExtremeDistribution],
      ['mean transaction entropy', g.meanTransactionEntropy],
      ['shared tables', r.scores!.sharedTables.length],
      ['plan cost', Math.round((r.plan?.steps ?? []).reduce((n, s) => n + s.cost, 0) * 100) / 100],
    ];
  };
  const oldFigures = new Map(figures(oldResult));
  const scores = figures(newResult)
    .filter(([k]) => oldFigures.has(k))
    .map(([figure, value]) => ({ figure, old: oldFigures.get(figure)!, new: value, change: Math.round((value - oldFigures.get(figure)!) * 1000) / 1000 }));
  const stepOf = (r: AnalysisResult, rename: (id: string) => string) => new Map((r.plan?.steps ?? []).map((s) => [rename(s.context), s.step]));
  const oldSteps = stepOf(oldResult, followed);
  const newSteps = stepOf(newResult, (id) => id);
  const plan: AnalysisDiff['plan'] = [];
  for (const id of [...new Set([...oldSteps.keys(), ...newSteps.keys()])].sort(compareStrings)) {
    const from = oldSteps.get(id) ?? null;
    const to = newSteps.get(id) ?? null;
    if (from !== to) plan.push({ context: id.startsWith('old:') ? `${oldName(id.slice(4))} (gone)` : newName(id), from, to });
  }
  plan.sort((x, y) => (x.to ?? Infinity) - (y.to ?? Infinity) || compareStrings(x.context, y.context));

  const addedModules = [...newModules].filter((m) => !oldModules.has(m)).sort(compareStrings);
  const removedModules = [...oldModules].filter((m) => !newModules.has(m)).sort(compareStrings);
  const same =
    appeared.length + disappeared.length + merged.length + split.length + moved.length + addedModules.length + removedModules.length === 0 &&
    dependencies.added.length + dependencies.removed.length + dependencies.changed.length + tableOwners.length + plan.length === 0 &&
    tableAccess.added.length + tableAccess.removed.length === 0 &&
    scores.every((s) => s.change === 0);
  const side = (r: AnalysisResult) => ({ system: r.model.root, version: r.tool.version, contexts: r.decomposition?.contexts.length ?? 0, modules: r.model.modules.length, method: r.decomposition?.method ?? 'clustering skipped' });
  return { old: side(oldResult), new: side(newResult), matched, appeared, disappeared, merged, split, moved, addedModules, removedModules, scores, dependencies, tableAccess, tableOwners, plan, same };
}

/** Module -> context id, or a set-aside name. */
function places(d: Decomposition | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!d) return out;
  for (const c of d.contexts) for (const m of c.modules) out.set(m, c.id);
  const lists: Record<(typeof SET_ASIDES)[number], string[]> = {
    kernel: d.kernel,
    platform: (d.platform ?? []).map((p) => p.module),
    tooling: d.tooling ?? [],
    unplaced: (d.unplaced ?? []).map((u) => u.module),
  };
  for (const kind of SET_ASIDES) for (const m of lists[kind]) out.set(m, kind);
  return out;
}

function label(place: string, name: (id: string) => string): string {
  return (SET_ASIDES as readonly string[]).includes(place) ? `(${place})` : name(place);
}
