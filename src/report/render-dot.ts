import type { AnalysisResult } from '../result/analysis-result.js';
import { GRAPH_LEVELS, graphView } from './graph-view.js';
import { renderDot } from './render-graph-formats.js';
import type { ReportFile } from './report-file.js';

/** graph-<level>.dot for modules, contexts and tables; contexts are subgraph clusters. */
export function renderDotFiles(result: AnalysisResult): ReportFile[] {
  return GRAPH_LEVELS.map((level) => ({ name: `graph-${level}s.dot`, content: renderDot(graphView(result, level)) }));
}
