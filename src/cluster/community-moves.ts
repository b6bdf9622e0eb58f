/**
 * Moves on a partition of the clustering graph that keep Louvain's objective in view: merging the two
 * communities whose merge gains most modularity, and splitting one community in two or more.
 * Input: the weighted undirected graph and an assignment node -> community key. Output: the changed
 * assignment (a new Map).
 * Merge gain (Newman 2004): dQ(i, j) = w_ij / m - d_i d_j / (2 m^2), with w_ij the weight between
 * the communities, d the summed weighted degrees and m the total edge weight; only communities with a
 * tie are merged (merging strangers has no evidence).
 * Split: Louvain on the community's own subgraph at resolutions 1, 2, 4, ... 64 (seeded); the first
 * that finds two or more parts wins, merged back by the same gain down to `parts`; else its connected
 * components; else the member with the weakest tie inside leaves on its own.
 */
import { compareStrings } from '../model/compare.js';
import { Graph, louvain, type UndirectedGraph } from '../model/graphology.js';
import { mulberry32 } from '../model/random.js';

export type Assignment = Map<string, string>;

const weightOf = (attrs: unknown) => (attrs as { weight: number }).weight;

/** Weight between communities and summed degrees, over the graph's edges. */
function communityTies(graph: UndirectedGraph, assignment: Assignment) {
  const between = new Map<string, number>();
  const degree = new Map<string, number>();
  let total = 0;
  graph.forEachEdge((_e, attrs, s, t) => {
    const w = weightOf(attrs);
    const a = assignment.get(s);
    const b = assignment.get(t);
    if (a === undefined || b === undefined) return;
    total += w;
    degree.set(a, (degree.get(a) ?? 0) + w);
    degree.set(b, (degree.get(b) ?? 0) + w);
    if (a === b) return;
    const key = compareStrings(a, b) < 0 ? `${a}\0${b}` : `${b}\0${a}`;
    between.set(key, (between.get(key) ?? 0) + w);
  });
  return { between, degree, total };
}

/** The best merge by modularity gain among tied communities, or undefined when none is tied. */
export function bestMerge(graph: UndirectedGraph, assignment: Assignment, allowed: (a: string, b: string) => boolean = () => true): { a: string; b: string; gain: number } | undefined {
  const { between, degree, total } = communityTies(graph, assignment);
  if (total <= 0) return undefined;
  let best: { a: string; b: string; gain: number } | undefined;
  for (const [key, w] of [...between].sort(([x], [y]) => compareStrings(x, y))) {
    const [a, b] = key.split('\0') as [string, string];
    if (!allowed(a, b)) continue;
    const gain = mergeGain(w, degree.get(a) ?? 0, degree.get(b) ?? 0, total);
    if (!best || gain > best.gain + 1e-12) best = { a, b, gain };
  }
  return best;
}

/** Newman's modularity gain of merging two communities: w_ab / m - d_a d_b / (2 m^2). */
const mergeGain = (between: number, degreeA: number, degreeB: number, total: number) => between / total - (degreeA * degreeB) / (2 * total * total);

/**
 * Merges step by step on the contracted graph (communities as nodes): the best pair by the same gain,
 * until `target` communities remain or no tie is left. One pass over the edges, then work in the
 * number of communities only. Returns the merges in order (each keeps the key that sorts first).
 */
export function agglomerate(graph: UndirectedGraph, assignment: Assignment, target = 1): { a: string; b: string }[] {
  const { between, degree, total } = communityTies(graph, assignment);
  const merges: { a: string; b: string }[] = [];
  if (total <= 0) return merges;
  const ties = new Map<string, Map<string, number>>();
  const tie = (a: string) => ties.get(a) ?? ties.set(a, new Map()).get(a)!;
  for (const [key, w] of between) {
    const [a, b] = key.split('\0') as [string, string];
    tie(a).set(b, w);
    tie(b).set(a, w);
  }
  const alive = new Set(assignment.values());
  while (alive.size > target) {
    let best: { a: string; b: string; gain: number } | undefined;
    for (const a of [...ties.keys()].sort(compareStrings)) {
      for (const [b, w] of [...ties.get(a)!].sort(([x], [y]) => compareStrings(x, y))) {
        if (compareStrings(a, b) >= 0) continue;
        const gain = mergeGain(w, degree.get(a) ?? 0, degree.get(b) ?? 0, total);
        if (!best || gain > best.gain + 1e-12) best = { a, b, gain };
      }
    }
    if (!best) break;
    const { a: keep, b: drop } = best;
    merges.push({ a: keep, b: drop });
    for (const [other, w] of ties.get(drop) ?? []) {
      ties.get(other)!.delete(drop);
      if (other === keep) continue;
      tie(keep).set(other, (tie(keep).get(other) ?? 0) + w);
      tie(other).set(keep, (tie(other).get(keep) ?? 0) + w);
    }
    ties.delete(drop);
    degree.set(keep, (degree.get(keep) ?? 0) + (degree.get(drop) ?? 0));
    alive.delete(drop);
  }
  return merges;
}

export function mergeCommunities(assignment: Assignment, a: string, b: string): Assignment {
  const [keep, drop] = compareStrings(a, b) <= 0 ? [a, b] : [b, a];
  return new Map([...assignment].map(([n, c]) => [n, c === drop ? keep : c]));
}

/**
 * Splits community `key` into at least two parts (at most `parts`); `isMember` tells which nodes count
 * as members (modules, not pseudo-nodes) for the "each part has a member" rule. Returns undefined
 * when the community has fewer than two members.
 */
export function splitCommunity(graph: UndirectedGraph, assignment: Assignment, key: string, parts: number, seed: number, isMember: (n: string) => boolean): { assignment: Assignment; how: string } | undefined {
  const nodes = [...assignment].filter(([, c]) => c === key).map(([n]) => n).sort(compareStrings);
  const members = nodes.filter(isMember);
  if (members.length < 2) return undefined;
  const sub = new Graph({ type: 'undirected', allowSelfLoops: false });
  for (const n of nodes) sub.addNode(n);
  for (const n of nodes) {
    graph.forEachEdge(n, (e, attrs, s, t) => {
      if (s === n && assignment.get(t) === key && !sub.hasEdge(e)) sub.addUndirectedEdgeWithKey(e, s, t, { weight: weightOf(attrs) });
    });
  }
  const label = (i: string | number) => `${key}.${i}`;
  const valid = (a: Assignment) => {
    const withMember = new Set(members.map((m) => a.get(m)));
    return withMember.size >= 2;
  };
  if (sub.size > 0) {
    for (let resolution = 1; resolution <= 64; resolution *= 2) {
      const found = louvain(sub, { rng: mulberry32(seed), resolution, getEdgeWeight: 'weight', randomWalk: true });
      let local: Assignment = new Map(nodes.map((n) => [n, label(found[n]!)]));
      // Parts without a member (pseudo-nodes alone) go back to the part they tie to most.
      local = foldMemberless(sub, local, isMember);
      if (!valid(local)) continue;
      while (new Set(members.map((m) => local.get(m))).size > parts) {
        const merge = bestMerge(sub, local);
        if (!merge) break;
        local = mergeCommunities(local, merge.a, merge.b);
      }
      if (!valid(local)) continue;
      return { assignment: new Map([...assignment].map(([n, c]) => [n, local.get(n) ?? c])), how: `Louvain on its own subgraph at resolution ${resolution}` };
    }
  }
  // No community structure inside: connected components, else the least attached member leaves.
  const component = new Map<string, string>();
  for (const start of nodes) {
    if (component.has(start)) continue;
    const stack = [start];
    component.set(start, label(`k${component.size}`));
    const id = component.get(start)!;
    while (stack.length > 0) {
      const n = stack.pop()!;
      sub.forEachNeighbor(n, (x) => {
        if (!component.has(x)) (component.set(x, id), stack.push(x));
      });
    }
  }
  let local = foldMemberless(sub, component, isMember);
  if (valid(local)) {
    while (new Set(members.map((m) => local.get(m))).size > parts) {
      const groups = new Map<string, number>();
      for (const m of members) groups.set(local.get(m)!, (groups.get(local.get(m)!) ?? 0) + 1);
      const [small, next] = [...groups].sort((a, b) => a[1] - b[1] || compareStrings(a[0], b[0]));
      local = mergeCommunities(local, small![0], next![0]);
    }
    return { assignment: new Map([...assignment].map(([n, c]) => [n, local.get(n) ?? c])), how: 'its connected components' };
  }
  const inner = (m: string) => {
    let w = 0;
    sub.forEachEdge(m, (_e, attrs) => (w += weightOf(attrs)));
    return w;
  };
  const weakest = [...members].sort((a, b) => inner(a) - inner(b) || compareStrings(a, b))[0]!;
  return { assignment: new Map([...assignment].map(([n, c]) => [n, n === weakest ? label('alone') : c])), how: `its least attached member (${weakest}) on its own: no structure inside` };
}

function foldMemberless(sub: UndirectedGraph, local: Assignment, isMember: (n: string) => boolean): Assignment {
  const withMember = new Set([...local].filter(([n]) => isMember(n)).map(([, c]) => c));
  const out = new Map(local);
  for (const [n, c] of local) {
    if (withMember.has(c)) continue;
    const ties = new Map<string, number>();
    sub.forEachEdge(n, (_e, attrs, s, t) => {
      const other = out.get(s === n ? t : s)!;
      if (withMember.has(other)) ties.set(other, (ties.get(other) ?? 0) + weightOf(attrs));
    });
    const best = [...ties].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0];
    out.set(n, best ? best[0] : [...withMember].sort(compareStrings)[0] ?? c);
  }
  return out;
}
