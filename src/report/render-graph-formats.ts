/**
 * Graph formats over a GraphView, each with its own quoting: DOT (clusters as subgraphs), Mermaid
 * (flowchart with subgraphs, generated ids, entity-escaped labels), GraphML (XML-escaped, with
 * attributes Gephi and yEd read), CSV (RFC 4180 quoting; cells starting with = + - @ get a leading
 * apostrophe so spreadsheets never evaluate them).
 */
import { compareStrings } from '../model/compare.js';
import { pushTo } from '../model/group.js';
import type { GraphView } from './graph-view.js';

/** Nodes by group ('' for ungrouped), groups in id order. */
function nodesByGroup(g: GraphView): [string, GraphView['nodes']][] {
  const grouped = new Map<string, GraphView['nodes']>();
  for (const n of g.nodes) pushTo(grouped, n.group ?? '', n);
  return [...grouped.entries()].sort(([a], [b]) => compareStrings(a, b));
}

/**
 * Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) replaced by
 * U+FFFD: a file or table name holding one would make the SVG and GraphML unreadable. DOT labels go
 * the same way, since Graphviz copies them into the SVG.
 */
export function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

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

export function xmlText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

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

export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
