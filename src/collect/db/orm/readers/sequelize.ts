/**
 * Sequelize: models from `sequelize.define` / `Model.init` / classes; uses as statics on a known model
 * (`Order.findAll()`, `db.Order.findAll()`): find*, count, max, min, sum read; create, bulkCreate,
 * update, destroy, upsert, increment, decrement, truncate write; `include:` models are read and joined.
 */
import ts from '../../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { OrmReader } from '../orm-reader.js';
import { readSequelizeModels } from '../sequelize-models.js';
import { identifierName, propertyValue } from '../call-chains.js';
import { pushAll } from '../../../../model/group.js';

/** Tables of the models an options object includes, nested includes too. */
function includedModels(options: TS.Expression | undefined, models: ReadonlyMap<string, string>, depth = 0): string[] {
  if (!options || !ts.isObjectLiteralExpression(options) || depth > 4) return [];
  const include = propertyValue(options, 'include');
  if (!include) return [];
  const items = ts.isArrayLiteralExpression(include) ? [...include.elements] : [include];
  const out: string[] = [];
  for (const item of items) {
    const direct = models.get(identifierName(item) ?? '');
    if (direct) out.push(direct);
    if (ts.isObjectLiteralExpression(item)) {
      const table = models.get(identifierName(propertyValue(item, 'model')) ?? '');
      if (table) out.push(table);
      pushAll(out, includedModels(item, models, depth + 1));
    }
  }
  return out;
}

const READ = /^(findAll|findOne|findByPk|findAndCountAll|findOrCreate|count|max|min|sum)$/;
const WRITE = /^(create|bulkCreate|update|destroy|upsert|increment|decrement|truncate)$/;

export const sequelizeReader: OrmReader = {
  name: 'sequelize',
  schemaPackages: ['sequelize', 'sequelize-typescript', '@nestjs/sequelize'],
  readSchema(_listing, texts, parse) {
    const sequelize = readSequelizeModels(texts, parse);
    return { tables: sequelize.tables, foreignKeys: sequelize.foreignKeys, relations: sequelize.relations, names: sequelize.modelToTable };
  },
  mayUse: /\.find|\.create|\.update|\.destroy|\.count/,
  matchChain(outer, _chain, models, sink) {
    const callee = outer.expression;
    // `Order.findAll()`, and `db.Order.findAll()` / `models.Order.create()` through the models object.
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const receiver = identifierName(callee.expression);
    const table = receiver !== undefined ? models.get(receiver) : undefined;
    const method = callee.name.text;
    if (!table || !(READ.test(method) || WRITE.test(method))) return false;
    if (WRITE.test(method)) sink.write(table, outer);
    else sink.read(table, outer);
    // Eager loading: `include: [User]`, `include: [{ model: User }]`, `include: User` reads and joins.
    for (const included of includedModels(outer.arguments[0], models)) {
      sink.read(included, outer);
      sink.join(table, included, outer);
    }
    return true;
  },
};
