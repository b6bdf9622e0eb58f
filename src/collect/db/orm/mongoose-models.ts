/**
 * Mongoose models: the collections of a MongoDB application.
 * Input: code file texts (only files mentioning `model(` and Schema/mongoose are parsed). Output: one
 * collection per `mongoose.model('Order', orderSchema)` / `model<T>('Order', schema)` /
 * `connection.model(...)`: named by the third argument, else the schema's `collection` option, else
 * Mongoose's default (the model name lower-cased and pluralized: Order -> orders, Details -> details); references
 * (`ref: 'User'` inside the model's `new Schema({...})`) become foreign keys from the field to the
 * referenced model's collection. Code names that stand for the collection: the variable the model is
 * assigned to (`export const Order = mongoose.model(...)`) and the model name itself.
 */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { OrmForeignKey, OrmTable } from './orm-facts.js';
import { parseSource, pluralize, type ParseSource } from './orm-facts.js';

/** Mongoose's default collection name: lower-cased, pluralized, and a name already ending in s kept (ExecutionDetails -> executiondetails). */
function collectionName(model: string): string {
  const lower = model.toLowerCase();
  return /status$/.test(lower) ? `${lower}es` : /s$/.test(lower) ? lower : pluralize(lower);
}
import { stringValue } from './call-chains.js';
import { optionString } from './typeorm-entities.js';

export interface MongooseModels {
  tables: OrmTable[];
  foreignKeys: OrmForeignKey[];
  /** Model variable or model name -> collection. */
  names: Map<string, string>;
}

const MODEL_RECEIVER = /^(mongoose|connection|conn|db|this\.connection|this\.conn)$/;

export function readMongooseModels(texts: ReadonlyMap<string, string>, parse: ParseSource = parseSource): MongooseModels {
  const tables: OrmTable[] = [];
  const names = new Map<string, string>();
  const pendingRefs: { from: string; column: string; model: string; evidence: OrmForeignKey['evidence'] }[] = [];
  for (const [file, text] of texts) {
    if (!text.includes('model') || !/\bSchema\b|mongoose/.test(text)) continue;
    const sf = parse(file, text);
    const lineOf = (n: TS.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    // Schemas declared in this file, by variable name: their options and references.
    const schemas = new Map<string, TS.NewExpression>();
    const models: { name: string; collection: string; schema?: string; variable?: string; node: TS.CallExpression }[] = [];
    const visit = (node: TS.Node): void => {
      if (ts.isNewExpression(node) && isSchemaConstructor(node.expression) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) schemas.set(node.parent.name.text, node);
      if (ts.isCallExpression(node) && isModelCall(node.expression, sf)) {
        const name = stringValue(node.arguments[0]);
        const schemaArg = node.arguments[1];
        if (name && schemaArg) {
          const schema = ts.isIdentifier(schemaArg) ? schemaArg.text : undefined;
          models.push({ name, collection: stringValue(node.arguments[2]) ?? '', ...(schema ? { schema } : {}), ...(variableOf(node) ? { variable: variableOf(node)! } : {}), node });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    for (const m of models) {
      const schema = m.schema ? schemas.get(m.schema) : undefined;
      const collection = m.collection || optionString(schema?.arguments?.[1], 'collection') || collectionName(m.name);
      names.set(m.name, collection);
      if (m.variable) names.set(m.variable, collection);
      const fields = schema?.arguments?.[0];
      const columns = fields && ts.isObjectLiteralExpression(fields) ? fields.properties.filter(ts.isPropertyAssignment).map((p) => ({ name: propertyName(p.name) })).filter((c) => c.name !== '') : [];
      tables.push({ ref: { name: collection }, columns, primaryKey: ['_id'], evidence: { file, line: lineOf(m.node), text: `mongoose model ${m.name}` }, source: 'mongoose', file });
      if (fields) for (const r of referencesIn(fields)) pendingRefs.push({ from: collection, column: r.column, model: r.model, evidence: { file, line: lineOf(r.node), text: `${m.name}.${r.column} ref ${r.model}` } });
    }
  }
  const foreignKeys: OrmForeignKey[] = pendingRefs.map((r) => ({
    from: { name: r.from },
    fk: { columns: [r.column], references: { name: names.get(r.model) ?? collectionName(r.model) }, referencedColumns: ['_id'] },
    evidence: r.evidence,
    source: 'mongoose',
  }));
  return { tables, foreignKeys, names };
}

function isSchemaConstructor(e: TS.Expression): boolean {
  return (ts.isIdentifier(e) && e.text === 'Schema') || (ts.isPropertyAccessExpression(e) && e.name.text === 'Schema');
}

/** `mongoose.model(...)`, `connection.model(...)`, or a bare `model(...)` (imported from mongoose). */
function isModelCall(e: TS.Expression, sf: TS.SourceFile): boolean {
  if (ts.isIdentifier(e)) return e.text === 'model';
  return ts.isPropertyAccessExpression(e) && e.name.text === 'model' && MODEL_RECEIVER.test(e.expression.getText(sf));
}

/** The variable a model is assigned to, through `||`, `??`, casts and parentheses. */
function variableOf(node: TS.Node): string | undefined {
  for (let n: TS.Node = node.parent; n; n = n.parent) {
    if (ts.isVariableDeclaration(n)) return ts.isIdentifier(n.name) ? n.name.text : undefined;
    if (!(ts.isBinaryExpression(n) || ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isTypeAssertionExpression(n))) return undefined;
  }
  return undefined;
}

/** `{ _userId: { type: ..., ref: 'User' } }` (at any depth, arrays included) -> column _userId, model User. */
function referencesIn(fields: TS.Expression): { column: string; model: string; node: TS.Node }[] {
  const out: { column: string; model: string; node: TS.Node }[] = [];
  const walk = (node: TS.Node, column: string | undefined): void => {
    if (ts.isPropertyAssignment(node)) {
      const key = propertyName(node.name);
      if (key === 'ref' && column) {
        const model = stringValue(node.initializer);
        if (model) out.push({ column, model, node });
        return;
      }
      walk(node.initializer, key === 'type' ? column : key);
      return;
    }
    ts.forEachChild(node, (child) => walk(child, column));
  };
  walk(fields, undefined);
  return out;
}

function propertyName(name: TS.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
}
