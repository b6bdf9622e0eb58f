/**
 * Mermaid flowcharts with subgraphs, generated ids and entity-escaped labels; a module graph too
 * large to render legibly collapses to contexts and says so.
 */
import type { AnalysisResult } from '../../result/analysis-result.js';
import type { GraphFormat } from '../graph-format.js';
import { graphView, type GraphLevel, type GraphView } from '../graph-view.js';
import { nodesByGroup } from '../graph-text.js';

/** Mermaid label text: quotes and angle brackets as Mermaid entity codes, no line breaks. */
export function mermaidText(s: string): string {
  return s.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/[\r\n]+/g, ' ');
}

export function renderMermaid(g: GraphView, note?: string): string {
  const id = new Map(g.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const lines = ['flowchart LR'];
  if (note) lines.push(`  %% ${note.replace(/[\r\n]+/g, ' ')}`);
  const label = new Map(g.groups.map((x) => [x.id, x.label]));
  let s = 0;
  for (const [group, nodes] of nodesByGroup(g)) {
    if (group) lines.push(`  subgraph s${++s}["${mermaidText(label.get(group) ?? group)}"]`);
    for (const n of nodes) lines.push(`    ${id.get(n.id)}["${mermaidText(n.label)}"]`);
    if (group) lines.push('  end');
  }
  for (const e of g.edges) lines.push(`  ${id.get(e.source)} -->|${e.weight}| ${id.get(e.target)}`);
  return lines.join('\n') + '\n';
}

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

export const mermaidFormat: GraphFormat = {
  name: 'mermaid',
  extension: 'mmd',
  reportLevels: ['context', 'module', 'table'],
  render: mermaidFor,
};
