import { describe, expect, it } from 'vitest';
import { createSqlParser, DYNAMIC_TABLE, normalizePlaceholders } from '../../../src/collect/db/parse-sql.js';
import { detectDialect } from '../../../src/collect/db/sql-dialects.js';
import { compareOrderKeys, migrationOrderKey } from '../../../src/collect/db/migration-order.js';
import { fallbackTables } from '../../../src/collect/db/fallback-tables.js';

describe('normalizePlaceholders', () => {
  it.each([
    ['SELECT * FROM t WHERE a = ? AND b = ?', 'SELECT * FROM t WHERE a = :p1 AND b = :p2'],
    ['SELECT * FROM t WHERE a = $1 AND b = $12', 'SELECT * FROM t WHERE a = :p1 AND b = :p12'],
    ['SELECT * FROM t WHERE a = ${id} AND b = ${fn({ x: 1 })}', 'SELECT * FROM t WHERE a = :p1 AND b = :p2'],
    ['SELECT * FROM ${table} WHERE a = #{id}', `SELECT * FROM ${DYNAMIC_TABLE} WHERE a = :p1`],
    ["SELECT '?', '$1' FROM t WHERE x = :name", "SELECT '?', '$1' FROM t WHERE x = :name"],
  ])('%s', (input, expected) => expect(normalizePlaceholders(input)).toBe(expected));
});

describe('createSqlParser', () => {
  it('parses in the chosen dialect and retries the others before failing', () => {
    const parser = createSqlParser('mysql');
    const pg = parser.parse('SELECT id FROM orders WHERE total > $1 RETURNING id');
    expect(pg.ok).toBe(false);
    const mysql = parser.parse('SELECT `id` FROM `orders` LIMIT 1');
    expect(mysql).toMatchObject({ ok: true, dialect: 'mysql' });
    const onlyPg = parser.parse("SELECT id FROM orders WHERE note ILIKE '%x%'");
    expect(onlyPg).toMatchObject({ ok: true, dialect: 'postgresql' });
    const oracle = parser.parse('CREATE OR REPLACE PROCEDURE p IS BEGIN NULL; END;');
    expect(oracle.ok).toBe(false);
    expect(!oracle.ok && oracle.error).toMatch(/^mysql: /);
  });
});

describe('detectDialect', () => {
  it('prefers an explicit choice, then drivers, then Prisma providers, then syntax', () => {
    expect(detectDialect({ explicit: 'sqlite', dependencies: ['pg'], prismaProviders: [], sqlSample: '' })).toEqual({ name: 'sqlite', reason: '--dialect' });
    expect(detectDialect({ dependencies: ['express', 'mysql2'], prismaProviders: [], sqlSample: '' })).toEqual({ name: 'mysql', reason: 'package.json depends on mysql2' });
    expect(detectDialect({ dependencies: [], prismaProviders: ['sqlserver'], sqlSample: '' }).name).toBe('transactsql');
    expect(detectDialect({ dependencies: [], prismaProviders: [], sqlSample: 'CREATE TABLE `a` (id int AUTO_INCREMENT)' }).name).toBe('mysql');
    expect(detectDialect({ dependencies: [], prismaProviders: [], sqlSample: 'CREATE TABLE a (id SERIAL); SELECT 1::int' }).name).toBe('postgresql');
    expect(detectDialect({ dependencies: ['pg', 'mysql2'], prismaProviders: [], sqlSample: 'CREATE TABLE `a` (x int)' })).toMatchObject({ name: 'mysql' });
    expect(detectDialect({ dependencies: [], prismaProviders: [], sqlSample: 'SELECT 1' })).toMatchObject({ name: 'postgresql', reason: expect.stringMatching(/default/) });
  });
});

describe('migrationOrderKey', () => {
  it('orders Flyway versions numerically, then other migrations, repeatables, plain SQL files', () => {
    const paths = ['schema.sql', 'db/R__views.sql', 'db/V1_10__c.sql', 'db/V2__d.sql', 'db/V1_9__b.sql', 'prisma/migrations/20240101_init/migration.sql', 'db/V1__a.sql'];
    expect(paths.map(migrationOrderKey).sort(compareOrderKeys).map((k) => k.path)).toEqual([
      'db/V1__a.sql',
      'db/V1_9__b.sql',
      'db/V1_10__c.sql',
      'db/V2__d.sql',
      'prisma/migrations/20240101_init/migration.sql',
      'db/R__views.sql',
      'schema.sql',
    ]);
  });
});

describe('fallbackTables', () => {
  it('recovers table names with a read or write mode, ignoring strings and comments', () => {
    const found = fallbackTables("MERGE INTO ledger l USING (SELECT * FROM staging.entries) s ON (1=1) -- FROM nowhere\nWHEN MATCHED THEN UPDATE SET note = 'from here'");
    expect(found.map((f) => `${f.mode} ${f.table.schema ? f.table.schema + '.' : ''}${f.table.name}`)).toEqual(['write ledger', 'read staging.entries']);
  });
});
