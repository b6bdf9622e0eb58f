/**
 * Text shared by the graph formats: node grouping and the escaping of XML, CSV and labels.
 */
import { compareStrings } from '../model/compare.js';
import { pushTo } from '../model/group.js';
import type { GraphView } from './graph-view.js';

/** Nodes by group ('' for ungrouped), groups in id order. */
export function nodesByGroup(g: GraphView): [string, GraphView['nodes']][] {
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

export function xmlText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
