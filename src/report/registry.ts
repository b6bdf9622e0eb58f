/**
 * Reporters by format name. An unknown name is a usage error that lists the valid ones.
 */
import { UsageError } from '../config/usage-error.js';
import { compareStrings } from '../model/compare.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import { graphView, type GraphLevel } from './graph-view.js';
import { renderCsv } from './render-csv.js';
import { renderDot, renderGraphml } from './render-graph-formats.js';
import { stableStringify } from './stable-json.js';
import { renderDotFiles } from './render-dot.js';
import { renderGraphmlFiles } from './render-graphml.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { mermaidFor, renderMermaidFiles } from './render-mermaid.js';
import { renderSvgFiles, svgFor } from './render-svg.js';
import type { ReportFile } from './report-file.js';

export type Reporter = (result: AnalysisResult) => ReportFile[] | Promise<ReportFile[]>;

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map<string, Reporter>([
  ['json', renderJson],
  ['md', renderMarkdown],
  ['html', renderHtml],
  ['dot', renderDotFiles],
  ['mermaid', renderMermaidFiles],
  ['graphml', renderGraphmlFiles],
  ['csv', renderCsv],
  ['svg', renderSvgFiles],
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
export async function renderReports(result: AnalysisResult, formats: readonly string[]): Promise<ReportFile[]> {
  const files: ReportFile[] = [];
  for (const f of checkFormats(formats)) files.push(...(await REPORTERS.get(f)!(result)));
  return files.sort((a, b) => compareStrings(a.name, b.name));
}

export const GRAPH_FORMATS = ['dot', 'mermaid', 'graphml', 'json', 'svg'];

/** One graph in one format, for `msa-split graph`. */
export async function renderGraph(result: AnalysisResult, level: GraphLevel, format: string): Promise<string> {
  if (format === 'dot') return renderDot(graphView(result, level));
  if (format === 'mermaid') return mermaidFor(result, level);
  if (format === 'graphml') return renderGraphml(graphView(result, level));
  if (format === 'svg') return svgFor(result, level);
  if (format === 'json') return stableStringify(graphView(result, level));
  throw new UsageError(`unknown graph format '${format}'; valid formats: ${GRAPH_FORMATS.join(', ')}`);
}
