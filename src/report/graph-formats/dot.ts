/**
 * DOT (Graphviz): contexts as subgraph clusters; graph-<level>s.dot for every level.
 */
import type { GraphFormat } from '../graph-format.js';
import type { GraphView } from '../graph-view.js';
import { graphView } from '../graph-view.js';
import { nodesByGroup, xmlSafe } from '../graph-text.js';

export function dotString(s: string): string {
  return '"' + xmlSafe(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n') + '"';
}

export function renderDot(g: GraphView): string {
  const lines = [`digraph ${dotString(`msa-split ${g.level}s`)} {`, '  graph [rankdir=LR, fontname="Helvetica", splines=line];', '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];'];
  const label = new Map(g.groups.map((x) => [x.id, x.label]));
  for (const [group, nodes] of nodesByGroup(g)) {
    const indent = group ? '    ' : '  ';
    if (group) lines.push(`  subgraph ${dotString(`cluster_${group}`)} {`, `    label=${dotString(label.get(group) ?? group)};`);
    for (const n of nodes) lines.push(`${indent}${dotString(n.id)} [label=${dotString(n.label)}];`);
    if (group) lines.push('  }');
  }
  for (const e of g.edges) lines.push(`  ${dotString(e.source)} -> ${dotString(e.target)} [label=${dotString(String(e.weight))}, tooltip=${dotString(e.kinds.join(', '))}];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

export const dotFormat: GraphFormat = {
  name: 'dot',
  extension: 'dot',
  reportLevels: ['module', 'context', 'table'],
  render: (result, level) => renderDot(graphView(result, level)),
};
