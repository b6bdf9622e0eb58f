/**
 * A context that is mostly wiring is reported, not proposed as a service: never the pilot, listed after
 * the services, with the reason in numbers.
 */
import { describe, expect, it } from 'vitest';
import { planMigration } from '../../src/plan/plan-migration.js';
import type { Decomposition } from '../../src/model/types.js';
import { scoreDecomposition } from '../../src/score/score-decomposition.js';
import { buildModuleGraph } from '../../src/cluster/build-module-graph.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('planMigration: wiring contexts', () => {
  it('lists a mostly-configuration context last, never as the pilot', () => {
    const model = tinyModel(['w/a.module.ts -> w/b.module.ts', 'w/b.module.ts -> o/order.ts', 'o/order.ts -> o/repo.ts', 'c/customer.ts -> c/repo.ts'], { lines: { 'w/a.module.ts': 40, 'w/b.module.ts': 40, 'o/order.ts': 30, 'o/repo.ts': 30, 'c/customer.ts': 30, 'c/repo.ts': 30 } });
    model.modules = model.modules.map((m) => ({ ...m, role: { role: m.id.startsWith('w/') ? 'configuration' : 'domain', rule: 'test' } }));
    const d: Decomposition = {
      method: 'by hand',
      kernel: [],
      contexts: [
        { id: 'W', name: 'wiring', modules: ['w/a.module.ts', 'w/b.module.ts'], tables: [], lines: 80 },
        { id: 'O', name: 'orders', modules: ['o/order.ts', 'o/repo.ts'], tables: [], lines: 60 },
        { id: 'C', name: 'customers', modules: ['c/customer.ts', 'c/repo.ts'], tables: [], lines: 60 },
      ],
      confidence: [],
    };
    const { graph } = buildModuleGraph(model, new Set());
    const plan = planMigration(model, d, scoreDecomposition(model, d, graph), { cycles: [], modulesInCycles: 0, kinds: [] } as never);
    expect(plan.steps.map((s) => [s.name, s.pilot, s.wiring ?? false])).toEqual([
      [plan.steps[0]!.name, true, false],
      [plan.steps[1]!.name, false, false],
      ['wiring', false, true],
    ]);
    expect(plan.steps[2]!.why).toBe('mostly wiring (80 of 80 lines are configuration): not a service of its own; it stays with the platform or folds into the contexts it wires');
    expect(plan.notes).toContain('wiring: mostly wiring (configuration); reported, not proposed as a service (listed after the services)');
  });
});
