import { describe, expect, it } from 'vitest';
import { analyzeCycles } from '../../src/analyze/cycles.js';
import { buildModuleGraph } from '../../src/cluster/build-module-graph.js';
import type { Decomposition } from '../../src/model/types.js';
import { planMigration } from '../../src/plan/plan-migration.js';
import { scoreDecomposition } from '../../src/score/score-decomposition.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('planMigration', () => {
  // core is used by everyone; edge uses core only; loop calls core and core calls loop back (a cycle).
  const model = tinyModel([
    'src/edge/e.ts -call-> src/core/c1.ts',
    'src/loop/l.ts -call-> src/core/c1.ts x4',
    'src/core/c2.ts -call-> src/loop/l.ts x2',
    'src/core/c1.ts -> src/core/c2.ts',
    'src/old/dead.ts -> src/old/dead2.ts',
  ], { entryPoints: { 'src/edge/e.ts': 'main', 'src/loop/l.ts': 'main' } });
  const d: Decomposition = {
    method: 'by hand',
    kernel: [],
    contexts: [
      { id: 'c', name: 'core', modules: ['src/core/c1.ts', 'src/core/c2.ts'], tables: [], lines: 20 },
      { id: 'e', name: 'edge', modules: ['src/edge/e.ts'], tables: [], lines: 10 },
      { id: 'l', name: 'loop', modules: ['src/loop/l.ts'], tables: [], lines: 10 },
      { id: 'o', name: 'old', modules: ['src/old/dead.ts', 'src/old/dead2.ts'], tables: [], lines: 20 },
    ],
    confidence: [],
  };
  const { graph } = buildModuleGraph(model, new Set());
  const plan = planMigration(model, d, scoreDecomposition(model, d, graph), analyzeCycles(model), new Set(['src/old/dead.ts', 'src/old/dead2.ts']));

  it('starts with a small pilot few depend on, ends with dead code to delete', () => {
    expect(plan.steps.map((s) => [s.name, s.pilot, s.deadCode])).toEqual([
      ['edge', true, false],
      ['core', false, false], // value 20 / cost 9 = 2.22
      ['loop', false, false], // value 10 / cost 2 + 0.5 x 4 + 3 x 1 = 7 -> 1.43
      ['old', false, true],
    ]);
    expect(plan.notes).toEqual(['no history signal: value = lines of code instead of change frequency', 'old: mostly dead-code candidates; remove rather than extract (listed last)']);
  });

  it('orders the steps after the pilot by business priority first (by context name or module glob), then value / cost', () => {
    const scores = scoreDecomposition(model, d, graph);
    const dead = new Set(['src/old/dead.ts', 'src/old/dead2.ts']);
    const byName = planMigration(model, d, scores, analyzeCycles(model), dead, { loop: 3 });
    expect(byName.steps.map((s) => s.name)).toEqual(['edge', 'loop', 'core', 'old']);
    expect(byName.steps[1]!.why).toMatch(/^business priority 3; value 10/);
    const byGlob = planMigration(model, d, scores, analyzeCycles(model), dead, { 'src/loop/**': 1, core: -1 });
    expect(byGlob.steps.map((s) => s.name)).toEqual(['edge', 'loop', 'core', 'old']);
    // The pilot stays the pilot; dead code stays last, whatever its priority.
    expect(planMigration(model, d, scores, analyzeCycles(model), dead, { old: 9, edge: -5 }).steps.map((s) => s.name)).toEqual(['edge', 'core', 'loop', 'old']);
    expect(plan.pilotCandidates!.map((p) => p.name)).toEqual(['edge', 'loop', 'core']);
  });

  it('lists the calls that become API calls, the remote calls and the cycle edges to break first, with numbers in the reason', () => {
    const core = plan.steps.find((s) => s.name === 'core')!;
    expect(core.becomeApiCalls.map((c) => `${c.from} -> ${c.to} x${c.count}`)).toEqual(['src/loop/l.ts -> src/core/c1.ts x4', 'src/edge/e.ts -> src/core/c1.ts x1']);
    expect(core.becomeRemoteCalls.map((c) => `${c.from} -> ${c.to} x${c.count}`)).toEqual(['src/core/c2.ts -> src/loop/l.ts x2']);
    expect(core.costParts).toEqual({ inbound: 5, outbound: 2, sharedTables: 0, foreignKeys: 0, joins: 0, cycles: 1, transactions: 0 });
    expect(core.cost).toBe(9); // 5 + 0.5 x 2 + 3 x 1
    expect(core.breakCyclesFirst.map((e) => `${e.from} -> ${e.to}`)).toEqual(['src/loop/l.ts -> src/core/c1.ts']);
    expect(core.why).toMatch(/value 20 \/ cost 9/);
  });
});
