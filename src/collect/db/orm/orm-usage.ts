/**
 * Table use through ORMs and query builders, read from call chains (no type checker needed).
 * Input: code texts and the mappings from the schema readers. Output: table accesses and joins.
 * - Prisma client: `<client>.<model>.<method>()`, model known from schema.prisma; find*, count,
 *   aggregate, groupBy read; create*, update*, upsert, delete* write.
 * - TypeORM: `getRepository(Order)`, `.getRepository(Order)`, `@InjectRepository(Order)`,
 *   `manager.find(Order, ...)` and friends; reads, and writes when the file calls save/insert/update/
 *   delete/remove/upsert (a file-level judgement: repositories are passed around).
 * - Sequelize: `Order.findAll()` etc. on a known model name; find*, count, max, min, sum read;
 *   create, bulkCreate, update, destroy, upsert, increment, decrement write.
 * - Knex-style builders: a chain that starts with `<x>('table')` or holds `.from/.into/.table('table')`
 *   and at least one builder method; writes when it holds insert/update/del/delete/increment/decrement/
 *   upsert/merge/truncate; `.join/.leftJoin/...('other', ...)` adds a read and a join edge.
 */
import ts from 'typescript';
import type { Evidence } from '../../../model/types.js';
import { excerpt } from '../../code/excerpt.js';
import { tableId, type FileJoin, type FileTableAccess } from '../../../model/facts/db-facts.js';
import { parseSource, type ParseSource } from './orm-facts.js';

export interface UsageMaps {
  prismaModels: ReadonlyMap<string, string>;
  typeormClasses: ReadonlyMap<string, string>;
  sequelizeModels: ReadonlyMap<string, string>;
}

const PRISMA_READ = /^(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|count|aggregate|groupBy)$/;
const PRISMA_WRITE = /^(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)$/;
const TYPEORM_WRITES = /\.(save|insert|update|delete|remove|softRemove|softDelete|upsert|increment|decrement)\(/;
const TYPEORM_MANAGER = /^(find|findOne|findOneBy|findBy|findAndCount|count|save|insert|update|delete|remove|upsert|getRepository|createQueryBuilder)$/;
const SEQ_READ = /^(findAll|findOne|findByPk|findAndCountAll|findOrCreate|count|max|min|sum)$/;
const SEQ_WRITE = /^(create|bulkCreate|update|destroy|upsert|increment|decrement|truncate)$/;
const BUILDER = /^(where\w*|orWhere\w*|andWhere\w*|select|first|pluck|insert|update|del|delete|increment|decrement|returning|orderBy|groupBy|limit|offset|join|innerJoin|leftJoin|leftOuterJoin|rightJoin|fullOuterJoin|crossJoin|count|sum|max|min|upsert|merge|onConflict|truncate|distinct|having)$/;
const BUILDER_WRITE = /^(insert|update|del|delete|increment|decrement|upsert|merge|truncate)$/;
const BUILDER_JOIN = /^(join|innerJoin|leftJoin|leftOuterJoin|rightJoin|rightOuterJoin|fullOuterJoin|crossJoin)$/;
const TABLE_NAME = /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/;
const INTERESTING = /getRepository|InjectRepository|\.from\(|\.into\(|\.table\(|knex|\.find|\.create|\.update|\.delete|\.destroy|\.count/;

interface Link {
  name: string;
  args: readonly ts.Expression[];
  node: ts.Node;
}

export function readOrmUsage(texts: ReadonlyMap<string, string>, maps: UsageMaps, parse: ParseSource = parseSource): { accesses: FileTableAccess[]; joins: FileJoin[] } {
  const accesses: FileTableAccess[] = [];
  const joins: FileJoin[] = [];
  for (const [file, text] of texts) {
    if (!INTERESTING.test(text)) continue;
    const sf = parse(file, text);
    const at = (n: ts.Node): Evidence => ({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: excerpt(n.getText(sf)) });
    const add = (table: string, mode: 'read' | 'write', via: FileTableAccess['via'], n: ts.Node) => accesses.push({ file, table: tableId({ name: table }), mode, via, evidence: at(n) });
    const writesInFile = TYPEORM_WRITES.test(text);

    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && !isInnerOfChain(node)) readChain(node);
      if (ts.isDecorator(node) && ts.isCallExpression(node.expression) && identifierName(node.expression.expression) === 'InjectRepository') {
        const entity = identifierName(node.expression.arguments[0]);
        const table = entity && maps.typeormClasses.get(entity);
        if (table) {
          add(table, 'read', 'orm', node);
          if (writesInFile) add(table, 'write', 'orm', node);
        }
      }
      ts.forEachChild(node, visit);
    };

    const readChain = (outer: ts.CallExpression): void => {
      const chain = flatten(outer);
      if (chain.length === 0) return;
      const names = chain.map((l) => l.name);
      // Prisma client: x.model.method()
      const last = chain[chain.length - 1]!;
      const callee = outer.expression;
      if (ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression)) {
        const model = callee.expression.name.text;
        const table = maps.prismaModels.get(model);
        if (table && (PRISMA_READ.test(callee.name.text) || PRISMA_WRITE.test(callee.name.text))) {
          add(table, PRISMA_WRITE.test(callee.name.text) ? 'write' : 'read', 'orm', outer);
          return;
        }
      }
      // TypeORM repositories and entity manager calls naming an entity class.
      for (const link of chain) {
        if (link.name === 'getRepository' || link.name === 'getCustomRepository' || (TYPEORM_MANAGER.test(link.name) && link.args.length > 0)) {
          const entity = identifierName(link.args[0]);
          const table = entity && maps.typeormClasses.get(entity);
          if (table) {
            add(table, 'read', 'orm', link.node);
            if (writesInFile) add(table, 'write', 'orm', link.node);
            return;
          }
        }
      }
      // Sequelize statics: Order.findAll()
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
        const table = maps.sequelizeModels.get(callee.expression.text);
        const method = callee.name.text;
        if (table && (SEQ_READ.test(method) || SEQ_WRITE.test(method))) {
          add(table, SEQ_WRITE.test(method) ? 'write' : 'read', 'orm', outer);
          return;
        }
      }
      // Knex-style builders.
      if (!names.some((n) => BUILDER.test(n))) return;
      let main: string | undefined;
      const first = chain[0]!;
      const rootTable = first.args.length >= 1 ? stringValue(first.args[0]) : undefined;
      if (first.name !== '' && rootTable && TABLE_NAME.test(rootTable) && !BUILDER.test(first.name) && ['knex', 'db', 'trx', 'k', 'database', 'qb', 'sql', 'connection', 'tx', 'builder'].includes(first.name)) main = rootTable;
      for (const link of chain) {
        if ((link.name === 'from' || link.name === 'into' || link.name === 'table') && stringValue(link.args[0])) {
          const t = stringValue(link.args[0])!.split(/\s+as\s+|\s+/i)[0]!;
          if (TABLE_NAME.test(t)) main ??= t;
        }
      }
      if (!main) return;
      const write = names.some((n) => BUILDER_WRITE.test(n));
      add(main, write ? 'write' : 'read', 'query-builder', outer);
      for (const link of chain) {
        if (!BUILDER_JOIN.test(link.name)) continue;
        const joined = stringValue(link.args[0])?.split(/\s+as\s+|\s+/i)[0];
        if (!joined || !TABLE_NAME.test(joined)) continue;
        add(joined, 'read', 'query-builder', link.node);
        const [a, b] = [tableId({ name: main }), tableId({ name: joined })].sort();
        if (a !== b) joins.push({ file, a: a!, b: b!, via: 'query-builder', evidence: at(outer) });
      }
    };
    visit(sf);
  }
  return { accesses, joins };
}

/** True for a call that is only a link inside a longer chain (`a().b()`: `a()` is inner). */
function isInnerOfChain(node: ts.CallExpression): boolean {
  const parent = node.parent;
  return ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
}

/** Links of a call chain, root first: knex('t').where(x).update(y) -> [knex('t'), where(x), update(y)]. */
function flatten(outer: ts.CallExpression): Link[] {
  const links: Link[] = [];
  let e: ts.Expression = outer;
  for (let guard = 0; guard < 100; guard++) {
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        links.unshift({ name: callee.name.text, args: e.arguments, node: e });
        e = callee.expression;
      } else if (ts.isIdentifier(callee)) {
        links.unshift({ name: callee.text, args: e.arguments, node: e });
        break;
      } else break;
    } else if (ts.isPropertyAccessExpression(e)) {
      e = e.expression;
    } else if (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) {
      e = e.expression;
    } else break;
  }
  return links;
}

function identifierName(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function stringValue(e: ts.Expression | undefined): string | undefined {
  return e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined;
}
