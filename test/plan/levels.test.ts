import { describe, expect, it } from 'vitest';
import { decompositionAtLevel } from '../../src/cluster/merge-levels.js';
import { recommendLevels, type QualityPoint } from '../../src/plan/recommend-level.js';
import type { Decomposition } from '../../src/model/types.js';

const point = (contexts: number, modularity: number): QualityPoint => ({ contexts, modularity, interCallPercentage: 0, nonExtremeDistribution: 0, meanCohesion: 0, meanCoupling: 0, planCost: contexts * 10 });

describe('levels of the hierarchy', () => {
  const d: Decomposition = {
    method: 'test',
    kernel: [],
    confidence: [],
    contexts: [
      { id: 'ctx-1', name: 'orders', modules: ['o1', 'o2'], tables: ['orders'], lines: 30 },
      { id: 'ctx-2', name: 'payments', modules: ['p1'], tables: ['payments'], lines: 20 },
      { id: 'ctx-3', name: 'catalog', modules: ['c1'], tables: [], lines: 10 },
    ],
    merges: [{ a: 'ctx-1', b: 'ctx-2' }, { a: 'ctx-1', b: 'ctx-3' }],
  };

  it('merges along the recorded sequence, the merged context named after its two largest members', () => {
    const two = decompositionAtLevel(d, 2);
    expect(two.contexts.map((c) => [c.id, c.name, c.modules, c.tables, c.lines])).toEqual([
      ['ctx-1', 'orders + payments', ['o1', 'o2', 'p1'], ['orders', 'payments'], 50],
      ['ctx-3', 'catalog', ['c1'], [], 10],
    ]);
    expect(decompositionAtLevel(d, 1).contexts.map((c) => c.name)).toEqual(['orders + payments + 1 more']);
    expect(decompositionAtLevel(d, 3)).toBe(d);
  });

  it('recommends micro = best modularity, macro = fewest contexts keeping 85% of it', () => {
    const rec = recommendLevels([point(2, 0.3), point(3, 0.5), point(4, 0.55), point(6, 0.6), point(8, 0.58)], 8)!;
    expect([rec.macro, rec.micro]).toEqual([4, 6]);
    expect(rec.why).toMatch(/micro 6: the highest modularity Q \(0.6\); macro 4/);
    expect(recommendLevels([], 3)).toBeUndefined();
  });
});
