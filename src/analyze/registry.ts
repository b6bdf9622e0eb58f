/**
 * The analyses by name. Each is a pure function of the model; main/analyze runs them all and
 * reporters read their results by the same names.
 */
import type { AnalyzeOptions } from '../config/options.js';
import type { SystemModel } from '../model/types.js';
import { analyzeChangeCoupling, type ChangeCouplingResult } from './change-coupling.js';
import { analyzeCycles, type CyclesResult } from './cycles.js';
import { analyzeHotspots, type HotspotsResult } from './hotspots.js';
import { analyzeOwnership, type OwnershipResult } from './ownership.js';
import { analyzeDataCoupling, type DataCouplingResult } from './data-coupling.js';
import { analyzeModuleMetrics, type ModuleMetricsResult } from './module-metrics.js';
import { analyzeSharedKernel, type SharedKernelResult } from './shared-kernel.js';
import { analyzeUnreferenced, type UnreferencedResult } from './unreferenced.js';

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

/** Every analysis's result by name (absent when its signal is missing: no history, no database). */
export interface CodeAnalyses {
  changeCoupling?: ChangeCouplingResult;
  cycles: CyclesResult;
  dataCoupling?: DataCouplingResult;
  hotspots?: HotspotsResult;
  moduleMetrics: ModuleMetricsResult;
  ownership?: OwnershipResult;
  sharedKernel: SharedKernelResult;
  unreferenced: UnreferencedResult;
}

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
