import type { AnalysisResult } from '../result/analysis-result.js';
import type { ReportFile } from '../result/report-file.js';
import { stableStringify } from './stable-json.js';

/** analysis.json: the whole result, re-renderable later with `msa-split report`. */
export function renderJson(result: AnalysisResult): ReportFile[] {
  return [{ name: 'analysis.json', content: stableStringify(result) }];
}
