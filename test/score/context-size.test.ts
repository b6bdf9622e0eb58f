import { describe, expect, it } from 'vitest';
import { analyzeContextSize, SIZE_LIMITS } from '../../src/score/context-size.js';
import type { HistoryModel, ModuleHistory } from '../../src/model/types.js';
import { tinyDecomposition } from '../helpers/tiny-decomposition.js';
import { tinyModel } from '../helpers/tiny-model.js';
import { changeSetColumns } from '../helpers/change-sets.js';

describe('size per context', () => {
  const big = Array.from({ length: 160 }, (_, i) => `app/big/${i < 100 ? 'billing' : i < 140 ? 'tax' : 'dunning'}/m${i}.ts`);
  const lines: Record<string, number> = Object.fromEntries(big.map((m) => [m, 80]));
  lines['app/note/send.ts'] = 40;
  lines['app/note/template.ts'] = 30;
  lines['app/orders/order.ts'] = 900;
  lines['app/orders/cart.ts'] = 600;
  lines['app/orders/api.ts'] = 300;
  const model = tinyModel(['app/note/send.ts -call-> app/orders/order.ts x3', 'app/note/template.ts -> app/big/billing/m1.ts'], { modules: [...big, 'app/orders/cart.ts', 'app/orders/api.ts'], lines });
  const authors = (n: number) => Array.from({ length: n }, (_, i) => `dev${i}@x`);
  const moduleHistory = (module: string, active: string[]): ModuleHistory => ({ module, revisions: 1, lastChanged: '2024-06-01T00:00:00Z', authors: [], mainAuthor: '', ownership: 1, fragmentation: 0, activeAuthors: active });
  const history = {
    available: true,
    firstCommit: '2024-01-01T00:00:00Z',
    lastCommit: '2024-06-29T00:00:00Z',
    modules: [moduleHistory('app/big/billing/m0.ts', authors(6)), moduleHistory('app/big/tax/m120.ts', authors(9).slice(3)), moduleHistory('app/orders/order.ts', authors(2))],
  } as unknown as HistoryModel;
  history.changeSets = changeSetColumns(model, [
    { id: 'a', date: '2024-06-01T00:00:00Z', modules: ['app/orders/order.ts', 'app/orders/cart.ts'] },
    { id: 'b', date: '2024-05-01T00:00:00Z', modules: ['app/orders/order.ts', 'app/note/send.ts'] },
  ]);
  const withEndpoints = { ...model, history, modules: model.modules.map((m) => (m.id === 'app/orders/api.ts' ? { ...m, endpoints: ['GET /orders', 'POST /orders'] } : m)) };
  const d = tinyDecomposition({ big, note: ['app/note/send.ts', 'app/note/template.ts'], orders: ['app/orders/order.ts', 'app/orders/cart.ts', 'app/orders/api.ts'] }, { lines, tables: { orders: ['orders'] } });
  const size = analyzeContextSize(withEndpoints, d);
  const ctx = (id: string) => size.contexts.find((c) => c.context === id)!;

  it('checks every heuristic with its figure and limit', () => {
    expect(ctx('orders')).toMatchObject({ lines: 1800, modules: 3, tables: 1, endpoints: 2, activeAuthors: 2, verdict: 'fits' });
    expect(ctx('orders').changesPerMonth).toBeCloseTo(2 / (180 / 30), 2);
    expect(ctx('big').checks).toEqual([
      { heuristic: 'two-pizza team', value: 9, limit: SIZE_LIMITS.teamAuthors, ok: false },
      { heuristic: 'one head', value: 160, limit: SIZE_LIMITS.headModules, ok: false },
      { heuristic: 'two-week rewrite', value: 12_800, limit: SIZE_LIMITS.rewriteLines, ok: false },
      { heuristic: 'stands alone', value: 12_800, limit: SIZE_LIMITS.minLines, ok: true },
    ]);
  });

  it('suggests splitting a context that is too big along its largest folders', () => {
    expect(ctx('big')).toMatchObject({ verdict: 'too big', note: 'consider splitting along app/big/billing/ (63% of its lines), app/big/tax/ (25% of its lines), app/big/dunning/ (13% of its lines)' });
  });

  it('suggests merging a context that is too small: with its first merge in the hierarchy, else where its code edges go', () => {
    expect(ctx('note')).toMatchObject({ verdict: 'too small', note: 'merge with orders (orders): the context it has most code edges with' });
    const withMerges = analyzeContextSize(withEndpoints, { ...d, merges: [{ a: 'big', b: 'note' }] });
    expect(withMerges.contexts.find((c) => c.context === 'note')!.note).toBe('merge with big (big): the first merge of the proposal’s hierarchy');
  });
});
