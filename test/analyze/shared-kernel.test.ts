import { describe, expect, it } from 'vitest';
import { areaOf, areasOf } from '../../src/model/areas.js';
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

  it('reads the base package from the repository: a deep one, a short one, one package only', () => {
    const j = 'src/main/java/';
    const areas = areasOf([
      `${j}com/ibm/websphere/samples/pbw/bean/CartBean.java`,
      `${j}com/ibm/websphere/samples/pbw/jpa/Order.java`,
      `${j}com/ibm/websphere/samples/pbw/utils/Util.java`,
      `${j}com/pathfinder/api/Path.java`,
      `${j}com/pathfinder/internal/Dao.java`,
      `lib/src/main/java/org/acme/Only.java`,
      `lib/src/main/java/org/acme/Other.java`,
      'src/orders/order.ts',
    ]);
    expect(areas(`${j}com/ibm/websphere/samples/pbw/jpa/Order.java`)).toBe('jpa');
    expect(areas(`${j}com/ibm/websphere/samples/pbw/utils/Util.java`)).toBe('utils');
    expect(areas(`${j}com/pathfinder/internal/Dao.java`)).toBe('internal');
    expect(areas('lib/src/main/java/org/acme/Only.java')).toBe('acme');
    expect(areas('src/orders/order.ts')).toBe('orders');
    // Without the repository, the fixed tld.company.app rule: pbw's areas all read 'samples'.
    expect(areaOf(`${j}com/ibm/websphere/samples/pbw/jpa/Order.java`)).toBe('samples');
  });
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

  it('reads areas and shared names below a Java base package (a product package named core is not shared code)', () => {
    const j = 'src/main/java/com/acme/core/';
    const r = analyzeSharedKernel(tinyModel([
      `${j}orders/OrderApi.java -> ${j}util/Strings.java`,
      `${j}billing/Billing.java -> ${j}util/Strings.java`,
      `${j}shipping/Ship.java -> ${j}util/Strings.java`,
      `${j}orders/OrderApi.java -> ${j}customers/CustomerService.java`,
      `${j}billing/Billing.java -> ${j}customers/CustomerService.java`,
      `${j}shipping/Ship.java -> ${j}customers/CustomerService.java`,
    ]), { minAreas: 3 });
    expect(r.areas).toEqual(['billing', 'customers', 'orders', 'shipping', 'util']);
    expect(r.candidates.map((c) => [c.module.slice(j.length), c.namedShared])).toEqual([
      ['customers/CustomerService.java', false],
      ['util/Strings.java', true],
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
