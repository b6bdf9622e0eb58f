/**
 * Drizzle ORM schemas: `export const users = pgTable('users', { ... })` (mysqlTable, sqliteTable,
 * pgTable, and a schema's `.table(...)`). Input: code file texts (files mentioning one of those
 * calls). Output: one table per call, named by its first argument; columns are the keys of the second;
 * `integer('author_id').references(() => users.id)` becomes a foreign key. Code names: the variable
 * the table is assigned to (what queries pass to `db.select().from(users)`).
 */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { OrmForeignKey, OrmTable } from './orm-facts.js';
import { parseSource, type ParseSource } from './orm-facts.js';
import { stringValue } from './call-chains.js';

const TABLE_FUNCTIONS = /^(pgTable|mysqlTable|sqliteTable|singlestoreTable)$/;

export function readDrizzleTables(texts: ReadonlyMap<string, string>, parse: ParseSource = parseSource): { tables: OrmTable[]; foreignKeys: OrmForeignKey[]; names: Map<string, string> } {
  const tables: OrmTable[] = [];
  const names = new Map<string, string>();
  const pending: { from: string; column: string; target: string; column2: string; evidence: OrmTable['evidence'] }[] = [];
  for (const [file, text] of texts) {
    if (!/(pgTable|mysqlTable|sqliteTable|singlestoreTable)\(/.test(text) || !text.includes('drizzle-orm')) continue;
    const sf = parse(file, text);
    const visit = (node: TS.Node): void => {
      if (ts.isCallExpression(node) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
        const callee = node.expression;
        const fn = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && callee.name.text === 'table' ? 'table' : '';
        const table = stringValue(node.arguments[0]);
        const columnsArg = node.arguments[1];
        if ((TABLE_FUNCTIONS.test(fn) || fn === 'table') && table && columnsArg && ts.isObjectLiteralExpression(columnsArg)) {
          const evidence = { file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: `${fn}('${table}')` };
          names.set(node.parent.name.text, table);
          const columns: OrmTable['columns'] = [];
          const primaryKey: string[] = [];
          for (const p of columnsArg.properties) {
            if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
            // `integer('author_id').notNull().references(() => users.id)`: walk the chain down to its root call.
            const links: TS.CallExpression[] = [];
            let root: TS.Expression = p.initializer;
            while (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression)) {
              links.push(root);
              root = root.expression.expression;
            }
            const linkNamed = (name: string) => links.find((l) => (l.expression as TS.PropertyAccessExpression).name.text === name);
            // The column's name is the builder's first argument, else the key.
            const column = (ts.isCallExpression(root) ? stringValue(root.arguments[0]) : undefined) ?? p.name.text;
            columns.push({ name: column });
            if (linkNamed('primaryKey')) primaryKey.push(column);
            const target = linkNamed('references')?.arguments[0];
            const body = target && ts.isArrowFunction(target) ? target.body : undefined;
            if (body && ts.isPropertyAccessExpression(body) && ts.isIdentifier(body.expression)) pending.push({ from: table, column, target: body.expression.text, column2: body.name.text, evidence });
          }
          tables.push({ ref: { name: table }, columns, primaryKey, evidence, source: 'drizzle', file });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const foreignKeys: OrmForeignKey[] = pending
    .filter((p) => names.has(p.target))
    .map((p) => ({ from: { name: p.from }, fk: { columns: [p.column], references: { name: names.get(p.target)! }, referencedColumns: [p.column2] }, evidence: p.evidence, source: 'drizzle' }));
  return { tables, foreignKeys, names };
}
