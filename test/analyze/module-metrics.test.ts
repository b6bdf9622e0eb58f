import { describe, expect, it } from 'vitest';
import { analyzeModuleMetrics } from '../../src/analyze/module-metrics.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('analyzeModuleMetrics', () => {
  it('computes fan-in, fan-out, weights and instability I = Ce / (Ca + Ce)', () => {
    const model = tinyModel(['a -> c x2', 'b -> c', 'c -call-> d x4', 'c -type-import-> e'], { modules: ['lonely'] });
    const rows = analyzeModuleMetrics(model).modules.map((m) => [m.module, m.fanIn, m.fanOut, m.weightedFanIn, m.weightedFanOut, m.instability, m.isolated]);
    expect(rows).toEqual([
      ['a', 0, 1, 0, 2, 1, false],
      ['b', 0, 1, 0, 1, 1, false],
      ['c', 2, 2, 3, 5, 0.5, false],
      ['d', 1, 0, 4, 0, 0, false],
      ['e', 1, 0, 1, 0, 0, false],
      ['lonely', 0, 0, 0, 0, 0, true],
    ]);
  });
});
