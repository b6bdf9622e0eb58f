/**
 * Sequelize models and associations.
 * Input: code file texts (only files mentioning `define(`, `.init(` or an association are parsed).
 * Output: one table per model: `sequelize.define('Order', attrs, { tableName })` and
 * `class Order extends Model {}` + `Order.init(attrs, { tableName, modelName })`; the table is
 * `tableName`, else the pluralised model name (Sequelize's default), attribute keys as columns
 * (`field` option honoured, `primaryKey: true`). Foreign keys from associations: `A.belongsTo(B)` puts
 * the key on A, `A.hasMany(B)` / `A.hasOne(B)` on B (`foreignKey` option, else `<Model>Id`),
 * `A.belongsToMany(B, { through })` a junction table with a key to each side.
 * sequelize-typescript: `@Table` classes (`tableName`, else the pluralised class name), `@Column`
 * (`field`), `@PrimaryKey`, `@ForeignKey(() => Other)` keys, `@BelongsToMany(() => Other, () => Through)`
 * junctions. Associations may sit in another file than the models and use imported names
 * (import-aliases.ts), or the `db.User.hasMany(models.Order)` style of generated models/index.js.
 * Models are known by the variable or class name the code uses for them.
 */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { Evidence } from '../../../model/types.js';
import type { OrmForeignKey, OrmRelation, OrmTable } from './orm-facts.js';
import { decorators, optionString } from './typeorm-entities.js';
import { identifierName } from './call-chains.js';
import { defaultExportName, importAliases } from './import-aliases.js';
import { parseSource, pluralize, type ParseSource } from './orm-facts.js';
import { stringArg } from './typeorm-entities.js';

export interface SequelizeModels {
  tables: OrmTable[];
  foreignKeys: OrmForeignKey[];
  relations: OrmRelation[];
  /** Name the code uses for the model (variable or class) -> table. */
  modelToTable: Map<string, string>;
}

const ASSOCIATIONS = new Set(['belongsTo', 'hasMany', 'hasOne', 'belongsToMany']);

export function readSequelizeModels(texts: ReadonlyMap<string, string>, parse: ParseSource = parseSource): SequelizeModels {
  const tables: OrmTable[] = [];
  const modelToTable = new Map<string, string>();
  const modelName = new Map<string, string>();
  const relations: OrmRelation[] = [];
  // `column`: a @ForeignKey's column; `through`: a @BelongsToMany's through model.
  const associations: { kind: string; source: string; target: string; options?: TS.Expression; at: Evidence; file: string; column?: string; through?: string }[] = [];
  const modelFiles = new Set<string>();
  const parsed = new Map<string, TS.SourceFile>();
  for (const [file, text] of texts) {
    if (!/\.define\(|\.init\(|\.(belongsTo|hasMany|hasOne|belongsToMany)\(|@Table\b/.test(text)) continue;
    const sf = parse(file, text);
    parsed.set(file, sf);
    const at = (n: TS.Node, label: string): Evidence => ({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: label });
    const visit = (node: TS.Node): void => {
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
          modelFiles.add(file);
        } else if (method === 'init' && ts.isIdentifier(receiver) && a0 && ts.isObjectLiteralExpression(a0) && a1 && ts.isObjectLiteralExpression(a1) && /sequelize/.test(a1.getText(sf))) {
          const name = option(a1, 'modelName') ?? receiver.text;
          const table = option(a1, 'tableName') ?? (option(a1, 'freezeTableName') === 'true' ? name : pluralize(name));
          modelToTable.set(receiver.text, table);
          modelName.set(receiver.text, name);
          tables.push({ ref: { name: table }, ...attributes(a0), evidence: at(node, `${receiver.text}.init()`), source: 'sequelize', file });
          modelFiles.add(file);
        } else if (ASSOCIATIONS.has(method) && identifierName(receiver) && identifierName(a0)) {
          // `User.hasMany(Order)`, and the generated models/index.js style `db.User.hasMany(models.Order)`.
          const [source, target] = [identifierName(receiver)!, identifierName(a0)!];
          associations.push({ kind: method, source, target, ...(a1 ? { options: a1 } : {}), at: at(node, `${source}.${method}(${target})`), file });
        }
      }
      // sequelize-typescript: @Table classes, @ForeignKey columns, @BelongsToMany through models.
      if (ts.isClassDeclaration(node) && node.name) {
        const table = decorators(node).find((d) => d.name === 'Table');
        if (table) {
          const name = node.name.text;
          const tableName = optionString(table.args[0], 'tableName') ?? (optionString(table.args[0], 'modelName') ? pluralize(optionString(table.args[0], 'modelName')!) : pluralize(name));
          modelToTable.set(name, tableName);
          modelName.set(name, name);
          modelFiles.add(file);
          const columns: OrmTable['columns'] = [];
          const primaryKey: string[] = [];
          for (const member of node.members) {
            if (!ts.isPropertyDeclaration(member) || !member.name) continue;
            const property = member.name.getText(sf);
            const decs = decorators(member);
            const column = decs.find((d) => d.name === 'Column');
            const columnName = (column && optionString(column.args[0], 'field')) ?? property;
            if (column || decs.some((d) => d.name === 'PrimaryKey' || d.name === 'ForeignKey')) columns.push({ name: columnName });
            if (decs.some((d) => d.name === 'PrimaryKey')) primaryKey.push(columnName);
            const fk = decs.find((d) => d.name === 'ForeignKey');
            const target = fk && arrowTarget(fk.args[0]);
            if (target) associations.push({ kind: 'foreignKey', source: name, target, at: at(member, `${name}.${property}`), file, column: columnName });
            const many = decs.find((d) => d.name === 'BelongsToMany');
            const other = many && arrowTarget(many.args[0]);
            const through = many && arrowTarget(many.args[1]);
            if (other && through) associations.push({ kind: 'throughModel', source: name, target: other, at: at(member, `${name}.${property}`), file, through });
          }
          if (!columns.some((c) => c.name === 'id') && primaryKey.length === 0) columns.unshift({ name: 'id' });
          tables.push({ ref: { name: tableName }, columns, primaryKey: primaryKey.length > 0 ? primaryKey : ['id'], evidence: at(node, `@Table class ${name}`), source: 'sequelize', file });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const foreignKeys: OrmForeignKey[] = [];
  const nameOf = (m: string) => modelName.get(m) ?? m;
  // Associations written in another file than the models (a relations file) may use imported aliases.
  const defaults = new Map<string, string>();
  for (const file of modelFiles) {
    const name = defaultExportName(parsed.get(file)!);
    if (name) defaults.set(file, name);
  }
  const files = new Set(texts.keys());
  const aliasesOf = new Map<string, Map<string, string>>();
  const canonical = (file: string, name: string) => {
    if (modelToTable.has(name)) return name;
    if (!aliasesOf.has(file)) aliasesOf.set(file, importAliases(file, parsed.get(file)!, files, defaults));
    return aliasesOf.get(file)!.get(name) ?? name;
  };
  for (const a of associations) {
    const sourceName = canonical(a.file, a.source);
    const targetName = canonical(a.file, a.target);
    const source = modelToTable.get(sourceName);
    const target = modelToTable.get(targetName);
    if (!source || !target) continue;
    if (a.kind === 'foreignKey') {
      foreignKeys.push({ from: { name: source }, fk: { columns: [a.column!], references: { name: target }, referencedColumns: ['id'] }, evidence: a.at, source: 'sequelize' });
      continue;
    }
    if (a.kind === 'throughModel') {
      // The through model's own @ForeignKey columns give its keys; it is the junction of both sides.
      const junction = modelToTable.get(a.through!);
      if (junction) relations.push({ from: source, to: junction, kind: 'junction', cascade: true, evidence: a.at }, { from: target, to: junction, kind: 'junction', cascade: true, evidence: a.at });
      continue;
    }
    const fkOption = option(a.options, 'foreignKey');
    const fk = (from: string, to: string, column: string) =>
      foreignKeys.push({ from: { name: from }, fk: { columns: [column], references: { name: to }, referencedColumns: ['id'] }, evidence: a.at, source: 'sequelize' });
    if (a.kind === 'belongsTo') fk(source, target, fkOption ?? `${nameOf(targetName)}Id`);
    else if (a.kind === 'hasMany' || a.kind === 'hasOne') fk(target, source, fkOption ?? `${nameOf(sourceName)}Id`);
    else {
      const through = option(a.options, 'through') ?? `${nameOf(a.source)}${nameOf(a.target)}`;
      const junction = modelToTable.get(through) ?? through;
      if (!tables.some((t) => t.ref.name === junction)) tables.push({ ref: { name: junction }, columns: [], primaryKey: [], evidence: a.at, source: 'sequelize' });
      fk(junction, source, `${nameOf(sourceName)}Id`);
      fk(junction, target, `${nameOf(targetName)}Id`);
      relations.push({ from: source, to: junction, kind: 'junction', cascade: true, evidence: a.at }, { from: target, to: junction, kind: 'junction', cascade: true, evidence: a.at });
    }
  }
  return { tables, foreignKeys, relations, modelToTable };
}

/** `() => Category` -> Category. */
function arrowTarget(e: TS.Expression | undefined): string | undefined {
  return e && ts.isArrowFunction(e) && ts.isIdentifier(e.body) ? e.body.text : undefined;
}

/** A string (or identifier, or boolean) option of an object literal. */
function option(e: TS.Expression | undefined, key: string): string | undefined {
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

function attributes(obj: TS.ObjectLiteralExpression): { columns: OrmTable['columns']; primaryKey: string[] } {
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
