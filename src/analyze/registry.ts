/**
 * The analyses by name. Each is a pure function of the model; main/analyze runs them all and
 * reporters read their results by the same names.
 */
import type { AnalyzeOptions } from '../config/options.js';
import type { SystemModel } from '../model/types.js';
import { analyzeChangeCoupling } from './change-coupling.js';
import { analyzeCycles } from './cycles.js';
import { analyzeHotspots } from './hotspots.js';
import { analyzeOwnership } from './ownership.js';
import { analyzeDataCoupling } from './data-coupling.js';
import { analyzeModuleMetrics } from './module-metrics.js';
import { analyzeSharedKernel } from './shared-kernel.js';
import { analyzeUnreferenced } from './unreferenced.js';

export const CODE_ANALYSES = {
  cycles: (model: SystemModel) => analyzeCycles(model),
  moduleMetrics: (model: SystemModel) => analyzeModuleMetrics(model),
  unreferenced: (model: SystemModel) => analyzeUnreferenced(model),
  sharedKernel: (model: SystemModel, options: AnalyzeOptions) => analyzeSharedKernel(model, { minAreas: options.kernelMinAreas }),
  dataCoupling: (model: SystemModel) => analyzeDataCoupling(model),
  hotspots: (model: SystemModel) => analyzeHotspots(model),
  changeCoupling: (model: SystemModel) => analyzeChangeCoupling(model),
  ownership: (model: SystemModel) => analyzeOwnership(model),
} as const;

export type CodeAnalyses = { [K in keyof typeof CODE_ANALYSES]: ReturnType<(typeof CODE_ANALYSES)[K]> };

/** Runs every code analysis, in name order. */
export function runCodeAnalyses(model: SystemModel, options: AnalyzeOptions): CodeAnalyses {
  return {
    changeCoupling: CODE_ANALYSES.changeCoupling(model),
    cycles: CODE_ANALYSES.cycles(model),
    dataCoupling: CODE_ANALYSES.dataCoupling(model),
    hotspots: CODE_ANALYSES.hotspots(model),
    moduleMetrics: CODE_ANALYSES.moduleMetrics(model),
    ownership: CODE_ANALYSES.ownership(model),
    sharedKernel: CODE_ANALYSES.sharedKernel(model, options),
    unreferenced: CODE_ANALYSES.unreferenced(model),
  };
}
