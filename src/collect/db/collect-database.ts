/**
 * The database collector: schema from SQL files, migrations and ORM mappings; table accesses and joins
 * from the SQL literals, query builders and ORM calls in code.
 * Input: the file listing, the code facts (SQL literals, texts, declared dependencies), options.
 * Schema sources, applied in migration order: SQL files, SQL literals of code migrations, Knex
 * schema-builder calls (knex-schema.ts), Sequelize queryInterface migrations (sequelize-schema.ts); then ORM mappings.
 * Output: DbFacts. Every statement is parsed on its own (the splitter streams big files); a statement
 * that fails in the chosen dialect is retried in the others; one that fails in all goes to the
 * fallback table-name extractor and becomes a diagnostic naming what was recovered.
 */
import { compareStrings } from '../../model/compare.js';
import fs from 'node:fs';
import { pushTo, pushAll } from '../../model/group.js';
import type { Diagnostic, Evidence, SkippedPath } from '../../model/types.js';
import type { SqlLiteralUse, TransactionFact } from '../../model/facts/code-facts.js';
import { excerpt } from '../code/excerpt.js';
import type { FileListing, ListedFile } from '../files/list-files.js';
import { openRegularFile } from '../files/safe-read.js';
import { tableId, type DbFacts, type FileJoin, type FileTableAccess } from '../../model/facts/db-facts.js';
import { fallbackTables } from './fallback-tables.js';
import { readCreateTableTolerantly } from './tolerant-ddl.js';
import { pickVendorMethods, pickVendorVariants } from './vendor-variants.js';
import { isTestOrSampleDataPath } from '../files/test-paths.js';
import { REDIS_TABLE_PREFIX } from './orm/readers/redis.js';
import { isSystemCatalog } from './system-catalogs.js';
import { throughRelations } from './relation-reach.js';
import { summarizeParseFailures } from './summarize-parse-failures.js';
import { compareOrderKeys, isMigrationPath, migrationOrderKey } from './migration-order.js';
import { readMybatisMappers } from './mybatis-mappers.js';
import { MAY_HOLD_KNEX_SCHEMA, readKnexSchema } from './knex-schema.js';
import { MAY_HOLD_SEQUELIZE_SCHEMA, readSequelizeSchema } from './sequelize-schema.js';
import { collectOrmFacts } from './orm/collect-orm-facts.js';
import type { OrmFacts } from './orm/orm-facts.js';
import { createSqlParser, DYNAMIC_TABLE, type SqlStatementParser } from './parse-sql.js';
import { SchemaBuilder } from './schema-builder.js';
import type { Dialect } from '../../model/dialects.js';
import { detectDialect, splitterOptionsFor } from './sql-dialects.js';
import { splitStatements, StatementSplitter, type SplitStatement } from './split-statements.js';
import type { ProgressListener } from '../../model/progress.js';
import { statementFacts, type StatementFacts } from './statement-facts.js';

export interface DatabaseOptions {
  /** Dialect to try first; auto-detected when absent. */
  dialect?: string;
  /** In .sql files larger than this, INSERT/REPLACE/COPY data statements are counted, not parsed. Default 1 MiB. */
  bulkThresholdBytes: number;
}

export interface CodeInputs {
  sqlLiterals: readonly SqlLiteralUse[];
  texts: ReadonlyMap<string, string>;
  dependencies: ReadonlySet<string>;
  /** Persistence facts other adapters found (JPA entities, Spring Data repositories). */
  extraOrm?: OrmFacts;
  /** Java classes by fully qualified name, for MyBatis mapper namespaces. */
  javaClasses?: ReadonlyMap<string, string>;
  /** `check --since`: the files whose ORM uses and SQL files are wanted (ORM schemas are still read from every file). */
  scope?: ReadonlySet<string>;
}

const SQL_FILE = /\.(?:sql|ddl)$/i;
/** down(), revert(), and the vendor-specific `postgresDownQueryRunner` style. */
const ROLLBACK = /^(?:down|revert|rollback)$|[a-z](?:Down|Revert|Rollback)(?=[A-Z]|$)/;
const TX_BEGIN = new Set(['begin', 'begin transaction', 'begin work', 'start transaction']);
const TX_COMMIT = new Set(['commit', 'commit transaction', 'commit work']);
/** A short statement as lower-case words: `  BEGIN   TRANSACTION;` -> 'begin transaction'. */
const words = (text: string): string => (text.length > 40 ? '' : text.trim().replace(/;$/, '').trim().split(/\s+/).join(' ').toLowerCase());
const CODE_FILE = /\.(?:[cm]?[jt]s)$/i;
const CHUNK = 1024 * 1024;
const BULK_STATEMENT = /^\s*(?:insert|replace|copy)\b/i;

export function collectDatabase(listing: FileListing, code: CodeInputs, options: DatabaseOptions, onProgress: ProgressListener = () => {}): DbFacts {
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedPath[] = [];
  // A scoped run (check --since) parses the SQL files it looks at: the foreign keys and joins a change
  // adds are in them; the tables the decision file gives an owner need no schema to be recognised.
  const sqlFiles = listing.files.filter((f) => SQL_FILE.test(f.path) && (code.scope === undefined || code.scope.has(f.path)));
  const ts = collectOrmFacts(listing, code.texts, undefined, (detail) => onProgress({ stage: 'database', done: 0, total: 0, detail }), code.scope);
  const extra = code.extraOrm;
  const orm: OrmFacts = extra
    ? {
        tables: [...ts.tables, ...extra.tables],
        foreignKeys: [...ts.foreignKeys, ...extra.foreignKeys],
        relations: [...ts.relations, ...extra.relations],
        accesses: [...ts.accesses, ...extra.accesses],
        joins: [...ts.joins, ...extra.joins],
        prismaProviders: ts.prismaProviders,
        diagnostics: [...ts.diagnostics, ...extra.diagnostics],
      }
    : ts;
  pushAll(diagnostics, orm.diagnostics);
  // MyBatis mapper XML: their statements join the SQL literals of the mapper interfaces.
  const mappers = readMybatisMappers(listing.files.filter((f) => f.path.endsWith('.xml')), code.javaClasses ?? new Map());
  pushAll(diagnostics, mappers.diagnostics);
  const sqlLiterals: SqlLiteralUse[] = [...code.sqlLiterals, ...mappers.statements.map((s) => ({ file: s.xml, owner: s.file, line: s.line, text: s.text, callee: `mapper:${s.id}` }))];

  const dialect = detectDialect({
    ...(options.dialect ? { explicit: options.dialect } : {}),
    dependencies: code.dependencies,
    prismaProviders: orm.prismaProviders,
    sqlSample: sampleOf(sqlFiles),
  });
  // Rollback code (`down()`) undoes the migration: applying it would drop what `up()` created.
  // Per-vendor methods of one migration (postgresUpQueryRunner / sqliteUpQueryRunner) are read for one vendor.
  const migrationLiterals = pickVendorMethods(sqlLiterals.filter((l) => isMigrationPath(l.file) && !ROLLBACK.test(l.enclosing ?? '')), dialect.name);
  const schemaCode = [...code.texts].filter(([file, text]) => CODE_FILE.test(file) && (MAY_HOLD_KNEX_SCHEMA.test(text) || MAY_HOLD_SEQUELIZE_SCHEMA.test(text))).sort(([a], [b]) => compareStrings(a, b));
  // A schema shipped once per vendor (db/mysql/, migrations-sqlite/ beside migrations/) is read once.
  const variants = pickVendorVariants([...sqlFiles.map((f) => f.path), ...migrationLiterals.map((l) => l.file), ...schemaCode.map(([file]) => file)].map((path) => ({ path })), dialect.name);
  pushAll(diagnostics, variants.diagnostics);
  const readable = new Set(variants.files.map((f) => f.path));
  const parser = createSqlParser(dialect.name);
  const schema = new SchemaBuilder();
  const statements = { parsed: 0, byDialect: {} as Record<string, number>, fallback: 0, bulkSkipped: 0 };
  const count = (d: string) => {
    statements.parsed++;
    statements.byDialect[d] = (statements.byDialect[d] ?? 0) + 1;
  };

  // 1. Schema sources in migration order: SQL files and SQL literals of code migrations.
  type Source = { key: ReturnType<typeof migrationOrderKey>; run: () => void };
  const sources: Source[] = sqlFiles.filter((f) => readable.has(f.path)).map((file) => ({
    key: migrationOrderKey(file.path),
    run: () =>
      readSqlFile(file, dialect.name, options.bulkThresholdBytes, diagnostics, skipped, (st, bulk) => {
        if (bulk) {
          statements.bulkSkipped++;
          return;
        }
        const at = { file: file.path, line: st.line, text: excerpt(st.text) };
        const facts = parseOrFallback(parser, st.text, at, diagnostics, statements, count, false);
        if (facts) schema.apply(facts, at, isMigrationPath(file.path) ? 'migration' : 'sql');
      }),
  }));
  const literalsByFile = new Map<string, SqlLiteralUse[]>();
  for (const l of migrationLiterals) if (readable.has(l.file)) pushTo(literalsByFile, l.file, l);
  for (const [file, literals] of literalsByFile) {
    sources.push({
      key: { ...migrationOrderKey(file), group: 1 },
      run: () => {
        for (const lit of literals) {
          for (const st of splitStatements(lit.text, splitterOptionsFor(dialect.name))) {
            if (!splitProblems(st, file, lit.line - 1, diagnostics)) continue;
            const at = { file, line: lit.line + st.line - 1, text: excerpt(st.text) };
            const facts = parseOrFallback(parser, st.text, at, diagnostics, statements, count, false);
            if (facts) schema.apply(facts, at, 'migration');
          }
        }
      },
    });
  }
  // Knex schema-builder code (createTable/alterTable/...) in migrations and init scripts, in path order
  // among the migrations (knex_init_db.js before knex_migrations/2023-...).
  for (const [file, text] of schemaCode) {
    if (!readable.has(file)) continue;
    sources.push({
      key: { ...migrationOrderKey(file), group: 1 },
      run: () => {
        for (const step of [...readKnexSchema(file, text), ...readSequelizeSchema(file, text)].sort((a, b) => a.at.line - b.at.line)) schema.apply(step.facts, step.at, 'migration');
      },
    });
  }
  sources.sort((a, b) => compareOrderKeys(a.key, b.key));
  for (const [i, s] of sources.entries()) {
    s.run();
    if ((i + 1) % 50 === 0) onProgress({ stage: 'database', done: i + 1, total: sources.length, detail: `${statements.parsed} schema statements parsed` });
  }

  // 2. ORM mappings complete the schema (entities may describe tables no migration has).
  for (const t of orm.tables) schema.declare(t.ref, t.columns, t.primaryKey, t.evidence, t.source, t.file);
  for (const fk of orm.foreignKeys) schema.addForeignKey(tableId(fk.from), fk.fk, fk.evidence, fk.source);
  const { tables, foreignKeys } = schema.finish();
  pushAll(diagnostics, schema.diagnostics);
  const known = new Set(tables.map((t) => t.id));

  // 3. Accesses and joins from code: SQL literals (outside migrations), query builders, ORM calls.
  // ORM readers may name a table as mapped (`@Table(name = "Cargo")`): ids are lower-cased, so the
  // entity's declared table and the repository's access to it meet on one id.
  const accesses: FileTableAccess[] = orm.accesses.map((a) => ({ ...a, table: tableId({ name: a.table }) }));
  const joins: FileJoin[] = orm.joins.map((j) => {
    const [a, b] = [tableId({ name: j.a }), tableId({ name: j.b })].sort(compareStrings);
    return { ...j, a: a!, b: b! };
  });
  const transactions: TransactionFact[] = [];
  let literalsRead = 0;
  for (const lit of sqlLiterals) {
    if (++literalsRead % 500 === 0) onProgress({ stage: 'database', done: literalsRead, total: sqlLiterals.length, detail: `${statements.parsed} statements parsed` });
    if (isMigrationPath(lit.file)) continue;
    const split = splitStatements(lit.text, splitterOptionsFor(dialect.name));
    // A literal that opens a transaction and commits it (`BEGIN; UPDATE ...; COMMIT;`) is one.
    if (!lit.owner && split.length > 2 && TX_BEGIN.has(words(split[0]!.text)) && split.some((st) => TX_COMMIT.has(words(st.text)))) {
      transactions.push({ file: lit.file, line: lit.line, endLine: lit.line + split[split.length - 1]!.line - 1, ...(lit.enclosing ? { member: lit.enclosing } : {}), kind: 'BEGIN … COMMIT' });
    }
    for (const st of split) {
      if (!splitProblems(st, lit.file, lit.line - 1, diagnostics)) continue;
      const at: Evidence = { file: lit.file, line: lit.line + st.line - 1, text: excerpt(st.text) };
      const parsed = parser.parse(st.text);
      if (parsed.ok) {
        count(parsed.dialect);
        const facts = statementFacts(parsed.ast);
        if (facts.dynamicTable) {
          diagnostics.push({ severity: 'info', code: 'dynamic-table', message: 'a table name comes from a template substitution; that access cannot be attributed', file: lit.file, line: at.line });
        }
        for (const a of facts.accesses) accesses.push({ file: lit.owner ?? lit.file, table: tableId(a.table), mode: a.mode, via: 'sql', evidence: at, ...(a.columns ? { columns: a.columns } : {}) });
        for (const [x, y] of facts.joins) joins.push({ file: lit.owner ?? lit.file, a: tableId(x), b: tableId(y), via: 'sql', evidence: at });
        continue;
      }
      // A literal that only looked like SQL is dropped quietly unless the fallback finds known tables.
      const recovered = fallbackTables(st.text).filter((r) => r.table.name !== DYNAMIC_TABLE && (known.size === 0 || known.has(tableId(r.table))));
      if (recovered.length === 0) {
        diagnostics.push({ severity: 'info', code: 'sql-not-parsed', message: `looks like SQL but no dialect parses it and it names no known table: ${parsed.error}`, file: lit.file, line: at.line });
        continue;
      }
      statements.fallback++;
      diagnostics.push({
        severity: 'warning',
        code: 'sql-parse-failed',
        message: `no dialect parses this statement (${parsed.error}); tables recovered by the fallback extractor: ${recovered.map((r) => tableId(r.table)).join(', ')}`,
        file: lit.file,
        line: at.line,
      });
      for (const r of recovered) accesses.push({ file: lit.owner ?? lit.file, table: tableId(r.table), mode: r.mode, via: 'fallback', evidence: at });
    }
  }

  onProgress({ stage: 'database', done: sqlLiterals.length, total: sqlLiterals.length, detail: `${statements.parsed} statements parsed` });
  pushAll(accesses, throughRelations(accesses, orm.relations));
  // The database's own catalogs (sqlite_master, information_schema.*, pg_catalog.*) are not the domain's.
  const catalogs = new Set([...accesses.map((a) => a.table), ...joins.flatMap((j) => [j.a, j.b])].filter(isSystemCatalog));
  if (catalogs.size > 0) {
    diagnostics.push({ severity: 'info', code: 'system-catalog', message: `queries of the database's own catalogs left out of the data picture: ${[...catalogs].sort().join(', ')}` });
    removeWhere(accesses, (a) => catalogs.has(a.table));
    removeWhere(joins, (j) => catalogs.has(j.a) || catalogs.has(j.b));
  }

  // Tables declared only by tests, fixtures or seed data, and used by no product code, are theirs.
  const usedByProduct = new Set(accesses.filter((a) => !isTestOrSampleDataPath(a.file)).map((a) => a.table));
  const testOnly = new Set(tables.filter((t) => t.declaredIn.length > 0 && t.declaredIn.every((d) => isTestOrSampleDataPath(d.file)) && !usedByProduct.has(t.id)).map((t) => t.id));
  if (testOnly.size > 0) {
    diagnostics.push({ severity: 'info', code: 'test-tables', message: `tables declared only by tests, fixtures or seed data and used by no product code, left out: ${[...testOnly].sort(compareStrings).join(', ')}` });
    removeWhere(tables, (t) => testOnly.has(t.id));
    removeWhere(foreignKeys, (k) => testOnly.has(k.from) || testOnly.has(k.to));
    removeWhere(accesses, (a) => testOnly.has(a.table));
    removeWhere(joins, (j) => testOnly.has(j.a) || testOnly.has(j.b));
  }

  // Tables code uses but no schema declares still exist for the analysis, marked undeclared.
  const undeclared = new Set(accesses.map((a) => a.table).filter((t) => !known.has(t)));
  for (const j of joins) for (const t of [j.a, j.b]) if (!known.has(t)) undeclared.add(t);
  for (const id of [...undeclared].sort()) {
    tables.push({ id, name: id, columns: [], primaryKey: [], declaredIn: [], entityFiles: [], undeclared: true });
    // (A key-value store has no schema to declare its key prefixes.)
    if (known.size > 0 && !id.startsWith(REDIS_TABLE_PREFIX)) {
      const first = accesses.find((a) => a.table === id) ?? joins.find((j) => j.a === id || j.b === id);
      diagnostics.push({
        severity: 'info',
        code: 'undeclared-table',
        message: `code uses table ${id}, which no migration, schema file or entity declares`,
        ...(first ? { file: first.evidence.file, line: first.evidence.line } : {}),
      });
    }
  }
  return { dialect, tables, foreignKeys, accesses, joins, statements, skipped, diagnostics: summarizeParseFailures(diagnostics), transactions };
}

function removeWhere<T>(list: T[], drop: (x: T) => boolean): void {
  let kept = 0;
  for (const x of list) if (!drop(x)) list[kept++] = x;
  list.length = kept;
}

function parseOrFallback(
  parser: SqlStatementParser,
  text: string,
  at: Evidence,
  diagnostics: Diagnostic[],
  statements: DbFacts['statements'],
  count: (dialect: string) => void,
  quiet: boolean,
): StatementFacts | undefined {
  const parsed = parser.parse(text);
  if (parsed.ok) {
    count(parsed.dialect);
    return statementFacts(parsed.ast);
  }
  statements.fallback++;
  const tolerant = readCreateTableTolerantly(text);
  if (tolerant) {
    if (!quiet) {
      diagnostics.push({
        severity: 'info',
        code: 'ddl-read-tolerantly',
        message: `no dialect parses this CREATE TABLE (${parsed.error}); read by the tolerant DDL reader: table ${tableId(tolerant.table)}, ${tolerant.columns.length} columns, ${tolerant.foreignKeys.length} foreign keys`,
        file: at.file,
        line: at.line,
      });
    }
    return { creates: [tolerant], alters: [], drops: [], renames: [], accesses: [], joins: [], dynamicTable: false };
  }
  const recovered = fallbackTables(text);
  if (!quiet) {
    diagnostics.push({
      severity: 'warning',
      code: 'sql-parse-failed',
      message:
        `no dialect parses this statement (${parsed.error})` +
        (recovered.length > 0 ? `; tables named in it (fallback extractor, not applied to the schema): ${recovered.map((r) => tableId(r.table)).join(', ')}` : ''),
      file: at.file,
      line: at.line,
    });
  }
  return undefined;
}

/**
 * Reports what the splitter had to repair (a statement cut at the size cap, a quote that never closed)
 * and says whether the statement is still worth parsing.
 */
function splitProblems(st: SplitStatement, file: string, lineOffset: number, diagnostics: Diagnostic[]): boolean {
  if (st.cutAt !== undefined) {
    diagnostics.push({
      severity: 'warning',
      code: 'sql-statement-too-large',
      message: `a statement grew past ${st.cutAt} characters (a body that never ends?); it was cut there and the file read on from that point, so tables inside it may be missed`,
      file,
      line: lineOffset + st.line,
    });
    return false;
  }
  if (st.unterminatedQuoteLine !== undefined) {
    diagnostics.push({
      severity: 'warning',
      code: 'sql-unterminated-quote',
      message: 'a quote (or $tag$ body) opened here never closes; the statement before it is kept and the rest of the file is read on as SQL from just after it',
      file,
      line: lineOffset + st.unterminatedQuoteLine,
    });
  }
  return st.text.length > 0;
}

/** Streams one .sql file through the splitter; never holds more than one statement and one chunk. */
function readSqlFile(
  file: ListedFile,
  dialect: Dialect,
  bulkThreshold: number,
  diagnostics: Diagnostic[],
  skipped: SkippedPath[],
  onStatement: (st: SplitStatement, bulk: boolean) => void,
): void {
  const opened = openRegularFile(file.absolutePath, { resolved: true });
  if (!opened.ok) {
    const notRegular = opened.refusal === 'not-a-regular-file';
    diagnostics.push({ severity: notRegular ? 'warning' : 'error', code: notRegular ? 'not-a-regular-file' : 'unreadable-file', message: opened.message, file: file.path });
    return;
  }
  const fd = opened.fd;
  try {
    const buffer = Buffer.alloc(CHUNK);
    // UTF-8 until a byte sequence says otherwise; then Windows-1252 (every byte decodes) for the rest.
    let decoder = new TextDecoder('utf-8', { fatal: true });
    let latin1 = false;
    const decode = (chunk?: Buffer): string => {
      if (latin1) return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      try {
        return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        latin1 = true;
        decoder = new TextDecoder('windows-1252');
        diagnostics.push({ severity: 'warning', code: 'not-utf8', message: 'not valid UTF-8; read as Latin-1 (Windows-1252) from the first invalid chunk on', file: file.path });
        return chunk ? decoder.decode(chunk, { stream: true }) : '';
      }
    };
    const splitter = new StatementSplitter(splitterOptionsFor(dialect));
    const big = file.bytes > bulkThreshold;
    let total = 0;
    let first = true;
    let any = false;
    const handle = (list: SplitStatement[]) => {
      for (const st of list) {
        any = true;
        if (!splitProblems(st, file.path, 0, diagnostics)) continue;
        onStatement(st, big && (st.copyData === true || BULK_STATEMENT.test(st.text)));
      }
    };
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      const chunk = buffer.subarray(0, n);
      if (first && chunk.subarray(0, 8192).includes(0)) {
        diagnostics.push({ severity: 'warning', code: 'binary-file', message: 'skipped: binary content (NUL bytes) in a .sql file', file: file.path });
        skipped.push({ path: file.path, reason: 'binary' });
        return;
      }
      first = false;
      total += n;
      handle(splitter.push(decode(chunk)));
    }
    handle(splitter.push(decode()));
    handle(splitter.end());
    if (total === 0 || !any) {
      diagnostics.push({ severity: 'info', code: 'empty-sql-file', message: 'no SQL statement in this file', file: file.path });
    }
  } finally {
    fs.closeSync(fd);
  }
}

function sampleOf(files: readonly ListedFile[]): string {
  let sample = '';
  for (const f of files) {
    if (sample.length > 256 * 1024) break;
    const opened = openRegularFile(f.absolutePath, { resolved: true });
    if (!opened.ok) continue;
    try {
      const buffer = Buffer.alloc(Math.min(opened.size, 32 * 1024));
      const n = fs.readSync(opened.fd, buffer, 0, buffer.length, 0);
      if (!buffer.subarray(0, n).includes(0)) sample += buffer.subarray(0, n).toString('utf8') + '\n';
    } catch {
      // Unreadable files are reported when they are read for real.
    } finally {
      fs.closeSync(opened.fd);
    }
  }
  return sample;
}

