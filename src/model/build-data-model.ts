/**
 * Groups file-level database facts into the model's data section.
 * Input: DbFacts and the file -> module mapping. Output: tables (entity files -> modules) and data
 * edges aggregated per (kind, from, to, mode / columns): weight = occurrences, evidence sorted and capped.
 * `via` keeps the most reliable way the edge was seen (parsed SQL, ORM, query builder, fallback).
 */
import type { DbFacts } from './facts/db-facts.js';
import { compareEvidence, compareStrings, sortedUnique } from './compare.js';
import { EVIDENCE_CAP, type DataEdge, type DataModel, type TableNode } from './types.js';

/** Schema sources that declare document-store collections, not relational tables. */
const DOCUMENT_SOURCES = new Set(['mongoose', 'mongodb']);

const VIA_RANK: Record<DataEdge['via'], number> = { sql: 0, orm: 1, 'query-builder': 2, fallback: 3 };

export function buildDataModel(db: DbFacts, moduleFor: (file: string) => string): DataModel {
  const tables: TableNode[] = db.tables
    .map((t) => ({
      id: t.id,
      name: t.name,
      columns: t.columns,
      primaryKey: t.primaryKey,
      ...(t.uniqueKeys ? { uniqueKeys: t.uniqueKeys } : {}),
      declaredIn: [...t.declaredIn].sort(compareEvidence),
      entityModules: [...new Set(t.entityFiles.map(moduleFor))].sort(compareStrings),
      ...(t.undeclared ? { undeclared: true } : {}),
      ...(t.declaredIn.length > 0 && t.declaredIn.every((d) => DOCUMENT_SOURCES.has(d.source)) ? { store: 'document' as const } : t.id.startsWith('redis:') ? { store: 'key-value' as const } : {}),
    }))
    .sort((a, b) => compareStrings(a.id, b.id));

  const edges = new Map<string, DataEdge & { moduleSet?: Set<string>; fieldSet?: Set<string> }>();
  const upsert = (key: string, make: () => DataEdge, via: DataEdge['via'], evidence: DataEdge['evidence'][number], module?: string) => {
    let e = edges.get(key);
    if (!e) edges.set(key, (e = make()));
    e.weight++;
    e.evidence.push(evidence);
    if (VIA_RANK[via] < VIA_RANK[e.via]) e.via = via;
    if (module !== undefined) (e.moduleSet ??= new Set()).add(module);
  };
  for (const a of db.accesses) {
    const from = moduleFor(a.file);
    const key = `access\0${from}\0${a.table}\0${a.mode}`;
    upsert(key, () => ({ kind: 'table-access', from, to: a.table, mode: a.mode, via: a.via, weight: 0, evidence: [] }), a.via, a.evidence);
    if (a.columns) for (const c of a.columns) (edges.get(key)!.fieldSet ??= new Set()).add(c);
  }
  for (const fk of db.foreignKeys) {
    const cols = `${fk.fromColumns.join(',')}>${fk.toColumns.join(',')}`;
    upsert(
      `fk\0${fk.from}\0${fk.to}\0${cols}`,
      () => ({
        kind: 'foreign-key',
        from: fk.from,
        to: fk.to,
        columns: { from: fk.fromColumns, to: fk.toColumns, ...(fk.constraint ? { constraint: fk.constraint } : {}), ...(fk.onDelete ? { onDelete: fk.onDelete } : {}) },
        via: fk.source === 'sql' || fk.source === 'migration' ? 'sql' : 'orm',
        weight: 0,
        evidence: [],
      }),
      fk.source === 'sql' || fk.source === 'migration' ? 'sql' : 'orm',
      fk.evidence,
    );
  }
  for (const j of db.joins) {
    upsert(`join\0${j.a}\0${j.b}`, () => ({ kind: 'join', from: j.a, to: j.b, via: j.via, weight: 0, evidence: [] }), j.via, j.evidence, j.file ? moduleFor(j.file) : undefined);
  }
  const list: DataEdge[] = [...edges.values()].map(({ moduleSet, fieldSet, ...e }) => ({
    ...e,
    ...(fieldSet ? { fields: [...fieldSet].sort(compareStrings) } : {}),
    evidence: sortedUnique(e.evidence, compareEvidence).slice(0, EVIDENCE_CAP),
    ...(e.kind === 'join' ? { modules: [...(moduleSet ?? [])].sort(compareStrings) } : {}),
  }));
  list.sort(compareDataEdges);
  return { dialect: db.dialect, tables, edges: list, statements: { ...db.statements, byDialect: sortRecord(db.statements.byDialect) } };
}

export function compareDataEdges(a: DataEdge, b: DataEdge): number {
  return (
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.from, b.from) ||
    compareStrings(a.to, b.to) ||
    compareStrings(a.mode ?? '', b.mode ?? '') ||
    compareStrings(JSON.stringify(a.columns ?? {}), JSON.stringify(b.columns ?? {}))
  );
}

function sortRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => compareStrings(a, b)));
}
