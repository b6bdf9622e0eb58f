/**
 * The data signal in the module graph: writers of a table belong together, a reader leans towards a
 * writer at half strength, two readers share nothing they own.
 */
import { describe, expect, it } from 'vitest';
import { buildModuleGraph } from '../../src/cluster/build-module-graph.js';
import { DEFAULT_WEIGHTS } from '../../src/model/graph-weights.js';
import type { DataEdge } from '../../src/model/types.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('buildModuleGraph: table accesses', () => {
  it('weighs writer-writer w, writer-reader w/2, reader-reader 0, with w = tableAccess / (accessors - 1)', () => {
    const model = tinyModel([], { modules: ['w1', 'w2', 'r1', 'r2'] });
    const access = (from: string, mode: 'read' | 'write'): DataEdge => ({ kind: 'table-access', from, to: 'orders', mode, via: 'sql', weight: 1, evidence: [] });
    model.data = {
      dialect: { name: 'postgresql', reason: 'test' },
      statements: { parsed: 0, byDialect: {}, fallback: 0, bulkSkipped: 0 },
      tables: [{ id: 'orders', name: 'orders', columns: [], primaryKey: [], declaredIn: [], entityModules: [] }],
      edges: [access('w1', 'write'), access('w1', 'read'), access('w2', 'write'), access('r1', 'read'), access('r2', 'read')],
    };
    const { graph } = buildModuleGraph(model, new Set(), DEFAULT_WEIGHTS);
    const w = DEFAULT_WEIGHTS.kinds.tableAccess! / 3;
    const weight = (a: string, b: string) => (graph.hasEdge(`${a}\0${b}`) ? (graph.getEdgeAttribute(`${a}\0${b}`, 'weight') as number) : 0);
    expect(weight('w1', 'w2')).toBeCloseTo(w);
    expect(weight('r1', 'w1')).toBeCloseTo(w / 2);
    expect(weight('r2', 'w2')).toBeCloseTo(w / 2);
    expect(weight('r1', 'r2')).toBe(0);
    // Left-out modules (kernel, platform, tooling) take no part.
    expect(buildModuleGraph(model, new Set(['w2']), DEFAULT_WEIGHTS).graph.hasNode('w2')).toBe(false);
  });
});
