/**
 * pushAll appends like push(...items) but takes any number of items: a spread of a million passes a
 * million arguments and overflows the call stack (the symbol stage's edges on a 50,000-file repository did).
 */
import { describe, expect, it } from 'vitest';
import { pushAll } from '../../src/model/group.js';

describe('pushAll', () => {
  it('appends a million items in order where a spread overflows', () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    const target = [-1];
    expect(() => target.push(...items)).toThrow(RangeError);
    target.length = 1;
    pushAll(target, items);
    expect(target.length).toBe(1_000_001);
    expect([target[0], target[1], target[1_000_000]]).toEqual([-1, 0, 999_999]);
    pushAll(target, new Set([7]));
    expect(target.at(-1)).toBe(7);
  });
});
