import { describe, expect, it } from 'vitest';
import { computeDataFootprint } from '../../src/cluster/data-footprint.js';
import { dataAnchorEdges, tableNode } from '../../src/cluster/data-anchors.js';
import { buildModuleGraph } from '../../src/cluster/build-module-graph.js';
import type { DataModel, SystemModel } from '../../src/model/types.js';
import { tinyModel } from '../helpers/tiny-model.js';

/** A controller -> service -> repository -> entity chain per domain, plus a report reading both tables. */
function layered(): SystemModel {
  const model = tinyModel([
    'web/order-controller.ts -call-> services/order-service.ts',
    'services/order-service.ts -call-> repos/order-repo.ts',
    'repos/order-repo.ts -> models/order.ts',
    'web/stock-controller.ts -call-> services/stock-service.ts',
    'services/stock-service.ts -call-> repos/stock-repo.ts',
    'repos/stock-repo.ts -> models/stock.ts',
    'web/report.ts -call-> services/order-service.ts',
    'web/report.ts -call-> services/stock-service.ts',
  ]);
  const table = (id: string, entity: string) => ({ id, name: id, columns: [], primaryKey: [], declaredIn: [], entityModules: [entity] });
  const data: DataModel = {
    dialect: { name: 'postgresql', reason: 'test' },
    tables: [table('orders', 'models/order.ts'), table('stock', 'models/stock.ts')],
    edges: [
      { kind: 'table-access', from: 'repos/order-repo.ts', to: 'orders', mode: 'write', via: 'orm', weight: 1, evidence: [] },
      { kind: 'table-access', from: 'repos/stock-repo.ts', to: 'stock', mode: 'read', via: 'orm', weight: 1, evidence: [] },
      { kind: 'foreign-key', from: 'stock', to: 'orders', via: 'sql', weight: 1, evidence: [] },
    ],
    statements: { parsed: 0, byDialect: {}, fallback: 0, bulkSkipped: 0 },
  };
  return { ...model, data };
}

describe('data footprint through the call chain', () => {
  const fp = computeDataFootprint(layered(), new Set());
  it('gives the entity and the writer full strength, a reader a quarter, and decays 0.5 per hop', () => {
    expect(fp.get('models/order.ts')).toEqual(new Map([['orders', 1]]));
    expect(fp.get('repos/order-repo.ts')).toEqual(new Map([['orders', 1]]));
    expect(fp.get('services/order-service.ts')).toEqual(new Map([['orders', 0.5]]));
    expect(fp.get('web/order-controller.ts')).toEqual(new Map([['orders', 0.25]]));
    // The stock repository only reads, but its entity maps the table: the entity's 1 reaches it at 0.5.
    expect(fp.get('repos/stock-repo.ts')).toEqual(new Map([['stock', 0.5]]));
  });

  it('lets an interface inherit what its implementations serve (a call to it reaches them at run time)', () => {
    const model = layered();
    const withInterface = {
      ...model,
      modules: [...model.modules, { ...model.modules[0]!, id: 'services/order-port.ts', files: ['services/order-port.ts'] }],
      edges: [...model.edges, { kind: 'implements' as const, from: 'services/order-service.ts', to: 'services/order-port.ts', weight: 1, evidence: [] }],
    };
    expect(computeDataFootprint(withInterface, new Set()).get('services/order-port.ts')).toEqual(new Map([['orders', 0.25]]));
  });

  it('stops after three hops and never passes through what is set aside', () => {
    const deep = computeDataFootprint(layered(), new Set(['services/order-service.ts']));
    expect(deep.get('web/order-controller.ts')).toBeUndefined();
    expect(fp.get('web/report.ts')).toEqual(new Map([['orders', 0.25], ['stock', 0.125]]));
  });

  it('ties each module to its tables with idf and its strongest strength, and tables by foreign keys at a quarter', () => {
    const edges = dataAnchorEdges(fp, layered().data, 2);
    const to = (m: string) => edges.filter((e) => e.a === m).map((e) => [e.b, Number(e.weight.toFixed(3))]);
    expect(to('models/order.ts')).toEqual([[tableNode('orders'), 2]]);
    // The report reaches two tables: its pull (2 x 0.25) is shared between them.
    const report = to('web/report.ts');
    expect(report.reduce((n, [, w]) => n + (w as number), 0)).toBeCloseTo(0.5, 3);
    expect(edges.filter((e) => e.kind === 'tableTie')).toEqual([{ a: tableNode('stock'), b: tableNode('orders'), weight: 0.5, kind: 'tableTie' }]);
  });

  it('puts table and capability-folder nodes in the clustering graph only', () => {
    const model = layered();
    expect(buildModuleGraph(model, new Set()).graph.hasNode(tableNode('orders'))).toBe(false);
    expect(buildModuleGraph(model, new Set(), undefined, { anchors: true }).graph.hasNode(tableNode('orders'))).toBe(true);
  });
});
