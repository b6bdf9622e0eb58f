/**
 * What a graph format provides: one graph at a level as text (`msa-split graph`), and the levels it
 * writes as report files `graph-<level>s.<extension>` (`analyze --format <name>`; none: graph only).
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import type { GraphLevel } from './graph-view.js';
import type { ReportFile } from '../result/report-file.js';

/** How a graph is drawn (formats that lay graphs out read it). */
export interface GraphRenderOptions {
  /** The longest one layout may take, in milliseconds. */
  layoutBudgetMs?: number;
}

export interface GraphFormat {
  name: string;
  extension: string;
  reportLevels: readonly GraphLevel[];
  render(result: AnalysisResult, level: GraphLevel, options?: GraphRenderOptions): string | Promise<string>;
}

/** The report files of a graph format, one per level. */
export async function graphFiles(format: GraphFormat, result: AnalysisResult, options: GraphRenderOptions = {}): Promise<ReportFile[]> {
  const files: ReportFile[] = [];
  for (const level of format.reportLevels) files.push({ name: `graph-${level}s.${format.extension}`, content: await format.render(result, level, options) });
  return files;
}
