import { describe, expect, it } from 'vitest';
import { looksLikeSql } from '../../../../src/collect/code/typescript/looks-like-sql.js';

describe('looksLikeSql', () => {
  it.each([
    ['SELECT id FROM orders', true],
    ['  select * from products p join categories c on c.id = p.category_id', true],
    ['WITH recent AS (SELECT * FROM orders) SELECT * FROM recent', true],
    ['INSERT INTO orders (id) VALUES ($1)', true],
    ['UPDATE orders SET status = $1', true],
    ['DELETE FROM sessions WHERE expired', true],
    ['CREATE TABLE IF NOT EXISTS audit (id int)', true],
    ['ALTER TABLE orders ADD COLUMN note text', true],
    ['DROP TABLE coupons', true],
    ['/* hint */ SELECT 1 FROM dual', true],
    ['select a colour for the button', false],
    ['Update your profile settings', true === false],
    ['delete the file', false],
    ['create a new order', false],
    ['short', false],
    ['with love', false],
    // Tailwind class lists and prose that open with a SQL keyword.
    ['truncate flex-1', false],
    ['truncate text-sm font-medium', false],
    ['select an option from the list', false],
    ['Select the user from the table below', false],
    ['Delete from the cart.', false],
    ['create table if you want', false],
    ['drop table if you must', false],
    // ... and the real statements next to them.
    ['TRUNCATE TABLE orders', true],
    ['truncate orders, lines restart identity cascade;', true],
    ['select * from users where id = ?', true],
    ['create table t as select 1', true],
    ['DROP TABLE IF EXISTS a, b CASCADE', true],
    ['BEGIN; UPDATE stock SET n = n - 1; COMMIT;', true],
    ['begin the tour here', false],
  ])('%s -> %s', (text, expected) => {
    expect(looksLikeSql(text)).toBe(expected);
  });
});
