/**
 * Sequelize migrations (`queryInterface.*` in `up`), read as DDL.
 * Input: a code file's text. Output: one StatementFacts per call, in source order (like knex-schema.ts):
 * - `createTable('t', { col: { type, primaryKey, allowNull, references: { model: 'u', key: 'id' } } })`
 *   -> a table with its columns, primary key and foreign keys (`model` a table name or `{ tableName }`);
 * - `addColumn('t', 'col', { references })` -> an added column (and key);
 * - `addConstraint('t', { fields: [...], type: 'foreign key', references: { table, field } })` -> a key;
 * - `dropTable('t')`, `renameTable('a', 'b')`.
 * The receiver must be named like Sequelize's query interface (queryInterface, qi); calls inside a
 * `down` function are skipped.
 */
import ts from '../typescript-runtime.js';
import type * as TS from 'typescript';
import type { Evidence } from '../../model/types.js';
import { excerpt } from '../code/excerpt.js';
import type { CreateTableFact, ForeignKeyFact, StatementFacts } from './statement-facts.js';
import { parseSource, type ParseSource } from './orm/orm-facts.js';
import { identifierName, propertyValue, stringValue } from './orm/call-chains.js';
import { inRollback } from './knex-schema.js';

export const MAY_HOLD_SEQUELIZE_SCHEMA = /queryInterface|\bqi\.(?:createTable|addColumn|addConstraint|dropTable|renameTable)\(/;
const RECEIVER = /^(queryInterface|qi)$/;
const METHODS = new Set(['createTable', 'addColumn', 'addConstraint', 'dropTable', 'renameTable']);

export function readSequelizeSchema(file: string, text: string, parse: ParseSource = parseSource): { facts: StatementFacts; at: Evidence }[] {
  if (!MAY_HOLD_SEQUELIZE_SCHEMA.test(text)) return [];
  const sf = parse(file, text);
  const steps: { facts: StatementFacts; at: Evidence }[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && METHODS.has(node.expression.name.text) && RECEIVER.test(identifierName(node.expression.expression) ?? '') && !inRollback(node)) {
      const facts = schemaCall(node.expression.name.text, node.arguments);
      if (facts) steps.push({ facts, at: { file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: excerpt(node.getText(sf)) } });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return steps;
}

function schemaCall(method: string, args: readonly TS.Expression[]): StatementFacts | undefined {
  const table = tableName(args[0]);
  if (!table) return undefined;
  const facts: StatementFacts = { creates: [], alters: [], drops: [], renames: [], accesses: [], joins: [], dynamicTable: false };
  if (method === 'dropTable') facts.drops.push({ name: table });
  else if (method === 'renameTable') {
    const to = tableName(args[1]);
    if (!to) return undefined;
    facts.renames.push({ from: { name: table }, to: { name: to } });
  } else if (method === 'createTable') {
    const body = columnsOf(args[1]);
    facts.creates.push({ table: { name: table }, ...body });
  } else if (method === 'addColumn') {
    const column = stringValue(args[1]);
    if (!column) return undefined;
    const fk = referenceOf(column, args[2]);
    facts.alters.push({ table: { name: table }, columns: [{ name: column }], foreignKeys: fk ? [fk] : [] });
  } else {
    const options = args[1];
    if (!options || !ts.isObjectLiteralExpression(options) || !/foreign/i.test(stringValue(propertyValue(options, 'type')) ?? '')) return undefined;
    const fields = propertyValue(options, 'fields');
    const columns = fields && ts.isArrayLiteralExpression(fields) ? fields.elements.map((e) => stringValue(e)).filter((x): x is string => !!x) : [];
    const references = propertyValue(options, 'references');
    const target = references && ts.isObjectLiteralExpression(references) ? tableName(propertyValue(references, 'table')) : undefined;
    if (!target || columns.length === 0) return undefined;
    const field = references && ts.isObjectLiteralExpression(references) ? stringValue(propertyValue(references, 'field')) : undefined;
    facts.alters.push({ table: { name: table }, columns: [], foreignKeys: [{ columns, references: { name: target }, referencedColumns: field ? [field] : [] }] });
  }
  return facts;
}

function columnsOf(e: TS.Expression | undefined): Omit<CreateTableFact, 'table'> {
  const out: Omit<CreateTableFact, 'table'> = { columns: [], primaryKey: [], foreignKeys: [] };
  if (!e || !ts.isObjectLiteralExpression(e)) return out;
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
    if (!name) continue;
    const def = p.initializer;
    const options = ts.isObjectLiteralExpression(def) ? def : undefined;
    const field = options ? stringValue(propertyValue(options, 'field')) : undefined;
    const column = field ?? name;
    const primary = options !== undefined && propertyValue(options, 'primaryKey')?.kind === ts.SyntaxKind.TrueKeyword;
    const notNull = options !== undefined && propertyValue(options, 'allowNull')?.kind === ts.SyntaxKind.FalseKeyword;
    out.columns.push({ name: column, ...(primary || notNull ? { nullable: false } : {}) });
    if (primary) out.primaryKey.push(column);
    const fk = referenceOf(column, options);
    if (fk) out.foreignKeys.push(fk);
  }
  return out;
}

/** `references: { model: 'users', key: 'id' }` (model may be `{ tableName: 'users' }`). */
function referenceOf(column: string, options: TS.Expression | undefined): ForeignKeyFact | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const references = propertyValue(options, 'references');
  if (!references || !ts.isObjectLiteralExpression(references)) return undefined;
  const target = tableName(propertyValue(references, 'model'));
  if (!target) return undefined;
  const key = stringValue(propertyValue(references, 'key'));
  const onDelete = stringValue(propertyValue(options, 'onDelete'))?.toLowerCase();
  return { columns: [column], references: { name: target }, referencedColumns: key ? [key] : [], ...(onDelete ? { onDelete } : {}) };
}

/** `'users'` or `{ tableName: 'users', schema }`. */
function tableName(e: TS.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isObjectLiteralExpression(e)) return stringValue(propertyValue(e, 'tableName'));
  return stringValue(e);
}
