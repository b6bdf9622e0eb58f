import type { AnalysisResult } from '../result/analysis-result.js';
import { graphView, type GraphLevel, type GraphView } from './graph-view.js';
import { renderMermaid } from './render-graph-formats.js';
import type { ReportFile } from './report-file.js';

/** Mermaid renders poorly past this many nodes: larger module graphs collapse to contexts. */
export const MERMAID_MAX_NODES = 60;

/** A Mermaid view of a level, collapsed to contexts (and saying so) when it would not render. */
export function mermaidFor(result: AnalysisResult, level: GraphLevel): string {
  const view: GraphView = graphView(result, level);
  if (view.nodes.length > MERMAID_MAX_NODES && level === 'module' && result.decomposition) {
    return renderMermaid(graphView(result, 'context'), `collapsed to contexts: ${view.nodes.length} modules is more than Mermaid renders legibly (${MERMAID_MAX_NODES}); use DOT, GraphML or SVG for modules`);
  }
  return renderMermaid(view);
}

export function renderMermaidFiles(result: AnalysisResult): ReportFile[] {
  return (['context', 'module', 'table'] as GraphLevel[]).map((level) => ({ name: `graph-${level}s.mmd`, content: mermaidFor(result, level) }));
}
