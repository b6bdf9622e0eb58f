/**
 * The table of contents of the reports: report formats and graph formats by name, each one line.
 * Loaded lazily (the SVG renderer brings a Graphviz in WebAssembly; `--help` needs none of them).
 * A new graph format is one file in graph-formats/ plus one line in GRAPH_FORMATS; with report
 * levels it is a report format too. An unknown name is a usage error listing the valid ones.
 */
import { compareStrings } from '../model/compare.js';
import { UsageError } from '../model/usage-error.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import type { ProgressListener } from '../model/progress.js';
import { graphFiles, type GraphFormat } from './graph-format.js';
import type { GraphLevel } from './graph-view.js';
import type { ReportFile } from '../result/report-file.js';
import type { AnalysisDiff } from './diff-analyses.js';
import { pushAll } from '../model/group.js';

/** What a reporter may show beside the result: the changes since an earlier analysis (`report --compare`). */
export interface ReportExtras {
  changes?: AnalysisDiff;
  /** The longest one graph layout (SVG) may take, in milliseconds (default: svg.ts's LAYOUT_BUDGET_MS). */
  layoutBudgetMs?: number;
}

export type Reporter = (result: AnalysisResult, extras?: ReportExtras) => ReportFile[] | Promise<ReportFile[]>;

/**
 * Graph formats: `msa-split graph --format <name>`; `report: true` also makes it a report format
 * (`analyze --format <name>` writes its files for the levels the format lists).
 */
const GRAPH_FORMATS: ReadonlyMap<string, { report: boolean; load: () => Promise<GraphFormat> }> = new Map([
  ['dot', { report: true, load: async () => (await import('./graph-formats/dot.js')).dotFormat }],
  ['mermaid', { report: true, load: async () => (await import('./graph-formats/mermaid.js')).mermaidFormat }],
  ['graphml', { report: true, load: async () => (await import('./graph-formats/graphml.js')).graphmlFormat }],
  ['svg', { report: true, load: async () => (await import('./graph-formats/svg.js')).svgFormat }],
  // analysis.json already answers to `--format json`: this one is for `msa-split graph` only.
  ['json', { report: false, load: async () => (await import('./graph-formats/json.js')).jsonGraphFormat }],
  ['tgf', { report: false, load: async () => (await import('./graph-formats/tgf.js')).tgfFormat }],
]);

/** Report formats that are documents rather than graphs. */
const DOCUMENT_FORMATS: ReadonlyMap<string, () => Promise<Reporter>> = new Map([
  ['json', async () => (await import('./render-json.js')).renderJson],
  ['md', async () => (await import('./render-markdown.js')).renderMarkdown],
  // The workshop's decision file (msa-split.decomposition.yaml): edit it, then analyze --decomposition.
  ['decomposition', async () => (await import('./render-decision-file.js')).renderDecisionFile],
  ['html', async () => (await import('./render-html.js')).renderHtml],
  ['csv', async () => (await import('./render-csv.js')).renderCsv],
  // The candidate model for modelling tools: Context Mapper and Structurizr.
  ['cml', async () => (await import('./render-cml.js')).renderCml],
  ['structurizr', async () => (await import('./render-structurizr.js')).renderStructurizr],
]);

/** Every report format name, in the order help and errors list them. */
export const REPORT_FORMAT_NAMES: readonly string[] = [...DOCUMENT_FORMATS.keys(), ...[...GRAPH_FORMATS].filter(([, f]) => f.report).map(([name]) => name)];
export const GRAPH_FORMAT_NAMES: readonly string[] = [...GRAPH_FORMATS.keys()];
export const GRAPH_LEVELS: readonly GraphLevel[] = ['module', 'context', 'table'];

/** Checks a list of format names; throws a UsageError naming the valid formats. */
export function checkFormats(formats: readonly string[]): string[] {
  if (formats.length === 0) throw new UsageError(`--format needs at least one format; valid formats: ${REPORT_FORMAT_NAMES.join(', ')}`);
  for (const f of formats) {
    if (!REPORT_FORMAT_NAMES.includes(f)) throw new UsageError(`unknown format '${f}'; valid formats: ${REPORT_FORMAT_NAMES.join(', ')}`);
  }
  return [...new Set(formats)];
}

async function reporterFor(name: string): Promise<Reporter> {
  const document = DOCUMENT_FORMATS.get(name);
  if (document) return document();
  const graph = GRAPH_FORMATS.get(name);
  if (graph?.report) {
    const format = await graph.load();
    return (result, extras) => graphFiles(format, result, extras?.layoutBudgetMs !== undefined ? { layoutBudgetMs: extras.layoutBudgetMs } : {});
  }
  throw new UsageError(`unknown format '${name}'; valid formats: ${REPORT_FORMAT_NAMES.join(', ')}`);
}

/** Renders the result in each format; files sorted by name. */
export async function renderReports(result: AnalysisResult, formats: readonly string[], onProgress: ProgressListener = () => {}, extras: ReportExtras = {}): Promise<ReportFile[]> {
  const files: ReportFile[] = [];
  const checked = checkFormats(formats);
  for (const [i, f] of checked.entries()) {
    onProgress({ stage: 'reports', done: i, total: checked.length, detail: f });
    pushAll(files, (await (await reporterFor(f))(result, extras)));
  }
  onProgress({ stage: 'reports', done: checked.length, total: checked.length, detail: `${checked.length} formats` });
  return files.sort((a, b) => compareStrings(a.name, b.name));
}

/** Checks a graph level and format (before any work); a UsageError names the valid ones. */
export function checkGraphRequest(level: string, format: string): GraphLevel {
  if (!(GRAPH_LEVELS as readonly string[]).includes(level)) throw new UsageError(`unknown level '${level}'; valid levels: ${GRAPH_LEVELS.join(', ')}`);
  if (!GRAPH_FORMATS.has(format)) throw new UsageError(`unknown graph format '${format}'; valid formats: ${GRAPH_FORMAT_NAMES.join(', ')}`);
  return level as GraphLevel;
}

/** One graph in one format, for `msa-split graph`. */
export async function renderGraph(result: AnalysisResult, level: GraphLevel, format: string): Promise<string> {
  checkGraphRequest(level, format);
  return (await GRAPH_FORMATS.get(format)!.load()).render(result, level);
}

/** `msa-split diff` renders through here (the CLI imports the registry, not the reporters). */
export { DIFF_FORMATS, renderDiff, type DiffFormat } from './render-diff.js';
/** `msa-split check` renders through here too. */
export { CHECK_FILE_NAMES, CHECK_FORMATS, renderBaseline, renderCheck, type CheckFormat, type CheckReport, type CheckSince } from './render-check.js';
export { diffAnalyses } from './diff-analyses.js';
