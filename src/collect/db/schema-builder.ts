/**
 * Applies schema statements in migration order and keeps the final schema.
 * Input: statement facts with their location, in order. Output: tables and foreign keys as they stand
 * after the last migration, plus diagnostics for what does not add up: a table created twice, an
 * ALTER or DROP of a table that does not exist, a foreign key to a table that never appears.
 */
import type { Diagnostic, Evidence, SchemaSource } from '../../model/types.js';
import { tableId, type SchemaForeignKey, type SchemaTable } from '../../model/facts/db-facts.js';
import type { CreateTableFact, ForeignKeyFact, StatementFacts, TableRef } from './statement-facts.js';

export class SchemaBuilder {
  private readonly tables = new Map<string, SchemaTable>();
  private foreignKeys: SchemaForeignKey[] = [];
  readonly diagnostics: Diagnostic[] = [];

  apply(facts: StatementFacts, at: Evidence, source: SchemaSource): void {
    for (const create of facts.creates) this.create(create, at, source);
    for (const alter of facts.alters) {
      const id = tableId(alter.table);
      const table = this.tables.get(id);
      if (!table) {
        this.warn('unknown-table', `ALTER TABLE ${alter.table.name}: no such table at this point of the migrations`, at);
        continue;
      }
      for (const c of alter.columns) if (!table.columns.some((x) => x.name.toLowerCase() === c.name.toLowerCase())) table.columns.push(c);
      for (const fk of alter.foreignKeys) this.addForeignKey(id, fk, at, source);
      if (alter.renameTo) this.rename(alter.table, alter.renameTo, at);
    }
    for (const r of facts.renames) this.rename(r.from, r.to, at);
    for (const drop of facts.drops) {
      const id = tableId(drop);
      if (!this.tables.delete(id)) {
        this.warn('unknown-table', `DROP TABLE ${drop.name}: no such table at this point of the migrations`, at);
        continue;
      }
      // Keys of other tables name the dropped one and point at whatever table takes its name next (the
      // SQLite rebuild: create x_tmp, drop x, rename x_tmp to x); one left dangling is reported by finish().
      this.foreignKeys = this.foreignKeys.filter((fk) => fk.from !== id);
    }
  }

  /** Declares a table from an ORM mapping (entity/model); merges with a DDL declaration of the same table. */
  declare(ref: TableRef, columns: CreateTableFact['columns'], primaryKey: string[], at: Evidence, source: SchemaSource, entityFile?: string): void {
    const id = tableId(ref);
    let table = this.tables.get(id);
    if (!table) {
      table = { id, name: ref.name, columns: [], primaryKey: [], declaredIn: [], entityFiles: [] };
      this.tables.set(id, table);
    }
    for (const c of columns) if (!table.columns.some((x) => x.name.toLowerCase() === c.name.toLowerCase())) table.columns.push(c);
    if (table.primaryKey.length === 0) table.primaryKey = primaryKey;
    table.declaredIn.push({ ...at, source });
    if (entityFile && !table.entityFiles.includes(entityFile)) table.entityFiles.push(entityFile);
  }

  addForeignKey(fromId: string, fk: ForeignKeyFact, at: Evidence, source: SchemaSource): void {
    const to = tableId(fk.references);
    const duplicate = this.foreignKeys.some((x) => x.from === fromId && x.to === to && x.fromColumns.join() === fk.columns.join());
    if (duplicate) return;
    this.foreignKeys.push({
      from: fromId,
      to,
      fromColumns: fk.columns,
      toColumns: fk.referencedColumns,
      ...(fk.constraint ? { constraint: fk.constraint } : {}),
      ...(fk.onDelete ? { onDelete: fk.onDelete } : {}),
      source,
      evidence: at,
    });
  }

  /** Tables and foreign keys after everything was applied (entity-mapped keys the DDL also declares once); unknown FK targets reported once each. */
  finish(): { tables: SchemaTable[]; foreignKeys: SchemaForeignKey[] } {
    const foreignKeys: SchemaForeignKey[] = [];
    // The DDL is the truth about keys: an entity mapping's key between two tables that the DDL already
    // links has columns guessed from naming defaults (authorId vs author_id) and is the same key.
    const declared = new Set(this.foreignKeys.filter((fk) => fk.source === 'sql' || fk.source === 'migration').map((fk) => `${fk.from}\0${fk.to}`));
    for (const fk of this.foreignKeys) {
      if (MAPPED_KEYS.has(fk.source) && declared.has(`${fk.from}\0${fk.to}`)) continue;
      if (this.tables.has(fk.to)) foreignKeys.push(fk);
      else this.warn('unknown-table', `foreign key ${fk.from}(${fk.fromColumns.join(', ')}) references ${fk.to}, which no migration or entity declares`, fk.evidence);
    }
    return { tables: [...this.tables.values()], foreignKeys };
  }

  has(id: string): boolean {
    return this.tables.has(id);
  }

  private create(create: CreateTableFact, at: Evidence, source: SchemaSource): void {
    const id = tableId(create.table);
    const existing = this.tables.get(id);
    if (existing) {
      const where = existing.declaredIn[0];
      this.warn('duplicate-table', `CREATE TABLE ${create.table.name}: already defined${where ? ` at ${where.file}:${where.line}` : ''}; the later definition replaces it`, at);
      this.foreignKeys = this.foreignKeys.filter((fk) => fk.from !== id);
    }
    this.tables.set(id, {
      id,
      name: create.table.name,
      columns: create.columns,
      primaryKey: create.primaryKey,
      ...(create.uniqueKeys ? { uniqueKeys: create.uniqueKeys } : {}),
      declaredIn: [...(existing?.declaredIn ?? []), { ...at, source }],
      entityFiles: existing?.entityFiles ?? [],
    });
    for (const fk of create.foreignKeys) this.addForeignKey(id, fk, at, source);
  }

  private rename(from: TableRef, to: TableRef, at: Evidence): void {
    const oldId = tableId(from);
    const newId = tableId(to);
    const table = this.tables.get(oldId);
    if (!table) {
      this.warn('unknown-table', `RENAME ${from.name}: no such table at this point of the migrations`, at);
      return;
    }
    this.tables.delete(oldId);
    this.tables.set(newId, { ...table, id: newId, name: to.name });
    for (const fk of this.foreignKeys) {
      if (fk.from === oldId) fk.from = newId;
      if (fk.to === oldId) fk.to = newId;
    }
  }

  private warn(code: string, message: string, at: Evidence): void {
    this.diagnostics.push({ severity: 'warning', code, message, file: at.file, line: at.line });
  }
}

/** Sources whose foreign keys come from entity mappings with naming defaults, not from the DDL. */
const MAPPED_KEYS = new Set<SchemaSource>(['typeorm', 'jpa', 'sequelize', 'objection', 'drizzle']);
