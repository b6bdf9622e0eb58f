/**
 * TypeORM entities: classes decorated with @Entity.
 * Input: code file texts (only files mentioning `@Entity` are parsed). Output: one table per entity
 * (name from @Entity('name') / @Entity({ name }), else snake_case of the class name, TypeORM's default),
 * its columns (@Column, @Primary*Column, @*DateColumn; `name` option honoured) and primary key, and
 * foreign keys: @ManyToOne always, @OneToOne with @JoinColumn (column from @JoinColumn({ name }), else
 * `<property>Id`), @ManyToMany with @JoinTable (a junction table, `name` option or
 * `<table>_<property>_<other table>`, with a foreign key to each side). @OneToMany is the inverse side: no key.
 * MikroORM's decorators read the same way, with its own defaults: the target may come from the
 * `entity` option or the `Collection<T>` the property holds, the owning side of a many-to-many is the
 * one without `mappedBy` and its pivot table is `pivotTable` or `<table>_<property>`, key columns are
 * snake_case `<property>_id`.
 * Relations (orm-facts.ts OrmRelation): junction tables, and the children of a @OneToMany that is
 * eager or cascades (`cascade`, `orphanRemoval`), so code using an entity reaches them; a lazy,
 * non-cascading collection is only loaded by code that asks for it.
 * Entities declared as data: `new EntitySchema({ name, tableName, columns, relations })` and MikroORM's
 * `defineEntity({ name, tableName, properties })` (many-to-one relations as keys), known by `name` and
 * by the variable they are assigned to.
 * Also returns class name -> table, for getRepository(Order) and friends.
 */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { Evidence } from '../../../model/types.js';
import type { OrmForeignKey, OrmRelation, OrmTable } from './orm-facts.js';
import { parseSource, snakeCase, type ParseSource } from './orm-facts.js';
import { propertyValue, stringValue } from './call-chains.js';

export interface TypeormEntities {
  tables: OrmTable[];
  foreignKeys: OrmForeignKey[];
  relations: OrmRelation[];
  /** Entity class name -> table name. */
  classToTable: Map<string, string>;
}

interface Relation {
  kind: string;
  target: string;
  property: string;
  joinColumn?: string;
  joinTable?: string | true;
  /** The inverse side of a bidirectional relation (`mappedBy`, or MikroORM's second argument). */
  inverse: boolean;
  cascade: boolean;
  eager: boolean;
  evidence: Evidence;
}

export function readTypeormEntities(texts: ReadonlyMap<string, string>, parse: ParseSource = parseSource): TypeormEntities {
  const tables: OrmTable[] = [];
  const classToTable = new Map<string, string>();
  const pending: { table: string; relations: Relation[]; mikro: boolean }[] = [];
  for (const [file, text] of texts) {
    if (!text.includes('Entity(') && !text.includes('EntitySchema')) continue;
    const sf = parse(file, text);
    const mikro = text.includes('@mikro-orm/');
    const visit = (node: TS.Node): void => {
      // Entities declared as data: `new EntitySchema({ name, tableName, columns/properties, relations })`
      // (TypeORM, MikroORM) and MikroORM's `defineEntity({ ... })`.
      const schemaArg = ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'EntitySchema' ? node.arguments?.[0] : ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineEntity' ? node.arguments[0] : undefined;
      if (schemaArg && ts.isObjectLiteralExpression(schemaArg)) {
        const name = optionString(schemaArg, 'name') ?? optionString(schemaArg, 'className');
        const table = optionString(schemaArg, 'tableName') ?? optionString(schemaArg, 'collection') ?? (name ? (mikro ? snakeCase(name) : name) : undefined);
        if (name && table) {
          classToTable.set(name, table);
          if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) classToTable.set(node.parent.name.text, table);
          const fields = propertyValue(schemaArg, 'columns') ?? propertyValue(schemaArg, 'properties');
          const columns = fields && ts.isObjectLiteralExpression(fields) ? fields.properties.filter(ts.isPropertyAssignment).map((p) => ({ name: p.name.getText(sf) })) : [];
          const relations: Relation[] = [];
          const rels = propertyValue(schemaArg, 'relations') ?? fields;
          for (const p of rels && ts.isObjectLiteralExpression(rels) ? rels.properties.filter(ts.isPropertyAssignment) : []) {
            const kind = optionString(p.initializer, 'type') ?? optionString(p.initializer, 'kind') ?? optionString(p.initializer, 'reference');
            const target = optionString(p.initializer, 'target') ?? optionString(p.initializer, 'entity');
            if (target && kind && /^(many-to-one|m:1|ManyToOne)$/i.test(kind)) relations.push({ kind: 'ManyToOne', target, property: p.name.getText(sf), inverse: false, cascade: false, eager: false, evidence: { file, line: sf.getLineAndCharacterOfPosition(p.getStart(sf)).line + 1, text: `${name}.${p.name.getText(sf)}` } });
          }
          tables.push({ ref: { name: table }, columns, primaryKey: [], evidence: { file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: `EntitySchema ${name}` }, source: 'typeorm', file });
          pending.push({ table, relations, mikro });
        }
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const entity = decorators(node).find((d) => ENTITY.test(d.name));
        if (entity) {
          const explicit = stringArg(entity.args[0]) ?? optionString(entity.args[0], 'name') ?? optionString(entity.args[1], 'name');
          const table = explicit ?? snakeCase(node.name.text);
          classToTable.set(node.name.text, table);
          const columns: OrmTable['columns'] = [];
          const primaryKey: string[] = [];
          const relations: Relation[] = [];
          for (const member of node.members) {
            if (!ts.isPropertyDeclaration(member) || !member.name) continue;
            const property = member.name.getText(sf);
            const decs = decorators(member);
            const at = { file, line: sf.getLineAndCharacterOfPosition(member.getStart(sf)).line + 1, text: `${node.name.text}.${property}` };
            for (const d of decs) {
              if (/Column$/.test(d.name) && !d.name.endsWith('JoinColumn')) {
                const name = optionString(d.args[0], 'name') ?? optionString(d.args[1], 'name') ?? property;
                const type = stringArg(d.args[0]) ?? optionString(d.args[0], 'type');
                columns.push({ name, ...(type ? { type: type.toUpperCase() } : {}), ...(d.name.startsWith('Primary') ? { nullable: false } : {}) });
                if (d.name.startsWith('Primary')) primaryKey.push(name);
              }
              const relationKind = relationKindOf(d.name);
              if (relationKind) {
                const options = d.args.find((a) => ts.isObjectLiteralExpression(a));
                const target = targetOf(d.args[0]) ?? targetOf(propertyValue(options, 'entity')) ?? collectionOf(member);
                if (!target) continue;
                const join = decs.find((x) => x.name.endsWith('JoinColumn'));
                const joinTable = decs.find((x) => x.name.endsWith('JoinTable'));
                const joinColumn = join ? (optionString(join.args[0], 'name') ?? `${property}Id`) : undefined;
                const inverse = propertyValue(options, 'mappedBy') !== undefined || (d.args[1] !== undefined && ts.isArrowFunction(d.args[1]));
                const pivot = optionString(options, 'pivotTable');
                const owningPivot = mikro && relationKind === 'ManyToMany' && !inverse ? (pivot ?? snakeCase(`${table}_${property}`)) : undefined;
                const cascadeOption = propertyValue(options, 'cascade');
                const isTrue = (key: string) => propertyValue(options, key)?.kind === ts.SyntaxKind.TrueKeyword;
                const cascade = (cascadeOption !== undefined && cascadeOption.kind !== ts.SyntaxKind.FalseKeyword) || isTrue('orphanRemoval');
                relations.push({
                  kind: relationKind,
                  target,
                  property,
                  ...(joinColumn ? { joinColumn } : {}),
                  ...(joinTable ? { joinTable: optionString(joinTable.args[0], 'name') ?? true } : owningPivot ? { joinTable: owningPivot } : {}),
                  inverse,
                  cascade,
                  eager: isTrue('eager'),
                  evidence: at,
                });
              }
            }
          }
          tables.push({
            ref: { name: table },
            columns,
            primaryKey,
            evidence: { file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: `@Entity class ${node.name.text}` },
            source: 'typeorm',
            file,
          });
          pending.push({ table, relations, mikro });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const foreignKeys: OrmForeignKey[] = [];
  const ormRelations: OrmRelation[] = [];
  for (const { table, relations, mikro } of pending) {
    // Key columns by each ORM's default naming: TypeORM `authorId`, MikroORM `author_id`.
    const key = (name: string) => (mikro ? `${snakeCase(name)}_id` : `${name}Id`);
    for (const r of relations) {
      const other = classToTable.get(r.target) ?? snakeCase(r.target);
      if (r.kind === 'ManyToOne' || (r.kind === 'OneToOne' && r.joinColumn)) {
        foreignKeys.push({ from: { name: table }, fk: { columns: [r.joinColumn ?? key(r.property)], references: { name: other }, referencedColumns: ['id'] }, evidence: r.evidence, source: 'typeorm' });
      } else if (r.kind === 'ManyToMany' && r.joinTable) {
        const junction = r.joinTable === true ? snakeCase(`${table}_${r.property}_${other}`) : r.joinTable;
        tables.push({ ref: { name: junction }, columns: [], primaryKey: [], evidence: r.evidence, source: 'typeorm' });
        foreignKeys.push({ from: { name: junction }, fk: { columns: [key(table)], references: { name: table }, referencedColumns: ['id'] }, evidence: r.evidence, source: 'typeorm' });
        foreignKeys.push({ from: { name: junction }, fk: { columns: [key(other)], references: { name: other }, referencedColumns: ['id'] }, evidence: r.evidence, source: 'typeorm' });
        ormRelations.push({ from: table, to: junction, kind: 'junction', cascade: true, eager: r.eager, evidence: r.evidence });
      }
      if (r.kind === 'OneToMany' && (r.cascade || r.eager)) ormRelations.push({ from: table, to: other, kind: 'child', cascade: r.cascade, eager: r.eager, evidence: r.evidence });
    }
  }
  return { tables, foreignKeys, relations: ormRelations, classToTable };
}

interface DecoratorCall {
  name: string;
  args: TS.Expression[];
}

export function decorators(node: TS.Node): DecoratorCall[] {
  const list = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
  return list.map((d) => {
    const e = d.expression;
    if (ts.isCallExpression(e)) return { name: calleeName(e.expression), args: [...e.arguments] };
    return { name: calleeName(e), args: [] };
  });
}

function calleeName(e: TS.Expression): string {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

export function stringArg(e: TS.Expression | undefined): string | undefined {
  return e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined;
}

/** `{ name: 'x' }` -> 'x' for the given key. */
export function optionString(e: TS.Expression | undefined, key: string): string | undefined {
  return stringValue(propertyValue(e, key));
}

/**
 * `@Entity`, and a project's own entity decorator wrapping TypeORM's and MikroORM's
 * (`@MultiORMEntity('candidate')`); not `@ChildEntity` (it shares its parent's table) or `@ViewEntity`.
 */
const ENTITY = /^(?!Child|View)\w*Entity$/;

/** `ManyToOne`, and a wrapper's `MultiORMManyToOne`. */
function relationKindOf(decorator: string): string | undefined {
  return ['ManyToOne', 'OneToOne', 'ManyToMany', 'OneToMany'].find((k) => decorator === k || decorator.endsWith(k));
}

/** MikroORM: `items = new Collection<Item>(this)` or `items!: Collection<Item>` -> Item. */
function collectionOf(member: TS.PropertyDeclaration): string | undefined {
  const fromType = (t: TS.TypeNode | undefined) => (t && ts.isTypeReferenceNode(t) && t.typeArguments?.[0] && ts.isTypeReferenceNode(t.typeArguments[0]) ? t.typeArguments[0].typeName.getText() : undefined);
  const init = member.initializer;
  const fromNew = init && ts.isNewExpression(init) && init.typeArguments?.[0] && ts.isTypeReferenceNode(init.typeArguments[0]) ? init.typeArguments[0].typeName.getText() : undefined;
  return fromNew ?? fromType(member.type);
}

/** `() => Customer`, `type => Customer`, `'Customer'` -> Customer. */
function targetOf(e: TS.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isArrowFunction(e) && ts.isIdentifier(e.body)) return e.body.text;
  if (ts.isArrowFunction(e) && ts.isPropertyAccessExpression(e.body)) return e.body.name.text;
  return stringArg(e);
}
