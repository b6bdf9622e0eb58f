/**
 * Database coupling: who owns each table, which tables are shared, which foreign keys and joins cross
 * area boundaries, which tables no code touches, and the table graph on its own.
 * Input: the model's data section (table accesses, foreign keys, joins) and areas from areaOf().
 * Output per table: accessing modules with read/write counts, accessing areas, owner candidates
 * ranked by score = 2 x writes + reads (the writer owns the data; reads break ties), the owner area
 * (top candidate; ties broken by area name), shared = accessed from 2+ areas, untouched = no access.
 * A foreign key or join crosses areas when the owner areas of its two tables differ; a join also
 * counts when a module outside both owners writes it. Table graph: connected components over
 * foreign keys and joins, degree per table. The access matrix has one row per table, one column per
 * area: R, W or RW.
 */
import { compareStrings } from '../model/compare.js';
import { pushTo } from '../model/group.js';
import type { DataEdge, Evidence, SystemModel } from '../model/types.js';
import { areasOf } from '../model/areas.js';

export interface TableUsage {
  table: string;
  declared: boolean;
  modules: { module: string; reads: number; writes: number }[];
  areas: string[];
  ownerCandidates: { area: string; reads: number; writes: number; score: number }[];
  ownerArea?: string;
  shared: boolean;
  untouched: boolean;
}

export interface CrossAreaEdge {
  kind: 'foreign-key' | 'join';
  from: string;
  to: string;
  fromArea: string;
  toArea: string;
  weight: number;
  /** For joins: the modules whose queries join them. */
  modules: string[];
  evidence: Evidence[];
}

export interface DataCouplingResult {
  tables: TableUsage[];
  /** Shared tables, most areas first. */
  sharedTables: { table: string; areas: string[]; ownerArea?: string }[];
  untouchedTables: string[];
  crossAreaForeignKeys: CrossAreaEdge[];
  crossAreaJoins: CrossAreaEdge[];
  tableGraph: { components: string[][]; degree: { table: string; foreignKeys: number; joins: number }[] };
  accessMatrix: { areas: string[]; rows: { table: string; cells: Record<string, 'R' | 'W' | 'RW'> }[] };
}

export function analyzeDataCoupling(model: SystemModel): DataCouplingResult | undefined {
  const areaOf = areasOf(model.modules.map((m) => m.id));
  const data = model.data;
  if (!data) return undefined;
  const accesses = data.edges.filter((e) => e.kind === 'table-access');
  const tables: TableUsage[] = data.tables.map((t) => {
    const byModule = new Map<string, { reads: number; writes: number }>();
    const byArea = new Map<string, { reads: number; writes: number }>();
    for (const a of accesses) {
      if (a.to !== t.id) continue;
      for (const [map, key] of [[byModule, a.from], [byArea, areaOf(a.from)]] as const) {
        const row = map.get(key) ?? { reads: 0, writes: 0 };
        if (a.mode === 'write') row.writes += a.weight;
        else row.reads += a.weight;
        map.set(key, row);
      }
    }
    const ownerCandidates = [...byArea.entries()]
      .map(([area, r]) => ({ area, ...r, score: 2 * r.writes + r.reads }))
      .sort((a, b) => b.score - a.score || compareStrings(a.area, b.area));
    const areas = [...byArea.keys()].sort(compareStrings);
    return {
      table: t.id,
      declared: !t.undeclared,
      modules: [...byModule.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([module, r]) => ({ module, ...r })),
      areas,
      ownerCandidates,
      ...(ownerCandidates[0] ? { ownerArea: ownerCandidates[0].area } : {}),
      shared: areas.length >= 2,
      untouched: byModule.size === 0,
    };
  });
  const owner = new Map(tables.map((t) => [t.table, t.ownerArea]));

  const crossing = (e: DataEdge): CrossAreaEdge | undefined => {
    const fromArea = owner.get(e.from);
    const toArea = owner.get(e.to);
    if (!fromArea || !toArea) return undefined;
    const outsider = (e.modules ?? []).some((m) => areaOf(m) !== fromArea && areaOf(m) !== toArea);
    if (fromArea === toArea && !outsider) return undefined;
    return { kind: e.kind as 'foreign-key' | 'join', from: e.from, to: e.to, fromArea, toArea, weight: e.weight, modules: e.modules ?? [], evidence: e.evidence };
  };
  const crossAreaForeignKeys = data.edges.filter((e) => e.kind === 'foreign-key').map(crossing).filter((x): x is CrossAreaEdge => !!x);
  const crossAreaJoins = data.edges.filter((e) => e.kind === 'join').map(crossing).filter((x): x is CrossAreaEdge => !!x);

  const sharedTables = tables
    .filter((t) => t.shared)
    .map((t) => ({ table: t.table, areas: t.areas, ...(t.ownerArea ? { ownerArea: t.ownerArea } : {}) }))
    .sort((a, b) => b.areas.length - a.areas.length || compareStrings(a.table, b.table));

  const allAreas = [...new Set(tables.flatMap((t) => t.areas))].sort(compareStrings);
  const rows = tables.map((t) => {
    const cells: Record<string, 'R' | 'W' | 'RW'> = {};
    for (const area of allAreas) {
      const mine = accesses.filter((a) => a.to === t.table && areaOf(a.from) === area);
      const r = mine.some((a) => a.mode === 'read');
      const w = mine.some((a) => a.mode === 'write');
      if (r || w) cells[area] = r && w ? 'RW' : w ? 'W' : 'R';
    }
    return { table: t.table, cells };
  });

  return {
    tables,
    sharedTables,
    untouchedTables: tables.filter((t) => t.untouched).map((t) => t.table),
    crossAreaForeignKeys,
    crossAreaJoins,
    tableGraph: tableGraph(data.tables.map((t) => t.id), data.edges),
    accessMatrix: { areas: allAreas, rows },
  };
}

function tableGraph(ids: string[], edges: readonly DataEdge[]): DataCouplingResult['tableGraph'] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const degree = new Map(ids.map((id) => [id, { foreignKeys: 0, joins: 0 }]));
  for (const e of edges) {
    if (e.kind === 'table-access' || !parent.has(e.from) || !parent.has(e.to)) continue;
    const [a, b] = [find(e.from), find(e.to)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    if (e.from === e.to) continue;
    for (const id of [e.from, e.to]) degree.get(id)![e.kind === 'join' ? 'joins' : 'foreignKeys']++;
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const root = find(id);
    pushTo(groups, root, id);
  }
  const components = [...groups.values()].map((g) => g.sort(compareStrings)).sort((a, b) => b.length - a.length || compareStrings(a[0]!, b[0]!));
  return { components, degree: ids.map((table) => ({ table, ...degree.get(table)! })).sort((a, b) => compareStrings(a.table, b.table)) };
}
