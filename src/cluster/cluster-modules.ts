/**
 * Candidate bounded contexts by seeded Louvain with consensus.
 * Input: the weighted module graph (kernel already left out), the model (areas, lines, table accesses),
 * options. Output: a Decomposition.
 * Method: `runs` Louvain runs (graphology-communities-louvain) with seeds seed..seed+runs-1, each with
 * its own mulberry32 generator; the consensus is the medoid run (highest mean adjusted Rand index to
 * the other runs; ties to the lower seed). With `contexts: N` the resolution is searched (bisection on
 * a log scale) for the run count closest to N. Modules without any edge are unplaced (listed for
 * the workshop with the reason). Contexts smaller than minContextSize merge into the neighbour they
 * share the most weight with; an island that cannot merge is unplaced too. Confidence per module = mean over runs of the Jaccard
 * index between its final context and its context in that run. Names come from the dominant area
 * (by lines), then the table the context uses most. Tables go to the context that accesses them most
 * (2 x writes + reads), not counting scripts, tests and tool configs (seed data owns nothing); an entity's
 * table goes to the entity's context first (own-tables.ts).
 */
import { areasOf } from '../model/areas.js';
import { compareStrings } from '../model/compare.js';
import { pushTo } from '../model/group.js';
import type { Context, Decomposition, SystemModel } from '../model/types.js';
import { adjustedRandIndex } from '../model/adjusted-rand-index.js';
import { louvain, type UndirectedGraph } from '../model/graphology.js';
import { isPseudoNode, isTableNode, tableOfNode } from './data-anchors.js';
import { agglomerate, mergeCommunities, splitCommunity, type Assignment } from './community-moves.js';
import { mulberry32 } from '../model/random.js';
import { nameByTerms } from './name-by-terms.js';
import { ownTables } from './own-tables.js';

export interface ClusterOptions {
  /** First seed. Default 1. */
  seed: number;
  /** Seeded runs for the consensus. Default 20. */
  runs: number;
  /** Louvain resolution (higher: more, smaller contexts). Default 1. */
  resolution: number;
  /** Target number of contexts: the resolution is searched to get about this many. */
  contexts?: number;
  /** Contexts with fewer modules merge into their strongest neighbour. Default 3. */
  minContextSize: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { seed: 1, runs: 20, resolution: 1, minContextSize: 3 };

type Partition = Map<string, number>;

function runLouvain(graph: UndirectedGraph, seed: number, resolution: number): Partition {
  if (graph.size === 0) return new Map(graph.nodes().map((n, i) => [n, i]));
  const result = louvain.detailed(graph, { rng: mulberry32(seed), resolution, getEdgeWeight: 'weight', randomWalk: true });
  return new Map(Object.entries(result.communities));
}

const countOf = (p: Partition) => new Set(p.values()).size;

function searchResolution(graph: UndirectedGraph, seed: number, target: number): number {
  let lo = Math.log(0.02);
  let hi = Math.log(20);
  let best = { resolution: 1, diff: Infinity };
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    const resolution = Math.exp(mid);
    const n = countOf(runLouvain(graph, seed, resolution));
    const diff = Math.abs(n - target);
    if (diff < best.diff || (diff === best.diff && resolution < best.resolution)) best = { resolution, diff };
    if (n === target) break;
    if (n < target) lo = mid;
    else hi = mid;
  }
  return Math.round(best.resolution * 1000) / 1000;
}

export function clusterModules(
  model: SystemModel,
  graph: UndirectedGraph,
  kernel: readonly string[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
  onRun: (done: number, total: number) => void = () => {},
): Decomposition {
  const resolution = options.contexts !== undefined ? searchResolution(graph, options.seed, options.contexts) : options.resolution;
  const total = Math.max(1, options.runs);
  const runs = Array.from({ length: total }, (_, i) => {
    onRun(i, total);
    return runLouvain(graph, options.seed + i, resolution);
  });
  onRun(total, total);
  // Medoid consensus: the run that agrees most with all the others.
  let medoid = 0;
  let bestScore = -Infinity;
  runs.forEach((p, i) => {
    let sum = 0;
    runs.forEach((q, j) => {
      if (i !== j) sum += adjustedRandIndex(p, q);
    });
    if (sum > bestScore + 1e-12) {
      bestScore = sum;
      medoid = i;
    }
  });
  const groups = new Map<string, string[]>();
  const label = new Map<string, string>();
  const isolated: string[] = [];
  for (const [node, c] of runs[medoid]!) {
    // Pseudo-nodes (tables, capability folders) are no modules: placed after the modules, below.
    if (isPseudoNode(node)) continue;
    if (graph.degree(node) === 0) {
      isolated.push(node);
      continue;
    }
    const key = `c${c}`;
    label.set(node, key);
    pushTo(groups, key, node);
  }
  // A module with no tie of any kind (no code, data, folder or history edge) has no evidence of
  // belonging anywhere: it is listed as unplaced for the workshop, never dumped into a context.
  const unplaced: { module: string; reason: string }[] = isolated
    .sort(compareStrings)
    .map((module) => ({ module, reason: 'no code, data, capability-folder or history tie to any other module' }));
  mergeSmall(graph, groups, label, options.minContextSize, placePseudoNodes(graph, label));
  // A lone module that could not merge ties only to what is outside the contexts (kernel, platform,
  // tooling): no candidate service. An island of two or more that tie to each other stays a context,
  // with its confidence scaled down (below).
  for (const [key, members] of [...groups].sort(([a], [b]) => compareStrings(a, b))) {
    if (members.length !== 1 || members.length >= options.minContextSize || groups.size <= 1) continue;
    groups.delete(key);
    label.delete(members[0]!);
    unplaced.push({ module: members[0]!, reason: 'its only ties lead outside the contexts (kernel, platform, tooling)' });
  }
  unplaced.sort((a, b) => compareStrings(a.module, b.module));

  const lines = new Map(model.modules.map((m) => [m.id, m.lines]));
  // Every pseudo-node joins the group it ties to most: a table lands with the modules that serve it,
  // which is who owns it.
  let assignment: Assignment = new Map([...label, ...placePseudoNodes(graph, label)]);
  let countNote: string | undefined;
  if (options.contexts !== undefined) ({ assignment, note: countNote } = reachContextCount(graph, assignment, options.contexts, options.seed));
  const byGroup = new Map<string, string[]>();
  const ownedTables = new Map<string, string[]>();
  for (const [node, g] of [...assignment].sort(([a], [b]) => compareStrings(a, b))) {
    if (isTableNode(node)) pushTo(ownedTables, g, tableOfNode(node));
    else if (!isPseudoNode(node)) pushTo(byGroup, g, node);
  }
  const keys = [...byGroup.keys()].sort(compareStrings);
  const groupList = keys.map((k) => byGroup.get(k)!);
  const anchoredOwner = new Map<string, number>();
  keys.forEach((k, i) => {
    for (const t of ownedTables.get(k) ?? []) anchoredOwner.set(t, i);
  });
  const contexts = nameContexts(model, groupList, lines, anchoredOwner);
  const final = new Map<string, number>();
  contexts.forEach((c, i) => c.modules.forEach((m) => final.set(m, i)));
  // Macro from micro: the same graph and partition, merged pair by pair by modularity gain down to
  // one context (or until no tie is left); the first k merges give contexts - k macro contexts.
  const idOfKey = new Map<string, string>();
  contexts.forEach((c) => idOfKey.set(assignment.get(c.modules[0]!)!, c.id));
  const byId: Assignment = new Map([...assignment].filter(([, g]) => idOfKey.has(g)).map(([n, g]) => [n, idOfKey.get(g)!]));
  return {
    method: `louvain x${runs.length} seeds from ${options.seed}, consensus = medoid run (seed ${options.seed + medoid}), resolution ${resolution}, min context size ${options.minContextSize}${countNote ? `; ${countNote}` : ''}`,
    contexts,
    kernel: [...kernel].sort(compareStrings),
    confidence: confidenceOf(final, runs, contexts, options.minContextSize),
    unplaced,
    merges: agglomerate(graph, byId),
  };
}

/**
 * `--contexts N` gives exactly N: merge the pair with the best modularity gain while there are too
 * many, split the largest context while there are too few (community-moves.ts); says why when it
 * cannot (nothing tied left to merge, nothing left to split).
 */
function reachContextCount(graph: UndirectedGraph, start: Assignment, target: number, seed: number): { assignment: Assignment; note?: string } {
  let assignment = start;
  const count = () => new Set([...assignment].filter(([n]) => !isPseudoNode(n)).map(([, c]) => c)).size;
  const before = count();
  const how: string[] = [];
  if (count() > target) {
    // Pseudo-nodes count for the community they were placed with, so ties through them count too.
    for (const { a, b } of agglomerate(graph, assignment, target)) assignment = mergeCommunities(assignment, a, b);
    if (count() > target) return { assignment, note: `${count()} contexts, not ${target}: the remaining contexts share no tie of any kind, so merging them further has no evidence` };
  }
  while (count() < target) {
    const sizes = new Map<string, number>();
    for (const [n, c] of assignment) if (!isPseudoNode(n)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    let done = false;
    for (const [key] of [...sizes].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))) {
      const split = splitCommunity(graph, assignment, key, target - count() + 1, seed, (n) => !isPseudoNode(n));
      if (!split) continue;
      assignment = split.assignment;
      how.push(split.how);
      done = true;
      break;
    }
    if (!done) return { assignment, note: `${count()} contexts, not ${target}: every context is a single module` };
  }
  const moved = count() === before ? '' : before > target ? `merged from ${before} by modularity gain` : `split from ${before} (${[...new Set(how)].join('; ')})`;
  return { assignment, ...(moved ? { note: `exactly ${target} contexts: ${moved}` } : {}) };
}

/** Each table or folder node with the group of modules it ties to most (by weight; ties by key). */
function placePseudoNodes(graph: UndirectedGraph, label: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of graph.nodes()) {
    if (!isPseudoNode(node)) continue;
    const ties = new Map<string, number>();
    graph.forEachEdge(node, (_e, attrs, s, t) => {
      const g = label.get(s === node ? t : s);
      if (g !== undefined) ties.set(g, (ties.get(g) ?? 0) + (attrs as { weight: number }).weight);
    });
    const best = [...ties].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0];
    if (best) out.set(node, best[0]);
  }
  return out;
}

/**
 * Groups below the minimum size join the group they tie to most, directly or through a table or
 * folder node (which counts for the group it was placed with).
 */
function mergeSmall(graph: UndirectedGraph, groups: Map<string, string[]>, label: Map<string, string>, minSize: number, pseudo: ReadonlyMap<string, string>): void {
  for (let changed = true; changed; ) {
    changed = false;
    const small = [...groups.entries()].filter(([, g]) => g.length < minSize).sort((a, b) => a[1].length - b[1].length || compareStrings(a[0], b[0]));
    for (const [key] of small) {
      // Members as they are now: an earlier merge in this pass may have grown this group.
      const members = groups.get(key);
      if (!members || members.length >= minSize || groups.size <= 1) continue;
      const ties = new Map<string, number>();
      for (const m of members) {
        graph.forEachEdge(m, (_e, attrs, s, t) => {
          const other = s === m ? t : s;
          const c = label.get(other) ?? pseudo.get(other);
          if (c && c !== key) ties.set(c, (ties.get(c) ?? 0) + (attrs as { weight: number }).weight);
        });
      }
      const target = [...ties.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]?.[0];
      if (!target) continue;
      groups.set(target, [...groups.get(target)!, ...members]);
      for (const m of members) label.set(m, target);
      groups.delete(key);
      changed = true;
    }
  }
}

function nameContexts(model: SystemModel, groups: string[][], lines: Map<string, number>, anchoredOwner: ReadonlyMap<string, number>): Context[] {
  const areaOf = areasOf(model.modules.map((m) => m.id));
  const tablesOf = ownTables(model, groups, anchoredOwner);
  const role = new Map(model.modules.map((m) => [m.id, m.role?.role]));
  const side = new Map(model.modules.map((m) => [m.id, m.unit?.side]));
  const named = nameByTerms(groups.map((modules, i) => ({ modules, tables: tablesOf[i]! })), (m) => role.get(m), (m) => side.get(m));
  const drafts = groups.map((modules, i) => {
    // No business term at all (every name technical): the dominant folder, as before.
    const byArea = new Map<string, number>();
    for (const m of modules) byArea.set(areaOf(m), (byArea.get(areaOf(m)) ?? 0) + (lines.get(m) ?? 0) + 1);
    const area = [...byArea.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]![0];
    const { name, terms, warning } = named[i]!;
    return { name: name || area, terms, warning, modules, tables: tablesOf[i]!, lines: modules.reduce((n, m) => n + (lines.get(m) ?? 0), 0) };
  });
  drafts.sort((a, b) => b.lines - a.lines || compareStrings(a.name, b.name) || compareStrings(a.modules[0]!, b.modules[0]!));
  const used = new Map<string, number>();
  return drafts.map((d, i) => {
    let name = d.name;
    // Same leading terms: the next distinguishing term, else a counter.
    if (used.has(name)) name = d.terms.find((t) => !name.split(' · ').includes(t) && !used.has(`${name} · ${t}`)) ? `${name} · ${d.terms.find((t) => !name.split(' · ').includes(t) && !used.has(`${name} · ${t}`))}` : `${name}-${used.get(d.name)! + 1}`;
    used.set(d.name, (used.get(d.name) ?? 0) + 1);
    used.set(name, (used.get(name) ?? 0) + 1);
    return { id: `ctx-${i + 1}`, name, modules: d.modules, tables: d.tables, lines: d.lines, ...(d.terms.length > 0 ? { terms: d.terms } : {}), ...(d.warning ? { warning: d.warning } : {}) };
  });
}

/**
 * Agreement of the seeded runs with the final context; in a context below the minimum size (an island
 * that could not merge) scaled by size / minimum: every run agrees on an isolated pair, but two modules
 * are thin evidence of a service.
 */
function confidenceOf(final: Map<string, number>, runs: Partition[], contexts: readonly Context[], minSize: number): Decomposition['confidence'] {
  const sizeFinal = new Map<number, number>();
  for (const c of final.values()) sizeFinal.set(c, (sizeFinal.get(c) ?? 0) + 1);
  const sum = new Map<string, number>();
  for (const run of runs) {
    const sizeRun = new Map<number, number>();
    const inter = new Map<string, number>();
    for (const [m, f] of final) {
      const r = run.get(m);
      if (r === undefined) continue;
      sizeRun.set(r, (sizeRun.get(r) ?? 0) + 1);
      inter.set(`${f}\0${r}`, (inter.get(`${f}\0${r}`) ?? 0) + 1);
    }
    for (const [m, f] of final) {
      const r = run.get(m);
      if (r === undefined) {
        sum.set(m, (sum.get(m) ?? 0) + 1);
        continue;
      }
      const i = inter.get(`${f}\0${r}`)!;
      sum.set(m, (sum.get(m) ?? 0) + i / (sizeFinal.get(f)! + sizeRun.get(r)! - i));
    }
  }
  return [...final.keys()]
    .sort(compareStrings)
    .map((module) => {
      const thin = Math.min(1, contexts[final.get(module)!]!.modules.length / Math.max(1, minSize));
      return { module, confidence: Math.round(((sum.get(module) ?? 0) / runs.length) * thin * 1000) / 1000 };
    });
}
