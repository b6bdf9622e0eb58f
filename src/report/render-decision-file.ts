/**
 * msa-split.decomposition.yaml: the decision file of the analysis (the one it was decided in, else
 * its proposal as a starting point), in the canonical text the reader reads back byte-identically.
 */
import { DECISION_FILE_NAME } from '../model/decision-file.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import type { ReportFile } from '../result/report-file.js';
import { decisionFileText } from './decision-file-text.js';
import { decisionsOfResult } from './decisions-of-result.js';

export function renderDecisionFile(result: AnalysisResult): ReportFile[] {
  const file = decisionsOfResult(result);
  return file ? [{ name: DECISION_FILE_NAME, content: decisionFileText(file) }] : [];
}
