/**
 * Sequelize: models from `sequelize.define` / `Model.init` / classes; uses as statics on a known model
 * (`Order.findAll()`): find*, count, max, min, sum read; create, bulkCreate, update, destroy, upsert,
 * increment, decrement, truncate write.
 */
import ts from 'typescript';
import type { OrmReader } from '../orm-reader.js';
import { readSequelizeModels } from '../sequelize-models.js';

const READ = /^(findAll|findOne|findByPk|findAndCountAll|findOrCreate|count|max|min|sum)$/;
const WRITE = /^(create|bulkCreate|update|destroy|upsert|increment|decrement|truncate)$/;

export const sequelizeReader: OrmReader = {
  name: 'sequelize',
  readSchema(_listing, texts, parse) {
    const sequelize = readSequelizeModels(texts, parse);
    return { tables: sequelize.tables, foreignKeys: sequelize.foreignKeys, names: sequelize.modelToTable };
  },
  mayUse: /\.find|\.create|\.update|\.destroy|\.count/,
  matchChain(outer, _chain, models, sink) {
    const callee = outer.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
    const table = models.get(callee.expression.text);
    const method = callee.name.text;
    if (!table || !(READ.test(method) || WRITE.test(method))) return false;
    if (WRITE.test(method)) sink.write(table, outer);
    else sink.read(table, outer);
    return true;
  },
};
