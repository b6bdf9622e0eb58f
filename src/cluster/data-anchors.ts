/**
 * Tables as anchors of the clustering: every table a module's footprint reaches becomes a node of the
 * clustering graph, tied to the modules that serve it, so modules are drawn to the data they serve
 * and each table lands in the context of its servers (data-centric decomposition).
 * Input: the footprint (data-footprint.ts), the data model (foreign keys, joins), the data weight.
 * Output: anchor edges module -> table node and table -> table node.
 * Formula: a module's pull is weight x its strongest footprint entry (1 direct, 0.5 one hop away,
 * ...), shared among its tables in proportion to strength x idf, idf(t) = ln(1 + M / df(t)) with M
 * the modules that have a footprint and df(t) those reaching t: a table every module reaches (users,
 * settings) anchors little, and a facade reaching five tables pulls each of them weakly.
 * Foreign keys and joins tie two tables at `tableTie` x weight: they are the work of a split, not
 * a reason to keep tables together, so they weigh less than a module serving the table.
 */
import { compareStrings } from '../model/compare.js';
import type { DataModel } from '../model/types.js';
import type { Footprint } from './data-footprint.js';

/** Pseudo-nodes of the clustering graph (tables, capability folders): ids start with a NUL, which no path has. */
export const isPseudoNode = (node: string) => node.startsWith('\u0000');
export const TABLE_NODE = '\u0000table:';
export const tableNode = (table: string) => `${TABLE_NODE}${table}`;
export const isTableNode = (node: string) => node.startsWith(TABLE_NODE);
export const tableOfNode = (node: string) => node.slice(TABLE_NODE.length);

export interface AnchorEdge {
  a: string;
  b: string;
  weight: number;
  kind: 'dataAnchor' | 'tableTie';
}

export function dataAnchorEdges(footprint: Footprint, data: DataModel | undefined, weight: number, tableTie = 0.25): AnchorEdge[] {
  if (weight <= 0) return [];
  const df = new Map<string, number>();
  for (const row of footprint.values()) for (const t of row.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const M = footprint.size;
  const idf = (t: string) => Math.log(1 + M / (df.get(t) ?? 1));
  const out: AnchorEdge[] = [];
  for (const [m, row] of [...footprint].sort(([a], [b]) => compareStrings(a, b))) {
    const entries = [...row].sort((x, y) => compareStrings(x[0], y[0]));
    const max = entries.reduce((m, [, v]) => Math.max(m, v), -Infinity);
    const mass = entries.reduce((s, [t, v]) => s + v * idf(t), 0);
    if (mass <= 0) continue;
    for (const [t, v] of entries) out.push({ a: m, b: tableNode(t), weight: (weight * max * v * idf(t)) / mass, kind: 'dataAnchor' });
  }
  const reached = new Set(df.keys());
  for (const e of data?.edges ?? []) {
    if ((e.kind !== 'foreign-key' && e.kind !== 'join') || e.from === e.to || !reached.has(e.from) || !reached.has(e.to)) continue;
    out.push({ a: tableNode(e.from), b: tableNode(e.to), weight: weight * tableTie, kind: 'tableTie' });
  }
  return out;
}
