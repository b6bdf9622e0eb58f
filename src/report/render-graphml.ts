import type { AnalysisResult } from '../result/analysis-result.js';
import { GRAPH_LEVELS, graphView } from './graph-view.js';
import { renderGraphml } from './render-graph-formats.js';
import type { ReportFile } from './report-file.js';

/** graph-<level>.graphml with label, group, size, weight and kinds attributes (Gephi and yEd read them). */
export function renderGraphmlFiles(result: AnalysisResult): ReportFile[] {
  return GRAPH_LEVELS.map((level) => ({ name: `graph-${level}s.graphml`, content: renderGraphml(graphView(result, level)) }));
}
