/** Where the decision file puts each module: explicit lists, then the most specific glob; what it leaves open. */
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/cluster/apply-decisions.js';
import { buildModuleGraph } from '../../src/cluster/build-module-graph.js';
import { placeOpenModules } from '../../src/cluster/place-open-modules.js';
import type { DecisionFile } from '../../src/model/decision-file.js';
import { tinyModel } from '../helpers/tiny-model.js';

const MODULES = [
  'src/ordering/cart.ts',
  'src/ordering/legacy/old-cart.ts',
  'src/ordering/order.ts',
  'src/payments/payment.ts',
  'src/shared/money.ts',
  'src/shared/payment-ids.ts',
  'src/jobs/retry.ts',
  'src/app/[id]/page.tsx',
  'jest.config.js',
  'src/misc/open.ts',
];

const FILE: DecisionFile = {
  version: 1,
  contexts: [
    { id: 'ordering', include: ['src/ordering/**', 'src/**/*.tsx'], exclude: ['src/ordering/legacy/**'] },
    { id: 'payments', include: ['src/payments/**', 'src/shared/payment-*.ts', 'src/ghost/**'], modules: ['src/jobs/retry.ts', 'src/gone.ts'] },
    { id: 'legacy', include: ['src/**/legacy/**'] },
  ],
  kernel: ['src/shared/**', 'src/app/[id]/page.tsx'],
};

describe('applyDecisions', () => {
  const applied = applyDecisions(MODULES, new Set(['jest.config.js']), FILE);
  const where = (m: string) => {
    const p = applied.placement.get(m);
    return p === undefined ? 'open' : p.kind === 'context' ? FILE.contexts[p.index]!.id : p.kind;
  };

  it.each([
    ['src/ordering/cart.ts', 'ordering', 'a context glob'],
    ['src/ordering/legacy/old-cart.ts', 'legacy', "excluded from ordering's glob, so the next glob that matches"],
    ['src/shared/money.ts', 'kernel', 'a kernel glob'],
    ['src/shared/payment-ids.ts', 'payments', 'a more specific glob than the kernel one (base src/shared vs the same base: file order would say kernel; the literal prefix says payments)'],
    ['src/jobs/retry.ts', 'payments', 'an explicit module'],
    ['src/app/[id]/page.tsx', 'kernel', 'a module id with glob characters, listed literally'],
    ['jest.config.js', 'open', 'tooling: no glob takes it (and it is not open either)'],
    ['src/misc/open.ts', 'open', 'nothing matches'],
  ])('%s -> %s (%s)', (module, expected) => {
    expect(where(module)).toBe(expected);
  });

  it('leaves tooling out of the open modules and warns about entries that name nothing', () => {
    expect(applied.open).toEqual(['src/misc/open.ts']);
    expect(applied.diagnostics.map((d) => d.message)).toEqual([
      'decision file: module src/gone.ts of context payments is not in this repository (renamed or deleted?)',
      'decision file: glob src/ghost/** in contexts[1].include[2] (payments) matches no module of this repository',
      // It matches the page, but the kernel lists that module by its id.
      'decision file: glob src/**/*.tsx in contexts[0].include[1] (ordering) places nothing: more specific entries take every module it matches',
    ]);
  });
});

describe('placeOpenModules', () => {
  // a and b are decided; x ties to a (3) and b (1); y ties only to x; z ties to b a little and to w a lot; w only to z.
  const model = tinyModel(['x -> a x3', 'x -> b', 'y -> x x2', 'z -> b', 'z -> w x5', 'z -call-> w x5', 'a -> b']);
  const { graph } = buildModuleGraph(model, new Set());
  const decided = new Map([
    ['a', 'ctx-a'],
    ['b', 'ctx-b'],
  ]);

  it('attaches open modules in rounds to the context holding most of their ties', () => {
    const placed = placeOpenModules(graph, decided, ['x', 'y', 'z', 'w'], ['ctx-a', 'ctx-b']);
    expect(placed.placed.get('x')?.context).toBe('ctx-a');
    expect(placed.placed.get('y')).toEqual({ context: 'ctx-a', reason: expect.stringContaining('round 2') });
    expect(placed.placed.get('z')?.context).toBe('ctx-b');
    expect(placed.unreached).toEqual([]);
  });

  it('with a minimum share, leaves modules tied mostly to other open modules for a context of their own', () => {
    const placed = placeOpenModules(graph, decided, ['x', 'y', 'z', 'w'], ['ctx-a', 'ctx-b'], 0.25);
    expect([...placed.placed.keys()].sort()).toEqual(['x', 'y']);
    expect(placed.unreached).toEqual(['w', 'z']);
  });
});
