/**
 * Objection.js models: classes extending Objection's Model with a `tableName` (static getter or
 * property). Input: code file texts (files that mention objection and tableName). Output: one table per
 * model; foreign keys and junctions from `relationMappings` joins (`join: { from: 'pages.authorId', to:
 * 'users.id' }`: BelongsToOne keys the `from` side, HasMany/HasOne the `to` side; ManyToMany's
 * `through` table keys both sides and is a junction of each); relation name -> target table per model
 * (for `withGraphJoined('tags')` and `$relatedQuery('tags')`). Code names for a model: its class name
 * and its file's base name (`require('./tags')`, and auto-loaded registries such as
 * `WIKI.models.pages`).
 */
import path from 'node:path';
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { OrmForeignKey, OrmRelation, OrmTable } from './orm-facts.js';
import { parseSource, type ParseSource } from './orm-facts.js';
import { propertyValue, stringValue } from './call-chains.js';

export interface ObjectionModels {
  tables: OrmTable[];
  foreignKeys: OrmForeignKey[];
  relations: OrmRelation[];
  /** Class name or file base name -> table. */
  names: Map<string, string>;
  /** Table -> relation name -> target table. */
  relationTargets: Map<string, Map<string, string>>;
}

export function readObjectionModels(texts: ReadonlyMap<string, string>, parse: ParseSource = parseSource): ObjectionModels {
  const out: ObjectionModels = { tables: [], foreignKeys: [], relations: [], names: new Map(), relationTargets: new Map() };
  for (const [file, text] of texts) {
    if (!text.includes('objection') || !text.includes('tableName')) continue;
    const sf = parse(file, text);
    const visit = (node: TS.Node): void => {
      if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && extendsModel(node)) {
        const table = staticString(node, 'tableName');
        if (table) {
          const at = { file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: `Objection model ${node.name?.text ?? path.posix.basename(file)}` };
          if (node.name) out.names.set(node.name.text, table);
          out.names.set(path.posix.basename(file).replace(/\.[cm]?[jt]s$/, ''), table);
          out.tables.push({ ref: { name: table }, columns: [], primaryKey: [], evidence: at, source: 'objection', file });
          readRelations(node, table, at, out);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

function extendsModel(node: TS.ClassLikeDeclaration): boolean {
  return (node.heritageClauses ?? []).some((h) => h.types.some((t) => /(^|\.)Model$/.test(t.expression.getText())));
}

/** `static get name() { return 'x' }` or `static name = 'x'`. */
function staticString(node: TS.ClassLikeDeclaration, name: string): string | undefined {
  for (const m of node.members) {
    if (!m.name || !ts.isIdentifier(m.name) || m.name.text !== name || !(ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword))) continue;
    if (ts.isPropertyDeclaration(m)) return stringValue(m.initializer);
    if (ts.isGetAccessorDeclaration(m) && m.body) {
      const ret = m.body.statements.find(ts.isReturnStatement);
      return stringValue(ret?.expression);
    }
  }
  return undefined;
}

/** The object a static `relationMappings` getter returns (or the property holds). */
function mappingsOf(node: TS.ClassLikeDeclaration): TS.ObjectLiteralExpression | undefined {
  for (const m of node.members) {
    if (!m.name || !ts.isIdentifier(m.name) || m.name.text !== 'relationMappings') continue;
    const value = ts.isPropertyDeclaration(m) ? m.initializer : ts.isGetAccessorDeclaration(m) || ts.isMethodDeclaration(m) ? m.body?.statements.find(ts.isReturnStatement)?.expression : undefined;
    if (value && ts.isObjectLiteralExpression(value)) return value;
  }
  return undefined;
}

function readRelations(node: TS.ClassLikeDeclaration, table: string, at: OrmTable['evidence'], out: ObjectionModels): void {
  const mappings = mappingsOf(node);
  if (!mappings) return;
  const targets = out.relationTargets.get(table) ?? out.relationTargets.set(table, new Map()).get(table)!;
  for (const p of mappings.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
    const relation = propertyValue(p.initializer, 'relation')?.getText() ?? '';
    const join = propertyValue(p.initializer, 'join');
    if (!join || !ts.isObjectLiteralExpression(join)) continue;
    const from = column(stringValue(propertyValue(join, 'from')));
    const to = column(stringValue(propertyValue(join, 'to')));
    if (!from || !to) continue;
    const evidence = { ...at, text: `${at.text}.${p.name.text}` };
    targets.set(p.name.text, to.table === table ? from.table : to.table);
    const fk = (a: { table: string; column: string }, b: { table: string; column: string }) =>
      out.foreignKeys.push({ from: { name: a.table }, fk: { columns: [a.column], references: { name: b.table }, referencedColumns: [b.column] }, evidence, source: 'objection' });
    const through = propertyValue(join, 'through');
    if (/ManyToMany/.test(relation) && through && ts.isObjectLiteralExpression(through)) {
      const tf = column(stringValue(propertyValue(through, 'from')));
      const tt = column(stringValue(propertyValue(through, 'to')));
      if (tf && tt) {
        fk(tf, from);
        fk(tt, to);
        out.relations.push({ from: from.table, to: tf.table, kind: 'junction', cascade: true, evidence });
      }
    } else if (/BelongsToOne/.test(relation)) fk(from, to);
    else if (/HasMany|HasOne/.test(relation)) fk(to, from);
  }
}

function column(ref: string | undefined): { table: string; column: string } | undefined {
  const dot = ref?.lastIndexOf('.') ?? -1;
  return ref && dot > 0 ? { table: ref.slice(0, dot), column: ref.slice(dot + 1) } : undefined;
}
