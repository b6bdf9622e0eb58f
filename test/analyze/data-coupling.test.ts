import { describe, expect, it } from 'vitest';
import { analyzeDataCoupling } from '../../src/analyze/data-coupling.js';
import type { DataEdge } from '../../src/model/types.js';
import { tinyModel } from '../helpers/tiny-model.js';

const access = (from: string, to: string, mode: 'read' | 'write', weight = 1): DataEdge => ({ kind: 'table-access', from, to, mode, via: 'sql', weight, evidence: [] });

describe('analyzeDataCoupling', () => {
  const model = tinyModel([], { modules: ['src/orders/repo.ts', 'src/orders/report.ts', 'src/billing/repo.ts', 'src/shipping/repo.ts'] });
  model.data = {
    dialect: { name: 'postgresql', reason: 'test' },
    statements: { parsed: 0, byDialect: {}, fallback: 0, bulkSkipped: 0 },
    tables: ['orders', 'invoices', 'audit', 'shipments'].map((id) => ({ id, name: id, columns: [], primaryKey: [], declaredIn: [], entityModules: [] })),
    edges: [
      access('src/orders/repo.ts', 'orders', 'write', 3),
      access('src/orders/report.ts', 'orders', 'read', 2),
      access('src/billing/repo.ts', 'orders', 'read', 4),
      access('src/billing/repo.ts', 'invoices', 'write'),
      access('src/shipping/repo.ts', 'shipments', 'write'),
      { kind: 'foreign-key', from: 'invoices', to: 'orders', via: 'sql', weight: 1, evidence: [] },
      { kind: 'foreign-key', from: 'audit', to: 'orders', via: 'sql', weight: 1, evidence: [] },
      { kind: 'join', from: 'invoices', to: 'orders', modules: ['src/billing/repo.ts'], via: 'sql', weight: 2, evidence: [] },
      { kind: 'join', from: 'orders', to: 'shipments', modules: ['src/orders/report.ts'], via: 'sql', weight: 1, evidence: [] },
    ],
  };
  const r = analyzeDataCoupling(model)!;

  it('ranks owner candidates by 2 x writes + reads and marks shared and untouched tables', () => {
    const orders = r.tables.find((t) => t.table === 'orders')!;
    expect(orders.ownerCandidates).toEqual([
      { area: 'orders', reads: 2, writes: 3, score: 8 },
      { area: 'billing', reads: 4, writes: 0, score: 4 },
    ]);
    expect(orders.ownerArea).toBe('orders');
    expect(r.sharedTables).toEqual([{ table: 'orders', areas: ['billing', 'orders'], ownerArea: 'orders' }]);
    expect(r.untouchedTables).toEqual(['audit']);
  });

  it('lists foreign keys and joins whose tables have different owners; unowned tables are left out', () => {
    expect(r.crossAreaForeignKeys.map((e) => `${e.from}->${e.to} ${e.fromArea}/${e.toArea}`)).toEqual(['invoices->orders billing/orders']);
    expect(r.crossAreaJoins.map((e) => `${e.from}-${e.to} ${e.fromArea}/${e.toArea}`)).toEqual(['invoices-orders billing/orders', 'orders-shipments orders/shipping']);
  });

  it('builds the access matrix and the table graph', () => {
    expect(r.accessMatrix.areas).toEqual(['billing', 'orders', 'shipping']);
    expect(r.accessMatrix.rows.find((x) => x.table === 'orders')!.cells).toEqual({ billing: 'R', orders: 'RW' });
    expect(r.tableGraph.components).toEqual([['audit', 'invoices', 'orders', 'shipments']]);
    expect(r.tableGraph.degree.find((d) => d.table === 'orders')).toEqual({ table: 'orders', foreignKeys: 2, joins: 2 });
  });

  it('returns nothing without a data section', () => {
    expect(analyzeDataCoupling(tinyModel(['a -> b']))).toBeUndefined();
  });
});
