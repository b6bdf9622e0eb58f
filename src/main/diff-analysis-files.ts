/** `msa-split diff OLD.json NEW.json`: both saved analyses read through the schema check, then compared (report/diff-analyses.ts). */
import { diffAnalyses, type AnalysisDiff } from '../report/diff-analyses.js';
import { readAnalysisFile } from './read-analysis-file.js';

export function diffAnalysisFiles(oldFile: string, newFile: string): AnalysisDiff {
  return diffAnalyses(readAnalysisFile(oldFile), readAnalysisFile(newFile));
}
