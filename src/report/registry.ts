/**
 * Reporters by format name. An unknown name is a usage error that lists the valid ones.
 */
import { UsageError } from '../config/usage-error.js';
import type { AnalysisResult } from '../main/analyze.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import type { ReportFile } from './report-file.js';

export type Reporter = (result: AnalysisResult) => ReportFile[];

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map<string, Reporter>([
  ['json', renderJson],
  ['md', renderMarkdown],
]);

/** Checks a list of format names; throws a UsageError naming the valid formats. */
export function checkFormats(formats: readonly string[]): string[] {
  if (formats.length === 0) throw new UsageError(`--format needs at least one format; valid formats: ${[...REPORTERS.keys()].join(', ')}`);
  for (const f of formats) {
    if (!REPORTERS.has(f)) throw new UsageError(`unknown format '${f}'; valid formats: ${[...REPORTERS.keys()].join(', ')}`);
  }
  return [...new Set(formats)];
}

/** Renders the result in each format; files sorted by name. */
export function renderReports(result: AnalysisResult, formats: readonly string[]): ReportFile[] {
  return checkFormats(formats)
    .flatMap((f) => REPORTERS.get(f)!(result))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
