import { describe, expect, it } from 'vitest';
import { mojoDistance, mojoFm } from '../../src/model/mojo.js';

const p = (labels: readonly number[] | string) => new Map([...labels].map((l, i) => [`m${i}`, l]));

/** All set partitions of n items as restricted growth strings. */
function partitions(n: number): number[][] {
  const out: number[][] = [];
  const grow = (prefix: number[], max: number) => {
    if (prefix.length === n) return void out.push(prefix);
    for (let v = 0; v <= max + 1; v++) grow([...prefix, v], Math.max(max, v));
  };
  if (n > 0) grow([0], 0);
  return out;
}
const canonical = (labels: readonly number[]) => {
  const ids = new Map<number, number>();
  return labels.map((l) => (ids.has(l) ? ids.get(l)! : (ids.set(l, ids.size), ids.size - 1))).join(',');
};

/**
 * Brute force: breadth-first search over partitions from `a`, one Move (an item to another or a new
 * cluster) or one Join (two clusters) per step; returns the distance to every partition.
 */
function bruteDistances(a: readonly number[]): Map<string, number> {
  const dist = new Map([[canonical(a), 0]]);
  const queue = [canonical(a)];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const d = dist.get(state)!;
    const labels = state.split(',').map(Number);
    const k = Math.max(...labels) + 1;
    const next: string[] = [];
    labels.forEach((own, i) => {
      for (let c = 0; c <= k; c++) if (c !== own) next.push(canonical(labels.map((l, j) => (j === i ? c : l))));
    });
    for (let x = 0; x < k; x++) for (let y = x + 1; y < k; y++) next.push(canonical(labels.map((l) => (l === y ? x : l))));
    for (const s of next) if (!dist.has(s)) (dist.set(s, d + 1), queue.push(s));
  }
  return dist;
}
const brute = new Map<number, Map<string, Map<string, number>>>();
const bruteMojo = (a: readonly number[], b: readonly number[]) => {
  const byN = brute.get(a.length) ?? brute.set(a.length, new Map()).get(a.length)!;
  const from = byN.get(canonical(a)) ?? byN.set(canonical(a), bruteDistances(a)).get(canonical(a))!;
  return from.get(canonical(b))!;
};

describe('MoJo distance and MoJoFM', () => {
  it('equals the brute-force shortest sequence of moves and joins for every pair of partitions of up to 6 items', () => {
    for (let n = 1; n <= 6; n++) {
      const all = partitions(n);
      for (const b of all) for (const a of all) expect(mojoDistance(p(a), p(b)), `${a} -> ${b}`).toBe(bruteMojo(a, b));
    }
  });

  it('scales by the farthest partition from the reference found by brute force (MoJoFM 0 there, 100 at the reference)', () => {
    for (let n = 2; n <= 6; n++) {
      const all = partitions(n);
      for (const b of all) {
        const worst = Math.max(...all.map((a) => bruteMojo(a, b)));
        for (const a of all) expect(mojoFm(p(a), p(b))).toBeCloseTo(worst === 0 ? 100 : (1 - bruteMojo(a, b) / worst) * 100, 9);
      }
    }
  });

  it('hand-checked examples: one misplaced item, a split context, labels that do not matter', () => {
    expect(mojoDistance(p('aaabbb'), p('xxxyyy'))).toBe(0);
    expect(mojoDistance(p('aaabbb'), p('xxyyyy'))).toBe(1);
    expect(mojoDistance(p('aabbcc'), p('xxxxyy'))).toBe(1);
    // Farthest from xxxyyy is {x1,y1},{x2,y2},{x3,y3}: 3 joins... distance 4; one move away scores 75.
    expect(mojoFm(p('aaabbb'), p('xxyyyy'))).toBeGreaterThan(0);
    expect(mojoFm(p('abcabc'), p('aaabbb'))).toBe(0);
    expect(mojoFm(p('aaabbb'), p('aaabbb'))).toBe(100);
  });

  it('ignores items missing on either side and stays fast on large partitions', () => {
    const a = new Map([...Array(20000).keys()].map((i) => [`m${i}`, i % 97]));
    const b = new Map([...Array(20000).keys()].map((i) => [`m${i}`, i % 89]));
    b.set('extra', 1);
    expect(mojoFm(a, b)).toBeGreaterThanOrEqual(0);
    expect(mojoFm(a, a)).toBe(100);
  });
});
