/**
 * Table verdicts on a hand-made model: one table per strategy rule, each with the numbers that decide it.
 */
import { describe, expect, it } from 'vitest';
import { contextIndex, tableOwners } from '../../src/model/context-index.js';
import type { DataEdge, Decomposition, SystemModel } from '../../src/model/types.js';
import { tableVerdicts } from '../../src/score/table-verdicts.js';
import { tinyModel } from '../helpers/tiny-model.js';

const access = (from: string, to: string, mode: 'read' | 'write', weight = 1): DataEdge => ({ kind: 'table-access', from, to, mode, via: 'sql', weight, evidence: [] });

describe('tableVerdicts', () => {
  const base = tinyModel(['o/a.ts -> s/b.ts', 'r/c.ts -> s/b.ts', 'x/d.ts -> s/b.ts']);
  const model: SystemModel = {
    ...base,
    data: {
      dialect: { name: 'postgresql', reason: 'test' },
      tables: [],
      statements: { parsed: 0, byDialect: {}, fallback: 0, bulkSkipped: 0 },
      edges: [
        access('o/a.ts', 'orders', 'write', 4),
        access('o/a.ts', 'lines', 'write', 3),
        access('s/b.ts', 'lines', 'write', 2), // a third of the owner's writes or more: two owners
        access('o/a.ts', 'notes', 'write', 9),
        access('s/b.ts', 'notes', 'write', 1), // a stray writer: commands to the owner
        access('s/b.ts', 'stock', 'write'),
        access('o/a.ts', 'stock', 'read'), // one reader: an API call
        access('s/b.ts', 'prices', 'write'),
        access('o/a.ts', 'prices', 'read'),
        access('r/c.ts', 'prices', 'read'),
        access('x/d.ts', 'prices', 'read'), // three readers: a read model
        access('s/b.ts', 'items', 'write'),
        access('o/a.ts', 'items', 'read'),
        access('s/b.ts', 'mapped', 'write'),
        { kind: 'join', from: 'items', to: 'orders', via: 'sql', weight: 1, evidence: [], modules: ['o/a.ts'] },
        { kind: 'foreign-key', from: 'lines', to: 'orders', via: 'sql', weight: 1, evidence: [], columns: { from: ['order_id'], to: ['id'], onDelete: 'cascade' } },
      ],
    },
  };
  const d: Decomposition = {
    method: 'by hand',
    kernel: [],
    contexts: [
      { id: 'o', name: 'orders', modules: ['o/a.ts'], tables: ['orders', 'notes', 'mapped'], lines: 1 },
      { id: 's', name: 'stock', modules: ['s/b.ts'], tables: ['lines', 'stock', 'prices', 'items'], lines: 1 },
      { id: 'r', name: 'reports', modules: ['r/c.ts'], tables: [], lines: 1 },
      { id: 'x', name: 'search', modules: ['x/d.ts'], tables: [], lines: 1 },
    ],
    confidence: [],
  };
  const verdicts = tableVerdicts(model, d, tableOwners(d), contextIndex(d, { withKernel: false }), [
    { transaction: 't1', module: 'o/a.ts', kind: '@Transactional', byContext: [{ context: 'o', tables: ['orders'] }, { context: 's', tables: ['lines'] }], evidence: { file: 'o/a.ts', line: 1 } },
  ]);
  const row = (t: string) => verdicts.find((v) => v.table === t)!;

  it('gives each table the first strategy rule that applies', () => {
    expect(verdicts.map((v) => [v.table, v.strategy])).toEqual([
      ['items', 'replicate-read-model'],
      ['lines', 'split-table'],
      ['mapped', 'decide'],
      ['notes', 'api-call'],
      ['orders', 'move'],
      ['prices', 'replicate-read-model'],
      ['stock', 'api-call'],
    ]);
    expect(row('lines').reason).toBe('orders writes it too (3 writes against 2 by stock): split it by the rows or columns each context owns, or merge the contexts');
    expect(row('mapped').reason).toBe('orders maps it but only stock writes it: move the writers to orders or the mapping to its writer');
    expect(row('items').reason).toMatch(/^joined with orders of other contexts/);
    expect(row('prices').otherReaders.map((r) => r.context)).toEqual(['o', 'r', 'x']);
  });

  it('lists the keys and transactions that cross the owner boundary', () => {
    expect(row('lines').crossingForeignKeys).toEqual([{ from: 'lines', to: 'orders', onDelete: 'cascade' }]);
    expect(row('orders').crossingForeignKeys).toEqual([{ from: 'lines', to: 'orders', onDelete: 'cascade' }]);
    // Deleting an order cascades into stock's lines: that delete has to become an event.
    expect(row('orders').reason).toBe("only orders uses it: it moves to orders's database; deleting a row here cascades into lines (stock): publish a deletion event instead of ON DELETE CASCADE");
    expect(row('lines').reason).not.toMatch(/cascades/);
    expect(row('orders').crossingTransactions).toEqual(['t1']);
    expect(row('stock').crossingTransactions).toEqual([]);
  });
});

describe('tableVerdicts: unique keys across contexts', () => {
  it('flags a unique key whose columns reference tables of two contexts, and says nothing of one that does not', () => {
    const base = tinyModel(['o/a.ts -> s/b.ts']);
    const fk = (from: string, col: string, to: string): DataEdge => ({ kind: 'foreign-key', from, to, via: 'sql', weight: 1, evidence: [], columns: { from: [col], to: ['id'] } });
    const model: SystemModel = {
      ...base,
      data: {
        dialect: { name: 'postgresql', reason: 'test' },
        tables: [
          { id: 'reservations', name: 'reservations', columns: [], primaryKey: [], declaredIn: [], entityModules: [], uniqueKeys: [['order_id', 'item_id']] },
          { id: 'lines', name: 'lines', columns: [], primaryKey: [], declaredIn: [], entityModules: [], uniqueKeys: [['order_id', 'sku']] },
        ],
        statements: { parsed: 0, byDialect: {}, fallback: 0, bulkSkipped: 0 },
        edges: [access('s/b.ts', 'reservations', 'write'), access('o/a.ts', 'lines', 'write'), fk('reservations', 'order_id', 'orders'), fk('reservations', 'item_id', 'items'), fk('lines', 'order_id', 'orders')],
      },
    };
    const d: Decomposition = {
      method: 'by hand',
      kernel: [],
      contexts: [
        { id: 'o', name: 'orders', modules: ['o/a.ts'], tables: ['orders', 'lines'], lines: 1 },
        { id: 's', name: 'stock', modules: ['s/b.ts'], tables: ['items', 'reservations'], lines: 1 },
      ],
      confidence: [],
    };
    const verdicts = tableVerdicts(model, d, tableOwners(d), contextIndex(d, { withKernel: false }), []);
    const reservations = verdicts.find((v) => v.table === 'reservations')!;
    expect(reservations.crossingUniqueKeys).toEqual([{ columns: ['order_id', 'item_id'], contexts: ['o', 's'] }]);
    expect(reservations.reason).toMatch(/unique \(order_id, item_id\) spans orders and stock/);
    expect(verdicts.find((v) => v.table === 'lines')!.crossingUniqueKeys).toBeUndefined();
  });
});
