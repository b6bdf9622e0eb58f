import { describe, expect, it } from 'vitest';
import { areaOf } from '../../src/model/areas.js';
import { analyzeSharedKernel } from '../../src/analyze/shared-kernel.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('areaOf', () => {
  it.each([
    ['src/orders/order.ts', 'orders'],
    ['packages/billing/src/index.ts', 'billing'],
    ['src/server.ts', '(root)'],
    ['index.ts', '(root)'],
    ['lib/app/shared/util.ts', 'shared'],
    ['src/orders', 'orders'],
  ])('%s -> %s', (id, area) => expect(areaOf(id)).toBe(area));
});

describe('analyzeSharedKernel', () => {
  const model = tinyModel([
    'src/orders/o.ts -> src/shared/money.ts',
    'src/billing/b.ts -> src/shared/money.ts',
    'src/shipping/s.ts -> src/shared/money.ts',
    'src/orders/o.ts -> src/billing/b.ts',
    'src/shipping/s.ts -> src/billing/b.ts',
    'src/catalog/c.ts -> src/billing/b.ts',
    'src/orders/o.ts -> src/orders/helper.ts',
    'src/shipping/s.ts -> src/orders/helper.ts',
  ]);

  it('flags modules used from at least minAreas other areas, with spread = areas / (all areas - 1)', () => {
    const r = analyzeSharedKernel(model, { minAreas: 3 });
    expect(r.areas).toEqual(['billing', 'catalog', 'orders', 'shared', 'shipping']);
    expect(r.candidates.map((c) => [c.module, c.dependentAreas.join(','), c.spread, c.fanIn, c.namedShared])).toEqual([
      ['src/billing/b.ts', 'catalog,orders,shipping', 0.75, 3, false],
      ['src/shared/money.ts', 'billing,orders,shipping', 0.75, 3, true],
    ]);
  });

  it('lowers the threshold to the number of other areas but never below 2', () => {
    expect(analyzeSharedKernel(model, { minAreas: 2 }).candidates.map((c) => c.module)).toEqual([
      'src/billing/b.ts',
      'src/shared/money.ts',
    ]);
    const small = tinyModel(['src/a/x.ts -> src/k/k.ts', 'src/b/y.ts -> src/k/k.ts']);
    expect(analyzeSharedKernel(small, { minAreas: 5 }).candidates.map((c) => [c.module, c.spread])).toEqual([['src/k/k.ts', 1]]);
    expect(analyzeSharedKernel(tinyModel(['src/a/x.ts -> src/b/y.ts'])).candidates).toEqual([]);
  });
});
