/** The page's packed data is lossless: any JSON value, hostile strings and keys included, comes back deep-equal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packJson, unpackJson } from '../../src/model/pack-json.js';

const tricky = fc.constantFrom('\u00a7', '\u00a7T', '\u00a7U', '\u00a70', '\u00a7u', '\u00a7\u00a7', '__proto__', 'constructor', '<script>', 'a'.repeat(5));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)), fc.string(), tricky, tie('array'), tie('object'), tie('rows')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string(), tricky), tie('value'), { maxKeys: 4 }),
  // Arrays of records long enough to be stored column by column, with absent fields.
  rows: fc.array(fc.record({ a: fc.oneof(fc.string(), tricky), b: fc.integer() }, { requiredKeys: ['b'] }), { minLength: 8, maxLength: 12 }),
}));

describe('packJson', () => {
  it('gives back any JSON value, deep-equal, through a JSON round trip', () => {
    fc.assert(
      fc.property(json.value, (value) => {
        const packed = JSON.parse(JSON.stringify(packJson(value)));
        expect(unpackJson(packed)).toEqual(value);
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it('stores repeated paths once and records column by column', () => {
    const edges = Array.from({ length: 100 }, (_, i) => ({ from: `src/orders/order-service-${i % 10}.ts`, to: 'src/shared/money.ts', kind: 'import', weight: 1 }));
    const packed = packJson({ edges });
    expect(packed.strings).toHaveLength(12);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify({ edges }).length / 4);
    const data = packed.data as { edges: unknown[] };
    expect(data.edges.slice(0, 3)).toEqual(['\u00a7T', ['from', 'kind', 'to', 'weight'], 100]);
    // The same bytes whatever order the keys were built in.
    expect(JSON.stringify(packJson({ edges: edges.map(({ weight, to, kind, from }) => ({ weight, to, kind, from })) }))).toBe(JSON.stringify(packed));
  });

  it('keeps a key named __proto__ as data, never as a prototype', () => {
    const value = JSON.parse('{"__proto__":{"polluted":1},"x":1}');
    const back = unpackJson(JSON.parse(JSON.stringify(packJson(value)))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.hasOwn(back, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
