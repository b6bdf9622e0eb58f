/**
 * Knex's schema builder in JS/TS migrations and init scripts, read as DDL.
 * Input: a code file's text. Output: one StatementFacts per schema call, in source order, for the
 * migration-ordered schema pipeline (collect-database.ts), the same facts a CREATE/ALTER/DROP statement gives:
 * - `<x>.schema.createTable('t', (t) => { ... })` (and createTableIfNotExists) -> a table; in the callback,
 *   `t.<type>('col')` declares a column (`.notNullable()`, `.primary()`), `t.increments('id')` a primary
 *   key, `t.primary(['a', 'b'])` a composite one, `.references('id').inTable('u')` /
 *   `.references('u.id')` on a column or `t.foreign('col').references(...)` a foreign key;
 * - `alterTable('t', cb)` / `table('t', cb)` -> added columns and foreign keys;
 * - `dropTable('t')` / `dropTableIfExists('t')`, `renameTable('a', 'b')`.
 * Only chains that go through `.schema` count (so `array.table(...)` or a UI `createTable` does not);
 * calls inside a `down`/`rollback` function are skipped (they undo the migration).
 */
import ts from '../typescript-runtime.js';
import type * as TS from 'typescript';
import type { Evidence } from '../../model/types.js';
import { excerpt } from '../code/excerpt.js';
import type { CreateTableFact, ForeignKeyFact, StatementFacts, TableRef } from './statement-facts.js';
import { parseSource, type ParseSource } from './orm/orm-facts.js';
import { isInnerOfChain, stringValue } from './orm/call-chains.js';

const SCHEMA_CALL = /\.(?:createTable|alterTable|table|dropTable|dropTableIfExists|renameTable|createTableIfNotExists)\(/;

/** A cheap test on a file's text before parsing it (two linear scans). */
export const MAY_HOLD_KNEX_SCHEMA = { test: (text: string): boolean => text.includes('.schema') && SCHEMA_CALL.test(text) };

const COLUMN_TYPES = new Set([
  'increments', 'bigIncrements', 'integer', 'bigInteger', 'bigint', 'tinyint', 'smallint', 'mediumint', 'text', 'string', 'float', 'double',
  'decimal', 'boolean', 'date', 'datetime', 'dateTime', 'time', 'timestamp', 'binary', 'enum', 'enu', 'json', 'jsonb', 'uuid', 'specificType', 'geometry', 'point',
]);
const SCHEMA_CALLS = new Set(['createTable', 'createTableIfNotExists', 'alterTable', 'table', 'dropTable', 'dropTableIfExists', 'renameTable']);
const ROLLBACK = /^(down|rollback|revert)$/i;

export interface KnexSchemaStep {
  facts: StatementFacts;
  at: Evidence;
}

export function readKnexSchema(file: string, text: string, parse: ParseSource = parseSource): KnexSchemaStep[] {
  if (!MAY_HOLD_KNEX_SCHEMA.test(text)) return [];
  const sf = parse(file, text);
  const steps: KnexSchemaStep[] = [];
  const at = (n: TS.Node): Evidence => ({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: excerpt(n.getText(sf)) });
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SCHEMA_CALLS.has(node.expression.name.text) && throughSchema(node.expression.expression) && !inRollback(node)) {
      const facts = schemaCall(node.expression.name.text, node.arguments);
      if (facts) steps.push({ facts, at: at(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // Chained calls (`knex.schema.createTable(a).createTable(b)`) are visited outermost first: restore source order.
  return steps.sort((a, b) => a.at.line - b.at.line);
}

function empty(): StatementFacts {
  return { creates: [], alters: [], drops: [], renames: [], accesses: [], joins: [], dynamicTable: false };
}

function schemaCall(method: string, args: readonly TS.Expression[]): StatementFacts | undefined {
  const name = stringValue(args[0]);
  if (!name) return undefined;
  const facts = empty();
  const table = ref(name);
  if (method === 'dropTable' || method === 'dropTableIfExists') facts.drops.push(table);
  else if (method === 'renameTable') {
    const to = stringValue(args[1]);
    if (!to) return undefined;
    facts.renames.push({ from: table, to: ref(to) });
  } else {
    const body = readCallback(args[1]);
    if (method === 'createTable' || method === 'createTableIfNotExists') facts.creates.push({ table, ...body });
    else facts.alters.push({ table, columns: body.columns, foreignKeys: body.foreignKeys });
  }
  return facts;
}

function ref(name: string): TableRef {
  const dot = name.indexOf('.');
  return dot > 0 ? { schema: name.slice(0, dot), name: name.slice(dot + 1) } : { name };
}

/** The columns, primary key and foreign keys a createTable/alterTable callback declares. */
function readCallback(callback: TS.Expression | undefined): Omit<CreateTableFact, 'table'> {
  const out: Omit<CreateTableFact, 'table'> = { columns: [], primaryKey: [], foreignKeys: [] };
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return out;
  const param = callback.parameters[0]?.name;
  if (!param || !ts.isIdentifier(param)) return out;
  const builder = param.text;
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) && !isInnerOfChain(node)) {
      const links = chainFrom(node, builder);
      if (links) readColumnChain(links, out);
    }
    ts.forEachChild(node, visit);
  };
  visit(callback.body);
  return out;
}

interface Link {
  name: string;
  args: readonly TS.Expression[];
}

function readColumnChain(links: readonly Link[], out: Omit<CreateTableFact, 'table'>): void {
  const [head, ...rest] = links as [Link, ...Link[]];
  const has = (n: string) => rest.find((l) => l.name === n);
  const strings = (e: TS.Expression | undefined) => (e && ts.isArrayLiteralExpression(e) ? e.elements.map((x) => stringValue(x)).filter((x): x is string => !!x) : [stringValue(e)].filter((x): x is string => !!x));
  if (head.name === 'primary') {
    out.primaryKey = strings(head.args[0]);
    return;
  }
  if (head.name === 'foreign') {
    const fk = foreignKey(strings(head.args[0]), rest);
    if (fk) out.foreignKeys.push(fk);
    return;
  }
  if (!COLUMN_TYPES.has(head.name)) return;
  const column = stringValue(head.args[0]);
  if (!column) return;
  const primary = head.name === 'increments' || head.name === 'bigIncrements' || has('primary') !== undefined;
  out.columns.push({ name: column, type: head.name.toUpperCase(), ...(primary || has('notNullable') ? { nullable: false } : {}) });
  if (primary && !out.primaryKey.includes(column)) out.primaryKey.push(column);
  const fk = foreignKey([column], rest);
  if (fk) out.foreignKeys.push(fk);
}

/** `.references('id').inTable('users')` or `.references('users.id')` after a column or `foreign(...)`. */
function foreignKey(columns: string[], rest: readonly Link[]): ForeignKeyFact | undefined {
  const references = rest.find((l) => l.name === 'references');
  const target = references && stringValue(references.args[0]);
  if (!target || columns.length === 0) return undefined;
  const inTable = stringValue(rest.find((l) => l.name === 'inTable')?.args[0]);
  const dot = target.lastIndexOf('.');
  const [table, column] = inTable ? [inTable, target] : dot > 0 ? [target.slice(0, dot), target.slice(dot + 1)] : [undefined, target];
  if (!table) return undefined;
  const onDelete = stringValue(rest.find((l) => l.name === 'onDelete')?.args[0])?.toLowerCase();
  return { columns, references: ref(table), referencedColumns: [column], ...(onDelete ? { onDelete } : {}) };
}

/** Links of a chain rooted at the builder parameter (`t.integer('a').references('id')`), or undefined. */
function chainFrom(outer: TS.CallExpression, builder: string): Link[] | undefined {
  const links: Link[] = [];
  let e: TS.Expression = outer;
  for (let guard = 0; guard < 50; guard++) {
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return undefined;
    links.unshift({ name: e.expression.name.text, args: e.arguments });
    const inner = e.expression.expression;
    if (ts.isIdentifier(inner)) return inner.text === builder ? links : undefined;
    e = inner;
  }
  return undefined;
}

/** The chain below a schema call reaches a `.schema` property (`knex.schema`, `this.knex.schema`, an earlier schema call). */
function throughSchema(e: TS.Expression): boolean {
  for (let guard = 0; guard < 50; guard++) {
    if (ts.isPropertyAccessExpression(e)) {
      if (e.name.text === 'schema') return true;
      e = e.expression;
    } else if (ts.isCallExpression(e)) e = e.expression;
    else if (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    else return false;
  }
  return false;
}

/** Inside `down()`, `exports.down = ...`, `down: async () => ...` and the like. */
export function inRollback(node: TS.Node): boolean {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isMethodDeclaration(n) || ts.isFunctionDeclaration(n)) && n.name && ts.isIdentifier(n.name)) return ROLLBACK.test(n.name.text);
    if (ts.isFunctionExpression(n) || ts.isArrowFunction(n)) {
      const p = n.parent;
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return ROLLBACK.test(p.name.text);
      if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) return ROLLBACK.test(p.left.name.text);
      if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && ROLLBACK.test(p.name.text)) return true;
    }
  }
  return false;
}
