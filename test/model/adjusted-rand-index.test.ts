import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../src/model/adjusted-rand-index.js';

const p = (labels: string) => new Map([...labels].map((l, i) => [`m${i}`, l]));

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other labels, and below 1 otherwise', () => {
    expect(adjustedRandIndex(p('aabbcc'), p('xxyyzz'))).toBe(1);
    // Hand computed: index 1, row pairs 2, column pairs 3, expected 2 x 3 / 6 = 1, max 2.5 -> (1 - 1) / (2.5 - 1) = 0
    expect(adjustedRandIndex(p('aabb'), p('xxxy'))).toBeCloseTo(0, 5);
    expect(adjustedRandIndex(p('aaabbb'), p('aabbcc'))).toBeCloseTo(0.242, 3);
  });

  it('handles degenerate partitions without dividing by zero', () => {
    expect(adjustedRandIndex(p('aaaa'), p('xxxx'))).toBe(1);
    expect(adjustedRandIndex(p('abcd'), p('wxyz'))).toBe(1);
    expect(adjustedRandIndex(p('a'), p('x'))).toBe(1);
    expect(Number.isFinite(adjustedRandIndex(p('aaaa'), p('wxyz')))).toBe(true);
  });
});
