/**
 * The library entry (`import { analyze } from 'msa-split'`): analyze a repository, re-render a saved
 * result, and the types of options and results. Options go through the same pipeline as the CLI's
 * flags, so a bad value throws an OptionsError listing every problem.
 */
export { analyze } from './main/analyze.js';
export { readAnalysisFile } from './main/read-analysis-file.js';
export { reproposeContexts } from './main/propose-contexts.js';
export { GRAPH_FORMAT_NAMES, GRAPH_LEVELS, REPORT_FORMAT_NAMES, renderGraph, renderReports } from './report/registry.js';
export { OptionsError } from './config/options-error.js';
export { UsageError } from './model/usage-error.js';
export type { AnalyzeOptions } from './config/options.js';
export type { AnalyzeOptionsInput } from './config/resolve-options.js';
export type { AnalysisResult, AnalysisSummary } from './result/analysis-result.js';
export type { ReportFile } from './result/report-file.js';
export type { Decomposition, Context, SystemModel, ModuleNode, Diagnostic } from './model/types.js';
export type { ProgressListener } from './model/progress.js';
