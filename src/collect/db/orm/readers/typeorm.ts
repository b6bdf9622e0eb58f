/**
 * TypeORM: @Entity classes and their relations; uses through `getRepository(Order)`,
 * `.getRepository(Order)`, `@InjectRepository(Order)` and `manager.find(Order, ...)` and friends. A use
 * reads, and writes when the file calls save/insert/update/delete/remove/upsert (a file-level
 * judgement: repositories are passed around).
 */
import ts from 'typescript';
import type { OrmReader } from '../orm-reader.js';
import { identifierName } from '../call-chains.js';
import { readTypeormEntities } from '../typeorm-entities.js';

const WRITES = /\.(save|insert|update|delete|remove|softRemove|softDelete|upsert|increment|decrement)\(/;
const MANAGER = /^(find|findOne|findOneBy|findBy|findAndCount|count|save|insert|update|delete|remove|upsert|getRepository|createQueryBuilder)$/;

export const typeormReader: OrmReader = {
  name: 'typeorm',
  readSchema(_listing, texts, parse) {
    const typeorm = readTypeormEntities(texts, parse);
    return { tables: typeorm.tables, foreignKeys: typeorm.foreignKeys, names: typeorm.classToTable };
  },
  mayUse: /getRepository|InjectRepository/,
  matchChain(_outer, chain, entities, sink) {
    for (const link of chain) {
      if (link.name === 'getRepository' || link.name === 'getCustomRepository' || (MANAGER.test(link.name) && link.args.length > 0)) {
        const entity = identifierName(link.args[0]);
        const table = entity && entities.get(entity);
        if (table) {
          sink.read(table, link.node);
          if (WRITES.test(sink.text)) sink.write(table, link.node);
          return true;
        }
      }
    }
    return false;
  },
  matchDecorator(decorator, entities, sink) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || identifierName(call.expression) !== 'InjectRepository') return;
    const entity = identifierName(call.arguments[0]);
    const table = entity && entities.get(entity);
    if (!table) return;
    sink.read(table, decorator);
    if (WRITES.test(sink.text)) sink.write(table, decorator);
  },
};
