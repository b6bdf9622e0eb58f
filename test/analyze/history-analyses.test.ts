import { describe, expect, it } from 'vitest';
import { analyzeChangeCoupling } from '../../src/analyze/change-coupling.js';
import { analyzeHotspots } from '../../src/analyze/hotspots.js';
import { analyzeOwnership } from '../../src/analyze/ownership.js';
import type { HistoryModel, ModuleHistory } from '../../src/model/types.js';
import { tinyModel } from '../helpers/tiny-model.js';

const mh = (module: string, revisions: number, authors: [string, number][]): ModuleHistory => ({
  module,
  revisions,
  lastChanged: '2024-02-01T00:00:00Z',
  authors: authors.map(([id, commits]) => ({ id, commits })),
  mainAuthor: authors[0]![0],
  ownership: authors[0]![1] / revisions,
  fragmentation: 0,
});

function withHistory(): ReturnType<typeof tinyModel> {
  const model = tinyModel(['src/orders/a.ts -> src/orders/b.ts'], { modules: ['src/billing/c.ts'], lines: { 'src/orders/a.ts': 100, 'src/orders/b.ts': 50, 'src/billing/c.ts': 400 } });
  const history: HistoryModel = {
    available: true,
    settings: { coupleBy: 'commit', maxChangesetSize: 30, minRevs: 5, minShared: 5, minCoupling: 30, mergesExcluded: true, churn: false },
    commits: 30, botCommits: 0, changesets: 30, bulkChangesets: 0, renamesFollowed: 0,
    authors: [{ id: 'ann@x', name: 'Ann', commits: 20 }, { id: 'ben@x', name: 'Ben', commits: 10 }],
    filesTouched: 3, filesGone: 0,
    modules: [mh('src/billing/c.ts', 5, [['ben@x', 5]]), mh('src/orders/a.ts', 20, [['ann@x', 15], ['ben@x', 5]]), mh('src/orders/b.ts', 10, [['ann@x', 10]])],
    coChange: [
      { a: 'src/billing/c.ts', b: 'src/orders/b.ts', shared: 5, revsA: 5, revsB: 10, degree: 66, commits: [] },
      { a: 'src/orders/a.ts', b: 'src/orders/b.ts', shared: 8, revsA: 20, revsB: 10, degree: 53, commits: [] },
    ],
    coAuthor: [{ a: 'src/billing/c.ts', b: 'src/orders/a.ts', sharedAuthors: 2, jaccard: 1 }],
  };
  model.history = history;
  return model;
}

describe('history analyses', () => {
  it('ranks hotspots by (revisions / max) x (lines / max)', () => {
    const r = analyzeHotspots(withHistory())!;
    // a: 20/20 x 100/400 = 0.25; c: 5/20 x 400/400 = 0.25 (tie: more revisions first); b: 10/20 x 50/400 = 0.0625
    expect(r.hotspots.map((h) => [h.rank, h.module, h.score])).toEqual([
      [1, 'src/orders/a.ts', 0.25],
      [2, 'src/billing/c.ts', 0.25],
      [3, 'src/orders/b.ts', 0.063],
    ]);
    expect(r.method).toMatch(/revisions \/ max revisions/);
  });

  it('orders coupled pairs by degree and flags pairs across areas and without a code edge', () => {
    const r = analyzeChangeCoupling(withHistory())!;
    expect(r.pairs.map((p) => [p.a, p.b, p.degree, p.crossArea, p.codeEdge])).toEqual([
      ['src/billing/c.ts', 'src/orders/b.ts', 66, true, false],
      ['src/orders/a.ts', 'src/orders/b.ts', 53, false, true],
    ]);
    const empty = withHistory();
    empty.history!.coChange = [];
    expect(analyzeChangeCoupling(empty)!.note).toMatch(/no module pair passes the thresholds/);
  });

  it('summarises ownership per area and areas sharing authors', () => {
    const r = analyzeOwnership(withHistory())!;
    expect(r.areas.map((a) => [a.area, a.mainAuthor, a.ownership, a.fragmentation])).toEqual([
      ['billing', 'ben@x', 1, 0],
      ['orders', 'ann@x', 0.833, 0.278],
    ]);
    expect(r.areaPairs).toEqual([{ a: 'billing', b: 'orders', sharedAuthors: ['ben@x'], modulePairs: 1 }]);
  });

  it('returns nothing when there is no history', () => {
    const model = tinyModel(['a -> b']);
    expect([analyzeHotspots(model), analyzeChangeCoupling(model), analyzeOwnership(model)]).toEqual([undefined, undefined, undefined]);
  });
});
