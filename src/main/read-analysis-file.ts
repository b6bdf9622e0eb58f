/**
 * Reads a saved analysis.json for re-rendering. The user names the file, but its content is untrusted
 * (it may have been edited): a regular file within a generous size limit, valid JSON, and valid against
 * the result's JSON Schema; anything else is a UsageError that says what is wrong and where.
 */
import { readRegularFile } from '../collect/files/safe-read.js';
import { UsageError } from '../model/usage-error.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import { validateAnalysis } from '../result/validate-analysis.js';

/** The largest analysis.json read. */
const MAX_ANALYSIS_BYTES = 1024 * 1024 * 1024;

export function readAnalysisFile(file: string): AnalysisResult {
  const read = readRegularFile(file, { maxBytes: MAX_ANALYSIS_BYTES });
  if (!read.ok) throw new UsageError(`cannot read ${file}: ${read.message}`);
  let raw: unknown;
  try {
    raw = JSON.parse(read.buffer.toString('utf8'));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message.split('\n')[0]}): not an analysis.json, or a damaged one`);
  }
  return validateAnalysis(raw, file);
}
