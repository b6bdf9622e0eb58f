/**
 * Graph algorithms hold on chains as long as a repository can make them: 100,000 modules importing
 * one another in a line (and, in a second model, closed into one cycle) go through every code analysis
 * without a stack overflow, with the answers a line and a ring must give; a 20,000-module ring is
 * decided, scored and planned.
 */
import { describe, expect, it } from 'vitest';
import { runCodeAnalyses } from '../../src/analyze/registry.js';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { decideContexts } from '../../src/main/decide-contexts.js';
import { stronglyConnected } from '../../src/model/strongly-connected.js';
import type { SystemModel } from '../../src/model/types.js';
import { tinyModel } from '../helpers/tiny-model.js';

const N = 100_000;
const id = (i: number) => `src/part${Math.floor(i / 1000)}/m${i}.ts`;

function chain(closed: boolean, n = N): SystemModel {
  const specs: string[] = [];
  for (let i = 0; i + 1 < n; i++) specs.push(`${id(i)} -> ${id(i + 1)}`, `${id(i)} -call-> ${id(i + 1)}`);
  if (closed) specs.push(`${id(n - 1)} -> ${id(0)}`);
  return tinyModel(specs, { entryPoints: { [id(0)]: 'main' } });
}

describe('100,000-module chains', () => {
  it('finds the ring as one strongly connected component, and none in the line', () => {
    const next = (n: number) => (n + 1 < N ? [n + 1] : []);
    expect(stronglyConnected([...Array(N).keys()].map(String), (n) => next(Number(n)).map(String))).toHaveLength(N);
    const ring = stronglyConnected([...Array(N).keys()].map(String), (n) => [String((Number(n) + 1) % N)]);
    expect(ring.filter((c) => c.length > 1).map((c) => c.length)).toEqual([N]);
  });

  it('runs every code analysis on the ring: one cycle of every module, all reached from the entry point', () => {
    const ring = runCodeAnalyses(chain(true), DEFAULT_OPTIONS);
    expect(ring.cycles.modulesInCycles).toBe(N);
    expect(ring.unreferenced.modules).toEqual([]);
    expect(ring.unreferenced.entryPoints.map((e) => e.module)).toEqual([id(0)]);
  }, 120_000);

  // 20,000 here: scoring and planning walk contexts, not chains; the module-level walks are above.
  it('decides, scores and plans a decomposition of a 20,000-module ring', () => {
    const model = chain(true, 20_000);
    const analyses = runCodeAnalyses(model, DEFAULT_OPTIONS);
    const file = { version: 1 as const, contexts: [{ id: 'first', include: ['src/part0/**', 'src/part1/**'] }, { id: 'rest', include: ['src/part[2-9]/**', 'src/part1[0-9]/**'] }] };
    const decided = decideContexts(model, analyses, file, DEFAULT_OPTIONS);
    expect(decided.decomposition.contexts.map((c) => c.modules.length).reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(decided.scores.contexts).toHaveLength(decided.decomposition.contexts.length);
    expect(decided.plan.steps.length).toBeGreaterThan(0);
  }, 120_000);
});
