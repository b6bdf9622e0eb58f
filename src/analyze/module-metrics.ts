/**
 * Fan-in, fan-out and instability per module (Robert C. Martin, "Agile Software Development", 2002).
 * Input: the model's code edges of every kind (type-only imports count: they couple the code too).
 * Output per module: fanIn (Ca) = distinct modules depending on it; fanOut (Ce) = distinct modules it
 * depends on; weighted versions summing edge weights; instability I = Ce / (Ca + Ce), 0 for a module
 * with no dependencies either way (flagged `isolated` rather than dividing by zero); external packages used.
 */
import { compareStrings } from '../model/compare.js';
import { round3 } from '../model/numbers.js';
import type { SystemModel } from '../model/types.js';
import { ALL_CODE_KINDS, buildDependencyGraph } from './dependency-graph.js';

export interface ModuleMetrics {
  module: string;
  lines: number;
  fanIn: number;
  fanOut: number;
  weightedFanIn: number;
  weightedFanOut: number;
  /** Ce / (Ca + Ce), rounded to 3 decimals. */
  instability: number;
  isolated: boolean;
  externalPackages: number;
}

export interface ModuleMetricsResult {
  /** Sorted by module id. */
  modules: ModuleMetrics[];
}

export function analyzeModuleMetrics(model: SystemModel): ModuleMetricsResult {
  const graph = buildDependencyGraph(model, ALL_CODE_KINDS);
  const externals = new Map<string, number>();
  for (const ext of model.externals) {
    if (ext.kind !== 'package') continue;
    for (const { module } of ext.importedBy) externals.set(module, (externals.get(module) ?? 0) + 1);
  }
  const modules = model.modules.map((m): ModuleMetrics => {
    const ins = graph.in.get(m.id)!;
    const outs = graph.out.get(m.id)!;
    const ca = ins.length;
    const ce = outs.length;
    return {
      module: m.id,
      lines: m.lines,
      fanIn: ca,
      fanOut: ce,
      weightedFanIn: ins.reduce((n, x) => n + x.weight, 0),
      weightedFanOut: outs.reduce((n, x) => n + x.weight, 0),
      instability: ca + ce === 0 ? 0 : round3(ce / (ca + ce)),
      isolated: ca + ce === 0,
      externalPackages: externals.get(m.id) ?? 0,
    };
  });
  return { modules: modules.sort((a, b) => compareStrings(a.module, b.module)) };
}
