import { describe, expect, it } from 'vitest';
import { buildModuleGraph } from '../../src/cluster/build-module-graph.js';
import { DEFAULT_WEIGHTS } from '../../src/model/graph-weights.js';
import type { DataEdge, Decomposition } from '../../src/model/types.js';
import { scoreDecomposition } from '../../src/score/score-decomposition.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('scoreDecomposition on a hand-made decomposition', () => {
  // a1 -call-> a2 once (weight log2(2) = 1), a2 -call-> b1 three times (log2(4) = 2).
  const model = tinyModel(['a1 -call-> a2 x1', 'a2 -call-> b1 x3']);
  const access = (from: string, to: string): DataEdge => ({ kind: 'table-access', from, to, mode: 'read', via: 'sql', weight: 1, evidence: [] });
  model.data = {
    dialect: { name: 'postgresql', reason: 'test' },
    statements: { parsed: 0, byDialect: {}, fallback: 0, bulkSkipped: 0 },
    tables: ['t', 'u'].map((id) => ({ id, name: id, columns: [], primaryKey: [], declaredIn: [], entityModules: [] })),
    edges: [access('a1', 't'), access('b1', 't'), access('a2', 'u')],
  };
  const d: Decomposition = {
    method: 'by hand',
    kernel: [],
    contexts: [
      { id: 'A', name: 'a', modules: ['a1', 'a2'], tables: ['t', 'u'], lines: 20 },
      { id: 'B', name: 'b', modules: ['b1'], tables: [], lines: 10 },
    ],
    confidence: [{ module: 'a1', confidence: 1 }, { module: 'a2', confidence: 0.5 }, { module: 'b1', confidence: 1 }],
  };
  const { graph } = buildModuleGraph(model, new Set(), { ...DEFAULT_WEIGHTS, data: 0 });
  const s = scoreDecomposition(model, d, graph);

  it('computes cohesion 2μ/(2μ+ε), coupling ε/(μ+ε), dependencies, API surface and confidence per context', () => {
    expect(s.contexts.map((c) => [c.context, c.internalWeight, c.boundaryWeight, c.cohesion, c.coupling, c.afferent, c.efferent, c.confidence])).toEqual([
      ['A', 1, 2, 0.5, 0.667, [], ['B'], 0.75],
      ['B', 0, 2, 0, 1, ['A'], [], 1],
    ]);
    expect(s.contexts[1]!.apiSurface).toEqual([{ module: 'b1', usedBy: [{ module: 'a2', count: 3 }] }]);
  });

  it('computes Q, TurboMQ, SM, ICP, IFN, NED and transaction entropy as worked out by hand', () => {
    expect(s.global).toEqual({
      contexts: 2,
      modularity: -0.222, // (1/3 - (4/6)^2) + (0 - (2/6)^2)
      turboMQ: 0.5, // 2*1/(2*1+2) + 0
      structuralModularity: -0.375, // (1/4 + 0/1)/2 - (2 / (2*2*1)) / 1
      interCallPercentage: 0.75, // 3 of 4 calls cross
      interfaceNumber: 0.5, // (0 + 1) / 2
      nonExtremeDistribution: 1, // both contexts have fewer than 5 modules
      meanTransactionEntropy: 0.5, // t: 1 bit (A and B alike), u: 0
    });
    expect(s.tables).toEqual([
      { table: 't', owner: 'A', contexts: [{ context: 'A', weight: 1 }, { context: 'B', weight: 1 }], entropy: 1 },
      { table: 'u', owner: 'A', contexts: [{ context: 'A', weight: 1 }], entropy: 0 },
    ]);
    expect(s.sharedTables).toEqual(['t']);
  });
});
