/**
 * Knex-style query builders (Knex, Objection's knex, kysely-like chains): a chain that starts with
 * `<x>('table')` on a usual builder name or holds `.from/.into/.table('table')`, and at least one builder
 * method; writes when it holds insert/update/del/delete/increment/decrement/upsert/merge/truncate;
 * `.join/.leftJoin/...('other', ...)` adds a read and a join edge; names given to `.with('x', ...)`
 * are common table expressions, not tables. Kysely: `selectFrom('t')` reads, `insertInto`,
 * `updateTable`, `deleteFrom`, `replaceInto`, `mergeInto` write. No schema of its own.
 */
import ts from '../../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { OrmReader } from '../orm-reader.js';
import { stringValue } from '../call-chains.js';

const BUILDER = /^(where\w*|orWhere\w*|andWhere\w*|select|first|pluck|insert|update|del|delete|increment|decrement|returning|orderBy|groupBy|limit|offset|join|innerJoin|leftJoin|leftOuterJoin|rightJoin|fullOuterJoin|crossJoin|count|sum|max|min|upsert|merge|onConflict|truncate|distinct|having)$/;
const WRITE = /^(insert|update|del|delete|increment|decrement|upsert|merge|truncate)$/;
const JOIN = /^(join|innerJoin|leftJoin|leftOuterJoin|rightJoin|rightOuterJoin|fullOuterJoin|crossJoin)$/;
const KYSELY = /^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/;
const WITH = /^with(Recursive|Materialized|NotMaterialized)?$/;
const TABLE_NAME = /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/;
const ROOT_NAMES = new Set(['knex', 'db', 'trx', 'k', 'database', 'qb', 'sql', 'connection', 'tx', 'builder']);

const firstWord = (s: string): string => s.split(/\s+as\s+|\s+/i)[0]!;

export const queryBuilderReader: OrmReader = {
  name: 'query-builder',
  schemaPackages: [],
  readSchema: () => ({ tables: [], foreignKeys: [], names: new Map() }),
  mayUse: /\.from\(|\.into\(|\.table\(|knex|\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/,
  matchChain(outer, chain, _names, sink) {
    const names = chain.map((l) => l.name);
    // Kysely names the table and the kind of statement in one call.
    const kysely = chain.find((l) => KYSELY.test(l.name) && stringValue(l.args[0]) !== undefined);
    if (kysely) {
      const table = firstWord(stringValue(kysely.args[0])!);
      if (!TABLE_NAME.test(table)) return false;
      if (kysely.name === 'selectFrom') sink.read(table, outer, 'query-builder');
      else sink.write(table, outer, 'query-builder');
      for (const link of chain) {
        const joined = JOIN.test(link.name) && stringValue(link.args[0]) !== undefined ? firstWord(stringValue(link.args[0])!) : undefined;
        if (!joined || !TABLE_NAME.test(joined)) continue;
        sink.read(joined, link.node, 'query-builder');
        sink.join(table, joined, outer);
      }
      return true;
    }
    if (!names.some((n) => BUILDER.test(n))) return false;
    let main: string | undefined;
    // Common table expressions (`.with('ancestors', qb => ...)`) are named in the chain, never tables.
    // (also those of an enclosing chain: the recursive part of a CTE is a callback inside it).
    const cte = new Set(chain.filter((l) => WITH.test(l.name)).map((l) => stringValue(l.args[0])).filter((x): x is string => !!x));
    let depth = 0;
    for (let n: TS.Node | undefined = outer.parent; n && depth < 30; n = n.parent, depth++) {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && WITH.test(n.expression.name.text)) {
        const name = stringValue(n.arguments[0]);
        if (name) cte.add(name);
      }
    }
    const first = chain[0]!;
    const rootTable = first.args.length >= 1 ? stringValue(first.args[0]) : undefined;
    if (first.name !== '' && rootTable && TABLE_NAME.test(rootTable) && !BUILDER.test(first.name) && ROOT_NAMES.has(first.name)) main = rootTable;
    for (const link of chain) {
      const named = (link.name === 'from' || link.name === 'into' || link.name === 'table') && stringValue(link.args[0]);
      if (named) {
        const t = firstWord(named);
        if (TABLE_NAME.test(t) && !cte.has(t)) main ??= t;
      }
    }
    if (!main) return false;
    if (names.some((n) => WRITE.test(n))) sink.write(main, outer, 'query-builder');
    else sink.read(main, outer, 'query-builder');
    for (const link of chain) {
      if (!JOIN.test(link.name)) continue;
      const value = stringValue(link.args[0]);
      const joined = value === undefined ? undefined : firstWord(value);
      if (!joined || !TABLE_NAME.test(joined) || cte.has(joined)) continue;
      sink.read(joined, link.node, 'query-builder');
      sink.join(main, joined, outer);
    }
    return true;
  },
};
