/**
 * "Write these tests first": each plan step gets the tests its extraction needs before it starts.
 * Input: the plan and the test safety net of the same decomposition. Output: the plan with, per
 * step, the calls that become API calls whose calling module no test reaches (from the other
 * contexts into it, and its own calls out), the modules it moves that no test reaches, and the
 * tests that already guard it (to keep green through the move).
 */
import type { TestSafetyNet } from '../score/test-safety-net.js';
import type { MigrationPlan } from './plan-migration.js';
import { pushTo } from '../model/group.js';

export function withTestsFirst(plan: MigrationPlan, net: TestSafetyNet | undefined): MigrationPlan {
  if (!net) return plan;
  const byContext = new Map(net.contexts.map((c) => [c.context, c]));
  const inbound = new Map<string, TestSafetyNet['contexts'][number]['untestedBoundaryCalls']>();
  for (const c of net.contexts) for (const call of c.untestedBoundaryCalls) pushTo(inbound, call.toContext, call);
  return {
    ...plan,
    steps: plan.steps.map((step) => {
      const own = byContext.get(step.context);
      if (!own) return step;
      const calls = [...(inbound.get(step.context) ?? []), ...own.untestedBoundaryCalls].map(({ from, to, count }) => ({ from, to, count }));
      return {
        ...step,
        testsFirst: {
          untestedApiCalls: calls,
          untestedModules: own.untested.map((u) => u.module),
          untestedModuleCount: own.untestedCount,
          coverage: own.coverage,
          keepGreen: own.testFiles,
        },
      };
    }),
  };
}
