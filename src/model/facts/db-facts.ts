/**
 * File-level database facts, before modules exist: schema (tables, foreign keys) and how code files
 * reach tables (accesses, joins). buildModel turns files into modules.
 */
import type { Column, Diagnostic, Evidence, SchemaSource, SkippedPath } from '../types.js';
import type { TransactionFact } from './code-facts.js';

export interface SchemaTable {
  id: string;
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** Unique constraints over two or more columns. */
  uniqueKeys?: string[][];
  declaredIn: (Evidence & { source: SchemaSource })[];
  /** Code files that declare the table as an ORM entity/model. */
  entityFiles: string[];
  undeclared?: boolean;
}

export interface SchemaForeignKey {
  from: string;
  to: string;
  fromColumns: string[];
  toColumns: string[];
  constraint?: string;
  onDelete?: string;
  source: SchemaSource;
  evidence: Evidence;
}

/** One code location that reads or writes a table. */
export interface FileTableAccess {
  file: string;
  table: string;
  mode: 'read' | 'write';
  via: 'sql' | 'fallback' | 'orm' | 'query-builder';
  evidence: Evidence;
  /** Columns the statement names on the table (lower-cased, `*` for all), when a parsed statement says. */
  columns?: string[];
}

/** One query (at a code location) that joins two tables; a < b. */
export interface FileJoin {
  file?: string;
  a: string;
  b: string;
  via: 'sql' | 'fallback' | 'orm' | 'query-builder';
  evidence: Evidence;
}

export interface DbFacts {
  dialect: { name: string; reason: string };
  tables: SchemaTable[];
  foreignKeys: SchemaForeignKey[];
  accesses: FileTableAccess[];
  joins: FileJoin[];
  statements: { parsed: number; byDialect: Record<string, number>; fallback: number; bulkSkipped: number };
  skipped: SkippedPath[];
  /** Transactions written in SQL (`BEGIN; ...; COMMIT;` in one literal). */
  transactions?: TransactionFact[];
  diagnostics: Diagnostic[];
}

const DEFAULT_SCHEMAS = new Set(['public', 'dbo', 'main']);

/** Table id: `schema.table` lower-cased, quotes stripped, default schemas left out. */
export function tableId(ref: { schema?: string | undefined; name: string }): string {
  const clean = (s: string) => s.replace(/^[`"[]|[`"\]]$/g, '').toLowerCase();
  const schema = ref.schema ? clean(ref.schema) : '';
  return schema && !DEFAULT_SCHEMAS.has(schema) ? `${schema}.${clean(ref.name)}` : clean(ref.name);
}
