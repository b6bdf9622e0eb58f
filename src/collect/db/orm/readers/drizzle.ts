/**
 * Drizzle ORM (schema: drizzle-tables.ts). Uses: `db.select().from(users)` reads, `db.insert(users)`,
 * `db.update(users)`, `db.delete(users)` write, `.innerJoin(posts, ...)` (and the other joins) read
 * and join; the relational API `db.query.users.findMany()` reads.
 */
import ts from '../../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { OrmReader } from '../orm-reader.js';
import { identifierName } from '../call-chains.js';
import { readDrizzleTables } from '../drizzle-tables.js';

const WRITE = /^(insert|update|delete)$/;
const JOIN = /^(innerJoin|leftJoin|rightJoin|fullJoin|crossJoin)$/;

export const drizzleReader: OrmReader = {
  name: 'drizzle',
  schemaPackages: ['drizzle-orm'],
  readSchema(_listing, texts, parse) {
    const drizzle = readDrizzleTables(texts, parse);
    return { tables: drizzle.tables, foreignKeys: drizzle.foreignKeys, names: drizzle.names };
  },
  mayUse: /\.from\(|\.insert\(|\.update\(|\.delete\(|\.query\./,
  matchChain(outer, chain, tables, sink) {
    if (tables.size === 0) return false;
    const table = (e: TS.Expression | undefined) => (e && ts.isIdentifier(e) ? tables.get(e.text) : undefined);
    const write = chain.find((l) => WRITE.test(l.name) && table(l.args[0]) !== undefined);
    const from = chain.find((l) => l.name === 'from' && table(l.args[0]) !== undefined);
    let main: string | undefined;
    if (write) {
      main = table(write.args[0])!;
      sink.write(main, outer);
    } else if (from) {
      main = table(from.args[0])!;
      sink.read(main, outer);
    } else {
      // db.query.users.findMany(...)
      const first = chain[0];
      const callee = first && ts.isCallExpression(first.node) ? first.node.expression : undefined;
      const holder = callee && ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression) && identifierName(callee.expression.expression) === 'query' ? callee.expression.name.text : undefined;
      main = holder !== undefined ? tables.get(holder) : undefined;
      if (!main || !/^find/.test(first!.name)) return false;
      sink.read(main, outer);
      return true;
    }
    for (const link of chain) {
      const joined = JOIN.test(link.name) ? table(link.args[0]) : undefined;
      if (!joined) continue;
      sink.read(joined, link.node);
      sink.join(main, joined, outer);
    }
    return true;
  },
};
