import { describe, expect, it } from 'vitest';
import { analyzeRewriteSignals } from '../../src/score/rewrite-signals.js';
import type { HistoryModel, ModuleHistory } from '../../src/model/types.js';
import type { TestSafetyNet } from '../../src/score/test-safety-net.js';
import { tinyDecomposition } from '../helpers/tiny-decomposition.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('reuse or rewrite signals', () => {
  const lines = { 'old/a': 100, 'old/b': 100, 'new/a': 100, 'new/b': 100, 'mid/a': 100 };
  const base = tinyModel([], { modules: Object.keys(lines), lines });
  const complexity: Record<string, number> = { 'old/a': 30, 'old/b': 10, 'new/a': 2, 'new/b': 2, 'mid/a': 6 };
  const h = (module: string, first: string, last: string, revisions: number): ModuleHistory => ({ module, revisions, firstChanged: first, lastChanged: last, authors: [], mainAuthor: '', ownership: 1, fragmentation: 0 });
  const history = {
    available: true,
    lastCommit: '2024-12-31T00:00:00Z',
    settings: { churn: false },
    modules: [h('old/a', '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z', 40), h('old/b', '2020-06-01T00:00:00Z', '2024-12-01T00:00:00Z', 30), h('new/a', '2024-06-01T00:00:00Z', '2024-12-30T00:00:00Z', 4), h('new/b', '2024-07-01T00:00:00Z', '2024-12-20T00:00:00Z', 2), h('mid/a', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 5)],
  } as unknown as HistoryModel;
  const model = { ...base, history, modules: base.modules.map((m) => ({ ...m, complexity: complexity[m.id]! })) };
  const d = tinyDecomposition({ old: ['old/a', 'old/b'], new: ['new/a', 'new/b'], mid: ['mid/a'] }, { lines });
  const hotspots = { method: '', hotspots: [{ rank: 1, module: 'old/a', revisions: 40, lines: 100, score: 1, mainAuthor: '', ownership: 1, lastChanged: '' }] };
  const unreferenced = { modules: [{ module: 'old/b', lines: 100, reason: 'direct' as const, referencedBy: [] }], entryPoints: [], lines: 100 };
  const net = { modules: [{ module: 'new/a', coverage: 'tested' }, { module: 'new/b', coverage: 'reached' }, { module: 'old/a', coverage: 'none' }] } as unknown as TestSafetyNet;
  const signals = analyzeRewriteSignals(model, d, hotspots, unreferenced, net);
  const ctx = (id: string) => signals.contexts.find((c) => c.context === id)!;

  it('gives each context its figures beside the repository’s', () => {
    expect(ctx('old').figures).toEqual({ medianAgeDays: 1674, oldestAgeDays: 1826, churn: 35, churnUnit: 'revisions per module', recentlyChangedShare: 0.5, hotspotsPerKloc: 5, complexityPer100Lines: 20, deadShare: 0.5, testedShare: 0 });
    expect(ctx('old').mostComplex).toEqual({ module: 'old/a', complexity: 30 });
    expect(signals.repository).toMatchObject({ complexityPer100Lines: 10, deadShare: 0.2, testedShare: 0.4 });
  });

  it('lists what leans towards a rewrite and what towards reuse, never a verdict', () => {
    expect(ctx('old').leansRewrite).toEqual([
      'old: median age 1674 days (repository 730)',
      'churning: 35 revisions per module (repository 16.2)',
      'hot: 5 hotspots per 1,000 lines (repository 2)',
      'complex: 20 decisions per 100 lines (repository 10)',
      '50% of its lines are dead-code candidates',
      '0% of its lines reached by tests',
    ]);
    expect(ctx('new').leansRewrite).toEqual([]);
    expect(ctx('new').leansReuse).toEqual(['maintained: 100% of its lines changed in the last 90 days', 'tested: 100% of its lines reached by tests', 'simpler than the repository: 2 decisions per 100 lines (repository 10)']);
  });
});
