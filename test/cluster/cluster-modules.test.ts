import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModuleGraph } from '../../src/cluster/build-module-graph.js';
import { clusterModules, DEFAULT_CLUSTER_OPTIONS } from '../../src/cluster/cluster-modules.js';
import { scoreDecomposition } from '../../src/score/score-decomposition.js';
import { stableStringify } from '../../src/report/stable-json.js';
import type { SystemModel } from '../../src/model/types.js';
import { tinyModel } from '../helpers/tiny-model.js';

const propose = (model: SystemModel, options = {}) => {
  const { graph } = buildModuleGraph(model, new Set());
  const d = clusterModules(model, graph, [], { ...DEFAULT_CLUSTER_OPTIONS, runs: 5, ...options });
  return { d, scores: scoreDecomposition(model, d, graph) };
};
const groups = (model: SystemModel, options = {}) => propose(model, options).d.contexts.map((c) => c.modules.join(' '));

const twoTriangles = tinyModel([
  'src/a/1.ts -call-> src/a/2.ts x3', 'src/a/2.ts -call-> src/a/3.ts x3', 'src/a/3.ts -call-> src/a/1.ts x3',
  'src/b/1.ts -call-> src/b/2.ts x3', 'src/b/2.ts -call-> src/b/3.ts x3', 'src/b/3.ts -call-> src/b/1.ts x3',
  'src/a/1.ts -> src/b/1.ts',
]);

describe('clusterModules', () => {
  it('separates two dense groups joined by one weak edge, and names them by folder', () => {
    const { d } = propose(twoTriangles);
    expect(d.contexts.map((c) => [c.name, c.modules])).toEqual([
      ['a', ['src/a/1.ts', 'src/a/2.ts', 'src/a/3.ts']],
      ['b', ['src/b/1.ts', 'src/b/2.ts', 'src/b/3.ts']],
    ]);
    expect(d.confidence.every((c) => c.confidence === 1)).toBe(true);
  });

  it('gives identical output for the same seed, whatever order the model lists things in (property)', () => {
    const expected = stableStringify(propose(twoTriangles).d);
    fc.assert(
      fc.property(fc.nat(1000), (s) => {
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => ({ x, k: (i * 7919 + s) % 97 })).sort((a, b) => a.k - b.k).map((p) => p.x);
        const shuffled = { ...twoTriangles, modules: shuffle(twoTriangles.modules), edges: shuffle(twoTriangles.edges) };
        expect(stableStringify(propose(shuffled).d)).toBe(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('puts every module in exactly one context on random graphs, with finite scores (property)', () => {
    const node = fc.integer({ min: 0, max: 14 }).map((i) => `src/m${i % 4}/f${i}.ts`);
    fc.assert(
      fc.property(fc.array(fc.tuple(node, node, fc.integer({ min: 1, max: 5 })), { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (edges, minContextSize) => {
        const specs = edges.filter(([a, b]) => a !== b).map(([a, b, w]) => `${a} -call-> ${b} x${w}`);
        const model = tinyModel([...new Set(specs)], { modules: ['src/m0/lonely.ts'] });
        const { d, scores } = propose(model, { minContextSize });
        // Every module sits in exactly one context, or is unplaced (no evidence to place it).
        const all = [...d.contexts.flatMap((c) => c.modules), ...(d.unplaced ?? []).map((u) => u.module)].sort();
        expect(all).toEqual(model.modules.map((m) => m.id).sort());
        expect(d.contexts.every((c) => c.modules.length >= Math.min(2, minContextSize))).toBe(true);
        expect(JSON.stringify(scores)).not.toMatch(/NaN|Infinity|null/);
      }),
      { numRuns: 30 },
    );
  });

  it('copes with no edges, one module, a fully connected graph and disconnected islands', () => {
    // No tie of any kind: nothing is forced into a context; each module is unplaced with the reason.
    const none = propose(tinyModel([], { modules: ['src/a/x.ts', 'src/a/y.ts', 'src/b/z.ts'] }), { minContextSize: 1 }).d;
    expect(none.contexts).toEqual([]);
    expect(none.unplaced!.map((u) => u.module)).toEqual(['src/a/x.ts', 'src/a/y.ts', 'src/b/z.ts']);
    expect(none.unplaced![0]!.reason).toMatch(/no code, data, capability-folder or history tie/);
    expect(propose(tinyModel([], { modules: ['only.ts'] })).d.unplaced!.map((u) => u.module)).toEqual(['only.ts']);
    const full = ['a', 'b', 'c', 'd'].flatMap((x) => ['a', 'b', 'c', 'd'].filter((y) => y !== x).map((y) => `src/k/${x}.ts -call-> src/k/${y}.ts`));
    expect(groups(tinyModel(full))).toEqual(['src/k/a.ts src/k/b.ts src/k/c.ts src/k/d.ts']);
    const islands = tinyModel(['src/p/a.ts -call-> src/p/b.ts x5', 'src/q/c.ts -call-> src/q/d.ts x5'], {});
    expect(groups(islands, { minContextSize: 2 })).toEqual(['src/p/a.ts src/p/b.ts', 'src/q/c.ts src/q/d.ts']);
    // Islands too small to stand alone have no neighbour to merge into: they stay, rather than vanish,
    // but two modules are thin evidence of a service: their confidence is scaled by size / minimum.
    const small = propose(islands, { minContextSize: 3 }).d;
    expect(small.contexts.map((c) => c.modules.join(' '))).toEqual(['src/p/a.ts src/p/b.ts', 'src/q/c.ts src/q/d.ts']);
    expect(small.confidence.map((c) => c.confidence)).toEqual([0.667, 0.667, 0.667, 0.667]);
  });

  it('merges contexts below the minimum size into their strongest neighbour', () => {
    const model = tinyModel([...twoTriangles.edges.map((e) => `${e.from} -${e.kind}-> ${e.to} x${e.weight}`), 'src/c/tiny.ts -call-> src/b/2.ts x2', 'src/c/tiny.ts -call-> src/a/2.ts x1']);
    const d = propose(model, { minContextSize: 2 }).d;
    expect(d.contexts.find((c) => c.modules.includes('src/c/tiny.ts'))!.modules).toContain('src/b/2.ts');
  });

  it('searches the resolution for a target number of contexts', () => {
    const chain = Array.from({ length: 6 }, (_, g) => [0, 1, 2].flatMap((i) => [`src/g${g}/${i}.ts -call-> src/g${g}/${(i + 1) % 3}.ts x4`])).flat();
    for (let g = 0; g < 5; g++) chain.push(`src/g${g}/0.ts -> src/g${g + 1}/0.ts`);
    const model = tinyModel(chain);
    expect(propose(model, { contexts: 2 }).d.contexts.length).toBeLessThanOrEqual(3);
    expect(propose(model, { contexts: 6 }).d.contexts.length).toBe(6);
  });
});
