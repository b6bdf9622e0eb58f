/**
 * The tolerant CREATE TABLE reader (used only when no dialect parses a statement), one case per
 * dialect family, and the system-catalog filter.
 */
import { describe, expect, it } from 'vitest';
import { readCreateTableTolerantly } from '../../../src/collect/db/tolerant-ddl.js';
import { isSystemCatalog } from '../../../src/collect/db/system-catalogs.js';

const read = (sql: string) => {
  const t = readCreateTableTolerantly(sql);
  return t && { table: t.table, columns: t.columns.map((c) => `${c.name}:${c.type ?? '?'}${c.nullable === false ? '!' : ''}`), pk: t.primaryKey, fks: t.foreignKeys.map((k) => `${k.columns.join()}->${k.references.schema ? `${k.references.schema}.` : ''}${k.references.name}(${k.referencedColumns.join()})`) };
};

describe('readCreateTableTolerantly', () => {
  it('SQLite: REFERENCES without a column list, column options spread over lines', () => {
    expect(read('create table monitor_tmp (\n id INTEGER not null\n primary key autoincrement,\n user_id INTEGER\n references user\n on update cascade on delete set null,\n name VARCHAR(150) default \'a,b\' not null\n)')).toEqual({
      table: { name: 'monitor_tmp' },
      columns: ['id:INTEGER!', 'user_id:INTEGER', 'name:VARCHAR!'],
      pk: ['id'],
      fks: ['user_id->user()'],
    });
  });

  it('T-SQL: [brackets], schema-qualified names, a named table constraint', () => {
    expect(read('CREATE TABLE [dbo].[Bins] ([Id] INT IDENTITY(1,1) NOT NULL PRIMARY KEY, [WarehouseId] INT NOT NULL, CONSTRAINT [FK_Bins_W] FOREIGN KEY ([WarehouseId]) REFERENCES [dbo].[Warehouses] ([Id]))')).toEqual({
      table: { schema: 'dbo', name: 'Bins' },
      columns: ['Id:INT!', 'WarehouseId:INT!'],
      pk: ['Id'],
      fks: ['WarehouseId->dbo.Warehouses(Id)'],
    });
  });

  it('MySQL: backticks, table options, indexes and a composite primary key', () => {
    expect(read('CREATE TABLE IF NOT EXISTS `order_lines` (`order_id` int(11) NOT NULL, `sku` varchar(20) NOT NULL, KEY `ix` (`sku`), PRIMARY KEY (`order_id`, `sku`), FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE) ENGINE=InnoDB /* x */ COMMENT=\'y\'')).toEqual({
      table: { name: 'order_lines' },
      columns: ['order_id:INT!', 'sku:VARCHAR!'],
      pk: ['order_id', 'sku'],
      fks: ['order_id->orders(id)'],
    });
  });

  it('PostgreSQL: a quoted name, a check constraint with commas, an exclusion constraint', () => {
    expect(read('CREATE TABLE "Booking" ("id" uuid PRIMARY KEY, room int REFERENCES rooms(id), during tsrange, CHECK (lower(during) < upper(during)), EXCLUDE USING gist (room WITH =, during WITH &&))')).toEqual({
      table: { name: 'Booking' },
      columns: ['id:UUID!', 'room:INT', 'during:TSRANGE'],
      pk: ['id'],
      fks: ['room->rooms(id)'],
    });
  });

  it('is not a table: temporary tables, other statements, an unclosed body', () => {
    expect(readCreateTableTolerantly('create table t (a int references u on delete cascade, b int, foreign key (b) references v(id) on delete set null)')!.foreignKeys.map((k) => k.onDelete)).toEqual(['cascade', 'set null']);
    expect(read('CREATE TEMPORARY TABLE scratch (id int)')).toBeUndefined();
    expect(read('create temp table scratch (id int)')).toBeUndefined();
    expect(read('CREATE INDEX ix ON t (a)')).toBeUndefined();
    expect(read('CREATE TABLE t (id int')).toBeUndefined();
  });
});

describe('isSystemCatalog', () => {
  it.each([
    ['sqlite_master', true],
    ['sqlite_sequence', true],
    ['information_schema.tables', true],
    ['pg_catalog.pg_class', true],
    ['pg_tables', true],
    ['sys.objects', true],
    ['orders', false],
    ['sales.orders', false],
    ['pg_orders_archive', false],
  ])('%s -> %s', (id, expected) => expect(isSystemCatalog(id)).toBe(expected));
});
