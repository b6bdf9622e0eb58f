/**
 * Objection.js (schema: objection-models.ts). Uses: a chain through `.query()` on a known model
 * (`Page.query()`, `WIKI.models.pages.query()`, `this.query()` inside the model class) reads its table,
 * and writes it when the chain inserts, patches, updates, deletes, relates or upserts a graph;
 * `withGraphJoined('tags')` / `withGraphFetched('tags')` read and join the relation's table;
 * `x.$relatedQuery('tags')` reaches the relation's table when one model alone has a relation so named.
 */
import ts from '../../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { OrmReader } from '../orm-reader.js';
import { identifierName, stringValue } from '../call-chains.js';
import { readObjectionModels } from '../objection-models.js';

const WRITE = /^(insert|insertAndFetch|insertGraph|insertGraphAndFetch|upsertGraph|upsertGraphAndFetch|patch|patchAndFetch|patchAndFetchById|update|updateAndFetch|updateAndFetchById|delete|deleteById|relate|unrelate|increment|decrement)$/;
const GRAPH = /^(withGraphJoined|withGraphFetched|joinRelated|leftJoinRelated|innerJoinRelated|eager|joinEager)$/;
/** Keys of the names map that are not code names: a model's relation, a relation name alone. */
const REL = '\u0000rel:';
const REL_NAME = '\u0000relname:';

export const objectionReader: OrmReader = {
  name: 'objection',
  schemaPackages: ['objection'],
  readSchema(_listing, texts, parse) {
    const models = readObjectionModels(texts, parse);
    const names = new Map(models.names);
    const byName = new Map<string, Set<string>>();
    for (const [table, rels] of models.relationTargets) {
      for (const [rel, target] of rels) {
        names.set(`${REL}${table}:${rel}`, target);
        (byName.get(rel) ?? byName.set(rel, new Set()).get(rel)!).add(target);
      }
    }
    for (const [rel, targets] of byName) if (targets.size === 1) names.set(`${REL_NAME}${rel}`, [...targets][0]!);
    return { tables: models.tables, foreignKeys: models.foreignKeys, relations: models.relations, names };
  },
  mayUse: /\.query\(|\$relatedQuery\(/,
  matchChain(outer, chain, names, sink) {
    if (names.size === 0) return false;
    const writes = chain.some((l) => WRITE.test(l.name));
    const related = chain.find((l) => l.name === '$relatedQuery');
    const relatedTable = related && names.get(`${REL_NAME}${stringValue(related.args[0]) ?? ''}`);
    if (relatedTable) {
      if (writes) sink.write(relatedTable, outer);
      else sink.read(relatedTable, outer);
      return true;
    }
    const query = chain.find((l) => l.name === 'query');
    const callee = query && ts.isCallExpression(query.node) ? query.node.expression : undefined;
    if (!callee || !ts.isPropertyAccessExpression(callee)) return false;
    const receiver = callee.expression;
    const name = receiver.kind === ts.SyntaxKind.ThisKeyword ? enclosingClassName(outer) : identifierName(receiver);
    const table = name !== undefined ? names.get(name) : undefined;
    if (!table) return false;
    if (writes) sink.write(table, outer);
    else sink.read(table, outer);
    for (const link of chain) {
      if (!GRAPH.test(link.name)) continue;
      // 'tags', '[tags, author]', 'author.groups': the first level names this model's relations.
      for (const rel of (stringValue(link.args[0]) ?? '').replace(/[[\]]/g, '').split(',').map((s) => s.trim().split('.')[0]!)) {
        const target = names.get(`${REL}${table}:${rel}`);
        if (!target) continue;
        sink.read(target, link.node);
        sink.join(table, target, link.node);
      }
    }
    return true;
  },
};

function enclosingClassName(node: TS.Node): string | undefined {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) if ((ts.isClassDeclaration(n) || ts.isClassExpression(n)) && n.name) return n.name.text;
  return undefined;
}
