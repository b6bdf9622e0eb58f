/**
 * Checks a parsed analysis.json before re-rendering it: the schema version this msa-split writes,
 * and the sections every reporter reads. A problem is a UsageError that names it.
 */
import { UsageError } from '../config/usage-error.js';
import type { AnalysisResult } from '../main/analyze.js';
import { SCHEMA_VERSION } from '../model/types.js';

export function validateAnalysis(raw: unknown, where: string): AnalysisResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${where}: not an msa-split analysis (expected a JSON object)`);
  const r = raw as Record<string, unknown>;
  if (typeof r.schemaVersion !== 'number') throw new UsageError(`${where}: no schemaVersion: not an analysis.json written by msa-split analyze`);
  if (r.schemaVersion !== SCHEMA_VERSION) {
    throw new UsageError(`${where}: schema version ${r.schemaVersion}, this msa-split reads version ${SCHEMA_VERSION}; run msa-split analyze again to regenerate it`);
  }
  const model = r.model as Record<string, unknown> | undefined;
  for (const key of ['modules', 'edges', 'files', 'diagnostics']) {
    if (!model || !Array.isArray(model[key])) throw new UsageError(`${where}: model.${key} is missing or not a list: the file is damaged`);
  }
  const analyses = r.analyses as Record<string, unknown> | undefined;
  for (const key of ['cycles', 'moduleMetrics', 'sharedKernel', 'unreferenced']) {
    if (!analyses || typeof analyses[key] !== 'object') throw new UsageError(`${where}: analyses.${key} is missing: the file is damaged`);
  }
  return raw as AnalysisResult;
}
