import { describe, expect, it } from 'vitest';
import { analyzeChangeSmells } from '../../src/score/change-smells.js';
import type { HistoryModel, SystemModel } from '../../src/model/types.js';
import { changeSetColumns } from '../helpers/change-sets.js';
import { tinyDecomposition } from '../helpers/tiny-decomposition.js';
import { tinyModel } from '../helpers/tiny-model.js';

function withSets(model: SystemModel, sets: string[][]): SystemModel {
  const changeSets = changeSetColumns(model, sets.map((modules, i) => ({ id: `c${String(i).padStart(2, '0')}`, date: `2024-01-${String(28 - i).padStart(2, '0')}T00:00:00Z`, modules })));
  const history = { available: true, commits: sets.length, changesets: sets.length, modules: [], coChange: [], coAuthor: [], changeSets } as unknown as HistoryModel;
  return { ...model, history };
}

describe('change smells', () => {
  const model = tinyModel([], { modules: ['o/checkout', 'o/cart', 'c/price', 'p/pay', 'i/stock', 's/rate', 'k/money'] });
  const d = tinyDecomposition({ o: ['o/checkout', 'o/cart'], c: ['c/price'], p: ['p/pay'], i: ['i/stock'], s: ['s/rate'] }, { kernel: ['k/money'] });
  const sets = [
    // checkout changes for four reasons, one at a time
    ['o/checkout', 'o/cart'], ['o/checkout', 'o/cart'], ['o/checkout'],
    ['o/checkout', 'c/price'], ['o/checkout', 'c/price'],
    ['o/checkout', 'p/pay'], ['o/checkout', 'p/pay'],
    ['o/checkout', 'i/stock'], ['o/checkout', 'i/stock'],
    // rate changes with everything at once, three times
    ['s/rate', 'c/price', 'p/pay', 'i/stock', 'k/money'], ['s/rate', 'c/price', 'p/pay', 'i/stock'], ['s/rate', 'c/price', 'p/pay', 'i/stock'],
    ['s/rate'], ['s/rate'],
  ];
  const smells = analyzeChangeSmells(withSets(model, sets), d)!;

  it('finds Divergent Change in the module that changes with several contexts for separate reasons, not in the one changed by wide commits', () => {
    expect(smells.divergentChange.map((m) => m.module)).toEqual(['o/checkout']);
    const checkout = smells.divergentChange[0]!;
    expect(checkout.reasons.map((r) => `${r.context}:${r.weight}`)).toEqual(['o:3', 'c:2', 'i:2', 'p:2']);
    // entropy of 3/9, 2/9, 2/9, 2/9
    expect(checkout.entropy).toBeCloseTo(-(3 / 9) * Math.log2(3 / 9) - 3 * (2 / 9) * Math.log2(2 / 9), 3);
    expect(checkout.reasons[1]!.commits).toEqual(['c03', 'c04']);
  });

  it('finds Shotgun Surgery: the change sets over three contexts or more, the modules they keep touching, the spread per context', () => {
    expect(smells.shotgunSurgery.changeSets).toBe(3);
    expect(smells.shotgunSurgery.widest[0]).toMatchObject({ id: 'c09', contexts: ['c', 'i', 'p', 's'], modules: 5 });
    expect(smells.shotgunSurgery.modules.map((m) => `${m.module} ${m.shotgun}/${m.changeSets}`)).toEqual(['c/price 3/5', 'i/stock 3/5', 'p/pay 3/5', 's/rate 3/5']);
    const o = smells.contexts.find((c) => c.context === 'o')!;
    expect(o).toMatchObject({ changeSets: 9, divergentModules: 1, shotgunShare: 0 });
    expect(o.meanSpread).toBeCloseTo(15 / 9, 3);
    expect(smells.contexts.find((c) => c.context === 's')).toMatchObject({ changeSets: 5, shotgunShare: 0.6, medianSpread: 4 });
    expect(smells.crossContextShare).toBeCloseTo(9 / 14, 3);
  });

  it('is absent without history', () => {
    expect(analyzeChangeSmells(model, d)).toBeUndefined();
  });
});
