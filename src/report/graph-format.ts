/**
 * What a graph format provides: one graph at a level as text (`msa-split graph`), and the levels it
 * writes as report files `graph-<level>s.<extension>` (`analyze --format <name>`; none: graph only).
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import type { GraphLevel } from './graph-view.js';
import type { ReportFile } from '../result/report-file.js';

export interface GraphFormat {
  name: string;
  extension: string;
  reportLevels: readonly GraphLevel[];
  render(result: AnalysisResult, level: GraphLevel): string | Promise<string>;
}

/** The report files of a graph format, one per level. */
export async function graphFiles(format: GraphFormat, result: AnalysisResult): Promise<ReportFile[]> {
  const files: ReportFile[] = [];
  for (const level of format.reportLevels) files.push({ name: `graph-${level}s.${format.extension}`, content: await format.render(result, level) });
  return files;
}
