import { describe, expect, it } from 'vitest';
import { analyzeTestSafetyNet } from '../../src/score/test-safety-net.js';
import type { TestNode } from '../../src/model/types.js';
import { tinyDecomposition } from '../helpers/tiny-decomposition.js';
import { tinyModel } from '../helpers/tiny-model.js';

const test = (path: string, touches: [string, string[]][], helpers: string[] = [], helper = false): TestNode => ({
  path,
  language: 'typescript',
  lines: 5,
  touches: touches.map(([module, kinds]) => ({ module, kinds, weight: 1, evidence: { file: path, line: 1 } })),
  helpers,
  ...(helper ? { helper: true as const } : {}),
});

describe('test safety net', () => {
  // orders: api -> service -> repo; billing: invoice -> (orders) service; shipping untested.
  const model = {
    ...tinyModel(['orders/api -call-> orders/service', 'orders/jpa-repo -implements-> orders/repo', 'orders/service -call-> orders/repo', 'billing/invoice -call-> orders/service', 'shipping/ship -call-> billing/invoice', 'orders/repo -type-import-> orders/types', 'billing/invoice -> kernel/money'], {
      lines: { 'orders/api': 10, 'orders/service': 30, 'orders/repo': 20, 'orders/types': 40, 'billing/invoice': 50, 'shipping/ship': 15, 'kernel/money': 5 },
    }),
    tests: [
      test('test/api.test.ts', [['orders/api', ['import']]]),
      test('test/invoice.test.ts', [['billing/invoice', ['type-import']]], ['test/helpers/fixtures.ts']),
      test('test/helpers/fixtures.ts', [['kernel/money', ['call', 'import']]], [], true),
      test('test/e2e.test.ts', []),
    ],
  };
  const d = tinyDecomposition({ orders: ['orders/api', 'orders/service', 'orders/repo', 'orders/jpa-repo', 'orders/types'], billing: ['billing/invoice'], shipping: ['shipping/ship'] }, { kernel: ['kernel/money'], lines: { 'orders/api': 10, 'orders/service': 30, 'orders/repo': 20, 'orders/types': 40, 'billing/invoice': 50, 'shipping/ship': 15 } });
  const net = analyzeTestSafetyNet(model, d)!;
  const ctx = (id: string) => net.contexts.find((c) => c.context === id)!;

  it('marks tested modules, reaches their context along runtime edges, and stops at type-only edges and context borders', () => {
    const coverage = Object.fromEntries(net.modules.map((m) => [m.module, m.coverage]));
    // Untested modules are left out: billing/invoice (only a type-only import from its test),
    // orders/types (a type-only edge runs nothing), shipping/ship.
    expect(coverage).toEqual({
      'kernel/money': 'tested', // through the helper
      'orders/api': 'tested',
      'orders/jpa-repo': 'reached', // the implementation behind the interface the service calls
      'orders/repo': 'reached',
      'orders/service': 'reached',
    });
    expect(net.modules.find((m) => m.module === 'orders/repo')!.via).toBe('test/api.test.ts');
    expect(ctx('orders')).toMatchObject({ tests: 1, tested: 1, reached: 3, untestedCount: 1, untested: [{ module: 'orders/types', lines: 40 }], coverage: 0.636 });
  });

  it('lists the boundary calls whose caller no test reaches, and counts helpers apart from tests', () => {
    expect(ctx('billing').untestedBoundaryCalls.map((b) => `${b.from} -> ${b.to} (${b.toContext})`)).toEqual(['billing/invoice -> orders/service (orders)']);
    expect(ctx('shipping').untestedBoundaryCallCount).toBe(1);
    expect(ctx('orders').boundaryCalls).toBe(0);
    expect(net).toMatchObject({ tests: 3, helpers: 1, unattached: ['test/e2e.test.ts'], kernel: { modules: 1, tested: 1, untested: [] } });
  });

  it('is absent when the model has no tests (tests analyzed as modules)', () => {
    expect(analyzeTestSafetyNet(tinyModel(['a -> b']), tinyDecomposition({ x: ['a', 'b'] }))).toBeUndefined();
  });
});
