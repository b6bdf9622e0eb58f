/** The saved analyses reporter goldens render from (written by scripts/save-report-inputs.js), read through the schema check. */
import { fileURLToPath } from 'node:url';
import { readAnalysisFile } from '../../src/main/read-analysis-file.js';
import type { AnalysisResult } from '../../src/result/analysis-result.js';

export function savedAnalysis(name: 'shop' | 'shop-runs5'): AnalysisResult {
  return readAnalysisFile(fileURLToPath(new URL(`../report/saved/${name}.analysis.json`, import.meta.url)));
}
