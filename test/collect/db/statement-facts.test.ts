import { describe, expect, it } from 'vitest';
import { createSqlParser } from '../../../src/collect/db/parse-sql.js';
import { statementFacts } from '../../../src/collect/db/statement-facts.js';
import type { Dialect } from '../../../src/model/dialects.js';

function facts(sql: string, dialect: Dialect = 'postgresql') {
  const r = createSqlParser(dialect).parse(sql);
  if (!r.ok) throw new Error(r.error);
  return statementFacts(r.ast);
}
const accessList = (sql: string, d?: Dialect) => facts(sql, d).accesses.map((a) => `${a.mode[0]}:${a.table.name}`);
const joinList = (sql: string) => facts(sql).joins.map(([a, b]) => `${a.name}-${b.name}`);

describe('statementFacts: DDL', () => {
  it('reads columns, primary keys and inline / table-level foreign keys, in PostgreSQL and MySQL shapes', () => {
    for (const dialect of ['postgresql', 'mysql'] as Dialect[]) {
      const f = facts('CREATE TABLE shop.orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers (id), note TEXT, CONSTRAINT fk_a FOREIGN KEY (note) REFERENCES notes (id))', dialect);
      expect(f.creates).toHaveLength(1);
      const c = f.creates[0]!;
      expect(c.table).toEqual({ schema: 'shop', name: 'orders' });
      expect(c.columns).toEqual([
        { name: 'id', type: 'INT', nullable: false },
        { name: 'customer_id', type: 'INT', nullable: false },
        { name: 'note', type: 'TEXT' },
      ]);
      expect(c.primaryKey).toEqual(['id']);
      expect(c.foreignKeys).toEqual([
        { columns: ['customer_id'], references: { name: 'customers' }, referencedColumns: ['id'] },
        { columns: ['note'], references: { name: 'notes' }, referencedColumns: ['id'], constraint: 'fk_a' },
      ]);
    }
  });

  it('reads ALTER TABLE ... ADD CONSTRAINT FOREIGN KEY, ADD COLUMN, RENAME, DROP TABLE and RENAME TABLE', () => {
    expect(facts('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (a_id) REFERENCES addresses (id)').alters[0]!.foreignKeys).toEqual([
      { columns: ['a_id'], references: { name: 'addresses' }, referencedColumns: ['id'], constraint: 'fk' },
    ]);
    expect(facts('ALTER TABLE orders ADD COLUMN note TEXT').alters[0]!.columns).toEqual([{ name: 'note', type: 'TEXT' }]);
    expect(facts('ALTER TABLE public.orders RENAME TO old_orders').alters[0]!.renameTo).toEqual({ schema: 'public', name: 'old_orders' });
    expect(facts('DROP TABLE coupons').drops).toEqual([{ name: 'coupons' }]);
    expect(facts('RENAME TABLE a TO b', 'mysql').renames).toEqual([{ from: { name: 'a' }, to: { name: 'b' } }]);
  });
});

describe('statementFacts: DML', () => {
  it.each([
    ['SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id', ['r:orders', 'r:customers']],
    ['INSERT INTO archive (id) SELECT id FROM orders WHERE id IN (SELECT order_id FROM payments)', ['w:archive', 'r:orders', 'r:payments']],
    ['UPDATE stock s SET qty = s.qty - r.qty FROM reservations r WHERE r.sku = s.sku', ['w:stock', 'r:reservations']],
    ['DELETE FROM sessions WHERE expires < now()', ['w:sessions']],
    ['WITH recent AS (SELECT * FROM orders) SELECT * FROM recent r JOIN customers c ON c.id = r.customer_id', ['r:orders', 'r:customers']],
  ])('%s', (sql, expected) => expect(accessList(sql)).toEqual(expected));

  it('pairs joined tables through ON equalities, WHERE equalities (implicit joins, UPDATE ... FROM) and USING', () => {
    expect(joinList('SELECT * FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id')).toEqual([
      'order_lines-orders',
      'order_lines-products',
    ]);
    expect(joinList('SELECT * FROM orders o, customers c WHERE o.customer_id = c.id AND o.id = $1')).toEqual(['customers-orders']);
    expect(joinList('UPDATE stock s SET qty = 1 FROM reservations r WHERE r.sku = s.sku')).toEqual(['reservations-stock']);
    expect(joinList('SELECT * FROM orders JOIN payments USING (order_id)')).toEqual(['orders-payments']);
    expect(joinList('SELECT * FROM orders WHERE id = 1')).toEqual([]);
  });

  it('flags a table name that comes from a template substitution', () => {
    const f = facts('SELECT * FROM ${table} WHERE id = ${id}');
    expect(f.dynamicTable).toBe(true);
    expect(f.accesses).toEqual([]);
  });
});

describe('statementFacts: columns per table', () => {
  const columns = (sql: string) => Object.fromEntries(facts(sql).accesses.map((a) => [`${a.mode[0]}:${a.table.name}`, a.columns ?? []]));

  it('names the columns of each table through aliases, and all of them for *', () => {
    expect(columns('SELECT p.name AS product_name, s.on_hand FROM stock_items s JOIN products p ON p.id = s.product_id WHERE s.warehouse_id = $1')).toEqual({
      'r:stock_items': ['on_hand', 'product_id', 'warehouse_id'],
      'r:products': ['id', 'name'],
    });
    expect(columns('SELECT * FROM products WHERE id = 1')).toEqual({ 'r:products': ['*', 'id'] });
    expect(columns('SELECT p.* FROM products p')).toEqual({ 'r:products': ['*'] });
  });

  it('reads INSERT column lists and UPDATE targets on the written table; unqualified columns of a join name no table', () => {
    expect(columns('INSERT INTO order_lines (order_id, product_id) VALUES ($1, $2)')).toEqual({ 'w:order_lines': ['order_id', 'product_id'] });
    expect(columns('UPDATE products SET price_cents = $1 WHERE id = $2')).toEqual({ 'w:products': ['id', 'price_cents'] });
    expect(columns('SELECT name FROM orders o JOIN customers c ON o.customer_id = c.id')).toEqual({ 'r:orders': ['customer_id'], 'r:customers': ['id'] });
  });
});

