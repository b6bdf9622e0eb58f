/** What the ORM readers contribute: declared tables, foreign keys, and table use in code. */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { Column, Diagnostic, Evidence, SchemaSource } from '../../../model/types.js';
import type { FileJoin, FileTableAccess } from '../../../model/facts/db-facts.js';
import type { ForeignKeyFact, TableRef } from '../statement-facts.js';

export interface OrmTable {
  ref: TableRef;
  columns: Column[];
  primaryKey: string[];
  evidence: Evidence;
  source: SchemaSource;
  /** The code file that declares it (entity/model), if any. */
  file?: string;
}

export interface OrmForeignKey {
  from: TableRef;
  fk: ForeignKeyFact;
  evidence: Evidence;
  source: SchemaSource;
}

/**
 * A table reached through an entity's relation: a junction table (many-to-many), a collection table
 * (values held by the entity) or a child table (one-to-many, cascading one-to-one). Code that writes
 * the owner writes junction and collection tables, and children when `cascade`; code that reads it
 * reads those that are `eager`.
 */
export interface OrmRelation {
  from: string;
  to: string;
  kind: 'junction' | 'collection' | 'child';
  cascade: boolean;
  /** Loaded whenever the owner is (eager fetch, a secondary or parent table); lazy ones only on demand. */
  eager?: boolean;
  evidence: Evidence;
}

export interface OrmFacts {
  tables: OrmTable[];
  foreignKeys: OrmForeignKey[];
  relations: OrmRelation[];
  accesses: FileTableAccess[];
  joins: FileJoin[];
  /** Prisma datasource providers seen (a dialect signal). */
  prismaProviders: string[];
  diagnostics: Diagnostic[];
}

/** Parses a code file for the ORM readers; collectOrmFacts shares one parse per file among them. */
export type ParseSource = (file: string, text: string) => TS.SourceFile;

export const parseSource: ParseSource = (file, text) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);

/** `OrderLine` -> `order_line` (TypeORM's default table naming). */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** English plural the way Sequelize's default (inflection) makes most table names: Order -> Orders, Category -> Categories. */
export function pluralize(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return name.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(name)) return name + 'es';
  return name + 's';
}
