/**
 * MoJo distance and MoJoFM (Wen & Tzerpos: "An optimal algorithm for MoJo distance", IWPC 2003;
 * "An effectiveness measure for software clustering algorithms", IWPC 2004).
 * Input: item -> cluster label maps A (the result) and B (the reference); items missing from either
 * side are ignored. Output: mno(A, B), the fewest Move and Join operations turning A into B, and
 * MoJoFM = (1 - mno(A, B) / max over all A' of mno(A', B)) x 100, in [0, 100] (100 = same partition).
 * Exact form: tag every A cluster with a B cluster; Joins = clusters of A - distinct tags, Moves =
 * items outside their cluster's tag. The optimum tags each A_i with a B_j of maximal overlap and
 * maximises the number of distinct tags: mno = n + |A| - sum_i max_j |A_i ∩ B_j| - M, where M is a
 * maximum bipartite matching between A clusters and their maximal-overlap B clusters.
 * The farthest partition from B takes one item of every B cluster per A cluster (the k-th items
 * together): its distance is max mno(∀A, B). Both facts are checked against a breadth-first search
 * over all partitions of small sets in the tests.
 */
import { compareStrings } from './compare.js';

type Label = string | number;

export function mojoDistance(a: ReadonlyMap<string, Label>, b: ReadonlyMap<string, Label>): number {
  const items = [...a.keys()].filter((k) => b.has(k)).sort(compareStrings);
  return distance(items.map((k) => a.get(k)!), items.map((k) => b.get(k)!));
}

export function mojoFm(a: ReadonlyMap<string, Label>, b: ReadonlyMap<string, Label>): number {
  const items = [...a.keys()].filter((k) => b.has(k)).sort(compareStrings);
  const ref = items.map((k) => b.get(k)!);
  const worst = distance(farthestFrom(ref), ref);
  if (worst === 0) return 100;
  return (1 - distance(items.map((k) => a.get(k)!), ref) / worst) * 100;
}

/** The k-th item of every reference cluster together in cluster k. */
function farthestFrom(ref: readonly Label[]): number[] {
  const seen = new Map<Label, number>();
  return ref.map((label) => {
    const k = seen.get(label) ?? 0;
    seen.set(label, k + 1);
    return k;
  });
}

function distance(aLabels: readonly Label[], bLabels: readonly Label[]): number {
  const n = aLabels.length;
  if (n === 0) return 0;
  const index = (labels: readonly Label[]) => {
    const ids = new Map<Label, number>();
    return { of: labels.map((l) => (ids.has(l) ? ids.get(l)! : (ids.set(l, ids.size), ids.size - 1))), count: () => ids.size };
  };
  const A = index(aLabels);
  const B = index(bLabels);
  const overlap: Map<number, number>[] = Array.from({ length: A.count() }, () => new Map());
  for (let i = 0; i < n; i++) {
    const row = overlap[A.of[i]!]!;
    row.set(B.of[i]!, (row.get(B.of[i]!) ?? 0) + 1);
  }
  let kept = 0;
  const best: number[][] = overlap.map((row) => {
    const max = Math.max(...row.values());
    kept += max;
    return [...row.entries()].filter(([, v]) => v === max).map(([j]) => j);
  });
  return n + A.count() - kept - maximumMatching(best, B.count());
}

/** Maximum bipartite matching by augmenting paths (Kuhn), iterative so deep paths cannot overflow. */
function maximumMatching(adjacency: readonly number[][], right: number): number {
  const matchOfRight = new Array<number>(right).fill(-1);
  let size = 0;
  for (let start = 0; start < adjacency.length; start++) {
    const seen = new Uint8Array(right);
    // Stack of [left vertex, next neighbour to try]; via[d] = the right vertex stack[d] is trying.
    const stack: [number, number][] = [[start, 0]];
    const via: number[] = [];
    let found = false;
    while (stack.length > 0 && !found) {
      const top = stack[stack.length - 1]!;
      const [u, k] = top;
      if (k >= adjacency[u]!.length) {
        stack.pop();
        via.pop();
        continue;
      }
      top[1] = k + 1;
      const v = adjacency[u]![k]!;
      if (seen[v]) continue;
      seen[v] = 1;
      via.push(v);
      if (matchOfRight[v] === -1) found = true;
      else stack.push([matchOfRight[v]!, 0]);
    }
    if (!found) continue;
    // via[d] is the right vertex taken from stack[d]'s left vertex: flip the path.
    for (let d = 0; d < stack.length; d++) matchOfRight[via[d]!] = stack[d]![0];
    size++;
  }
  return size;
}
