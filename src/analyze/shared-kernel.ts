/**
 * Shared-kernel candidates: modules used from many business areas (utils, constants, common domain
 * objects). They need a decision of their own (library, duplicate, or own service) before splitting.
 * Input: the model's code edges of every kind; areas from areaOf(). Output per candidate: the distinct
 * areas (other than its own) whose modules depend on it, spread = those areas / (all areas - 1), its
 * dependents, and whether its path below the base package reads like shared code (shared/common/util/kernel/core/lib).
 * Rule: candidate when at least `minAreas` other areas depend on it (default 3, lowered to the number
 * of other areas in repositories with fewer areas, never below 2).
 */
import { compareStrings } from '../model/compare.js';
import { round3 } from '../model/numbers.js';
import type { SystemModel } from '../model/types.js';
import { areaOf as areaIn, belowBasePackage, readBasePackages } from '../model/areas.js';
import { ALL_CODE_KINDS, buildDependencyGraph } from './dependency-graph.js';

export interface SharedKernelCandidate {
  module: string;
  area: string;
  /** Areas other than its own that depend on it, sorted. */
  dependentAreas: string[];
  /** dependentAreas / (areas - 1), 3 decimals. */
  spread: number;
  /** Distinct dependent modules. */
  fanIn: number;
  /** Its path contains a folder or name typical of shared code. */
  namedShared: boolean;
}

export interface SharedKernelResult {
  /** All areas found, sorted. */
  areas: string[];
  /** The threshold applied. */
  minAreas: number;
  /** Sorted by spread (desc), fanIn (desc), module id. */
  candidates: SharedKernelCandidate[];
}

const SHARED_NAME = /(^|\/|[-_.])(shared|common|commons|util|utils|helpers?|kernel|core|lib|libs|base|constants?)([-_./]|$)/i;

export function analyzeSharedKernel(model: SystemModel, options: { minAreas?: number } = {}): SharedKernelResult {
  const basePackages = readBasePackages(model.modules.map((m) => m.id));
  const areaOf = (id: string) => areaIn(id, basePackages);
  const graph = buildDependencyGraph(model, ALL_CODE_KINDS);
  const areas = [...new Set(model.modules.map((m) => areaOf(m.id)))].sort(compareStrings);
  const others = Math.max(areas.length - 1, 0);
  const minAreas = Math.max(2, Math.min(options.minAreas ?? 3, others));
  const candidates: SharedKernelCandidate[] = [];
  if (others >= 2) {
    for (const m of model.modules) {
      const own = areaOf(m.id);
      const dependents = graph.in.get(m.id)!.map((x) => x.from);
      const dependentAreas = [...new Set(dependents.map(areaOf))].filter((a) => a !== own).sort(compareStrings);
      if (dependentAreas.length < minAreas) continue;
      candidates.push({
        module: m.id,
        area: own,
        dependentAreas,
        spread: round3(dependentAreas.length / others),
        fanIn: dependents.length,
        // Read below the base package: com/acme/core/orders/... is not shared code because the product's
        // package is named core.
        namedShared: SHARED_NAME.test(belowBasePackage(m.id, basePackages)),
      });
    }
  }
  candidates.sort((a, b) => b.spread - a.spread || b.fanIn - a.fanIn || compareStrings(a.module, b.module));
  return { areas, minAreas, candidates };
}
