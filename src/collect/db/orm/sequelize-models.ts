/**
 * Sequelize models and associations.
 * Input: code file texts (only files mentioning `define(`, `.init(` or an association are parsed).
 * Output: one table per model: `sequelize.define('Order', attrs, { tableName })` and
 * `class Order extends Model {}` + `Order.init(attrs, { tableName, modelName })`; the table is
 * `tableName`, else the pluralised model name (Sequelize's default), attribute keys as columns
 * (`field` option honoured, `primaryKey: true`). Foreign keys from associations: `A.belongsTo(B)` puts
 * the key on A, `A.hasMany(B)` / `A.hasOne(B)` on B (`foreignKey` option, else `<Model>Id`),
 * `A.belongsToMany(B, { through })` a junction table with a key to each side.
 * Models are known by the variable or class name the code uses for them.
 */
import ts from 'typescript';
import type { Evidence } from '../../../model/types.js';
import type { OrmForeignKey, OrmTable } from './orm-facts.js';
import { parseSource, pluralize, type ParseSource } from './orm-facts.js';
import { stringArg } from './typeorm-entities.js';

export interface SequelizeModels {
  tables: OrmTable[];
  foreignKeys: OrmForeignKey[];
  /** Name the code uses for the model (variable or class) -> table. */
  modelToTable: Map<string, string>;
}

const ASSOCIATIONS = new Set(['belongsTo', 'hasMany', 'hasOne', 'belongsToMany']);

export function readSequelizeModels(texts: ReadonlyMap<string, string>, parse: ParseSource = parseSource): SequelizeModels {
  const tables: OrmTable[] = [];
  const modelToTable = new Map<string, string>();
  const modelName = new Map<string, string>();
  const associations: { kind: string; source: string; target: string; options?: ts.Expression; at: Evidence }[] = [];
  for (const [file, text] of texts) {
    if (!/\.define\(|\.init\(|\.(belongsTo|hasMany|hasOne|belongsToMany)\(/.test(text)) continue;
    const sf = parse(file, text);
    const at = (n: ts.Node, label: string): Evidence => ({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: label });
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const receiver = node.expression.expression;
        const [a0, a1, a2] = node.arguments;
        if (method === 'define' && stringArg(a0) && a1 && ts.isObjectLiteralExpression(a1)) {
          const name = stringArg(a0)!;
          const table = option(a2, 'tableName') ?? (option(a2, 'freezeTableName') === 'true' ? name : pluralize(name));
          const variable = ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : name;
          modelToTable.set(variable, table);
          modelToTable.set(name, table);
          modelName.set(variable, name);
          tables.push({ ref: { name: table }, ...attributes(a1), evidence: at(node, `sequelize.define('${name}')`), source: 'sequelize', file });
        } else if (method === 'init' && ts.isIdentifier(receiver) && a0 && ts.isObjectLiteralExpression(a0) && a1 && ts.isObjectLiteralExpression(a1) && /sequelize/.test(a1.getText(sf))) {
          const name = option(a1, 'modelName') ?? receiver.text;
          const table = option(a1, 'tableName') ?? (option(a1, 'freezeTableName') === 'true' ? name : pluralize(name));
          modelToTable.set(receiver.text, table);
          modelName.set(receiver.text, name);
          tables.push({ ref: { name: table }, ...attributes(a0), evidence: at(node, `${receiver.text}.init()`), source: 'sequelize', file });
        } else if (ASSOCIATIONS.has(method) && ts.isIdentifier(receiver) && a0 && ts.isIdentifier(a0)) {
          associations.push({ kind: method, source: receiver.text, target: a0.text, ...(a1 ? { options: a1 } : {}), at: at(node, `${receiver.text}.${method}(${a0.text})`) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const foreignKeys: OrmForeignKey[] = [];
  const nameOf = (m: string) => modelName.get(m) ?? m;
  for (const a of associations) {
    const source = modelToTable.get(a.source);
    const target = modelToTable.get(a.target);
    if (!source || !target) continue;
    const fkOption = option(a.options, 'foreignKey');
    const fk = (from: string, to: string, column: string) =>
      foreignKeys.push({ from: { name: from }, fk: { columns: [column], references: { name: to }, referencedColumns: ['id'] }, evidence: a.at, source: 'sequelize' });
    if (a.kind === 'belongsTo') fk(source, target, fkOption ?? `${nameOf(a.target)}Id`);
    else if (a.kind === 'hasMany' || a.kind === 'hasOne') fk(target, source, fkOption ?? `${nameOf(a.source)}Id`);
    else {
      const through = option(a.options, 'through') ?? `${nameOf(a.source)}${nameOf(a.target)}`;
      const junction = modelToTable.get(through) ?? through;
      if (!tables.some((t) => t.ref.name === junction)) tables.push({ ref: { name: junction }, columns: [], primaryKey: [], evidence: a.at, source: 'sequelize' });
      fk(junction, source, `${nameOf(a.source)}Id`);
      fk(junction, target, `${nameOf(a.target)}Id`);
    }
  }
  return { tables, foreignKeys, modelToTable };
}

/** A string (or identifier, or boolean) option of an object literal. */
function option(e: ts.Expression | undefined, key: string): string | undefined {
  if (!e || !ts.isObjectLiteralExpression(e)) return undefined;
  for (const p of e.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === key) {
      const v = p.initializer;
      if (ts.isIdentifier(v)) return v.text;
      if (v.kind === ts.SyntaxKind.TrueKeyword) return 'true';
      if (ts.isObjectLiteralExpression(v)) return option(v, 'name');
      return stringArg(v);
    }
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) return p.name.text;
  }
  return undefined;
}

function attributes(obj: ts.ObjectLiteralExpression): { columns: OrmTable['columns']; primaryKey: string[] } {
  const columns: OrmTable['columns'] = [];
  const primaryKey: string[] = [];
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const key = p.name.getText().replace(/^['"]|['"]$/g, '');
    const v = p.initializer;
    const field = ts.isObjectLiteralExpression(v) ? option(v, 'field') : undefined;
    const name = field ?? key;
    columns.push({ name });
    if (ts.isObjectLiteralExpression(v) && option(v, 'primaryKey') === 'true') primaryKey.push(name);
  }
  return { columns, primaryKey };
}
