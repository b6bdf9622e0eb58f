/**
 * GraphML with label, group, size, weight and kinds attributes (Gephi and yEd read them).
 */
import type { GraphFormat } from '../graph-format.js';
import { graphView, type GraphView } from '../graph-view.js';
import { xmlText } from '../graph-text.js';

export function renderGraphml(g: GraphView): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="group" for="node" attr.name="group" attr.type="string"/>',
    '  <key id="size" for="node" attr.name="size" attr.type="double"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="kinds" for="edge" attr.name="kinds" attr.type="string"/>',
    `  <graph id="${xmlText(g.level)}" edgedefault="directed">`,
  ];
  const label = new Map(g.groups.map((x) => [x.id, x.label]));
  for (const n of g.nodes) {
    lines.push(`    <node id="${xmlText(n.id)}">`, `      <data key="label">${xmlText(n.label)}</data>`);
    if (n.group) lines.push(`      <data key="group">${xmlText(label.get(n.group) ?? n.group)}</data>`);
    lines.push(`      <data key="size">${n.size}</data>`, '    </node>');
  }
  g.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i + 1}" source="${xmlText(e.source)}" target="${xmlText(e.target)}">`, `      <data key="weight">${e.weight}</data>`, `      <data key="kinds">${xmlText(e.kinds.join(','))}</data>`, '    </edge>');
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

export const graphmlFormat: GraphFormat = {
  name: 'graphml',
  extension: 'graphml',
  reportLevels: ['module', 'context', 'table'],
  render: (result, level) => renderGraphml(graphView(result, level)),
};
