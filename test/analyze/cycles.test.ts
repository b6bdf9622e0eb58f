import { describe, expect, it } from 'vitest';
import { analyzeCycles } from '../../src/analyze/cycles.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('analyzeCycles', () => {
  it('finds each strongly connected component with its closing edges and a shortest example', () => {
    const model = tinyModel([
      'a.ts -> b.ts',
      'b.ts -> c.ts',
      'c.ts -> a.ts',
      'c.ts -call-> b.ts x3',
      'x.ts -> y.ts',
      'y.ts -> x.ts',
      'd.ts -> a.ts',
    ]);
    const r = analyzeCycles(model);
    expect(r.modulesInCycles).toBe(5);
    expect(r.cycles.map((c) => c.modules)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['x.ts', 'y.ts']]);
    const [abc, xy] = r.cycles;
    // DFS from a.ts: a -> b -> c, then c -> a and c -> b close cycles.
    expect(abc!.closingEdges.map((e) => `${e.from}->${e.to} w${e.weight} ${e.kinds.join('+')}`)).toEqual(['c.ts->a.ts w1 import', 'c.ts->b.ts w3 call']);
    expect(abc!.example).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    expect(xy!.closingEdges.map((e) => `${e.from}->${e.to}`)).toEqual(['y.ts->x.ts']);
    expect(xy!.closingEdges[0]!.evidence).toEqual({ file: 'y.ts', line: 6 });
  });

  it('ignores cycles made only of type-only imports', () => {
    expect(analyzeCycles(tinyModel(['a.ts -type-import-> b.ts', 'b.ts -> a.ts'])).cycles).toEqual([]);
  });

  it('removing the closing edges leaves no cycle', () => {
    const specs = ['a -> b', 'b -> c', 'c -> d', 'd -> b', 'd -> a', 'c -> a', 'b -> a'];
    const first = analyzeCycles(tinyModel(specs));
    const closing = new Set(first.cycles.flatMap((c) => c.closingEdges.map((e) => `${e.from} -> ${e.to}`)));
    expect(closing.size).toBeGreaterThan(0);
    expect(analyzeCycles(tinyModel(specs.filter((s) => !closing.has(s)), { modules: ['a', 'b', 'c', 'd'] })).cycles).toEqual([]);
  });

  it('handles a graph with no edges and a long chain without recursion limits', () => {
    expect(analyzeCycles(tinyModel([], { modules: ['lonely.ts'] })).cycles).toEqual([]);
    const chain = Array.from({ length: 20000 }, (_, i) => `m${i} -> m${i + 1}`);
    chain.push('m20000 -> m0');
    const r = analyzeCycles(tinyModel(chain));
    expect(r.cycles).toHaveLength(1);
    expect(r.cycles[0]!.modules).toHaveLength(20001);
  });
});
