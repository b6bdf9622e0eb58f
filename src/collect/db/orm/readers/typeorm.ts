/**
 * TypeORM and MikroORM: @Entity classes and their relations; uses through `getRepository(Order)`,
 * `.getRepository(Order)`, `@InjectRepository(Order)`, `manager.find(Order, ...)` / `em.findOneOrFail(User, id)`
 * and friends, repository classes (`extends EntityRepository<User>`), and a project's own wrappers around them (`connection.getRepository(ctx, Order)`: the
 * entity class may be any argument). A use reads, and writes when the file calls
 * save/insert/update/delete/remove/upsert/persist/flush (a file-level judgement: repositories and
 * entity managers are passed around).
 */
import ts from '../../../typescript-runtime.js';
import type { OrmReader } from '../orm-reader.js';
import { identifierName } from '../call-chains.js';
import { readTypeormEntities } from '../typeorm-entities.js';

const WRITES = /\.(save|insert|update|delete|remove|softRemove|softDelete|upsert|increment|decrement|persist|persistAndFlush|flush|nativeInsert|nativeUpdate|nativeDelete|insertMany|upsertMany)\(/;
const MANAGER =
  /^(find|findOne|findOneBy|findBy|findAndCount|findOneOrFail|findAll|findByCursor|count|save|insert|update|delete|remove|upsert|upsertMany|insertMany|nativeInsert|nativeUpdate|nativeDelete|getReference|create|merge|getRepository|createQueryBuilder|qb)$/;

export const typeormReader: OrmReader = {
  name: 'typeorm',
  schemaPackages: ['typeorm', '@nestjs/typeorm', '@mikro-orm/core', '@mikro-orm/nestjs'],
  readSchema(_listing, texts, parse) {
    const typeorm = readTypeormEntities(texts, parse);
    return { tables: typeorm.tables, foreignKeys: typeorm.foreignKeys, relations: typeorm.relations, names: typeorm.classToTable };
  },
  mayUse: /getRepository|InjectRepository|Repository<|\.(find\w*|count|save|insert\w*|update|delete|remove|upsert\w*|native\w+|getReference|create|merge|createQueryBuilder|qb)\(/,
  matchChain(_outer, chain, entities, sink) {
    for (const link of chain) {
      if (link.name === 'getRepository' || link.name === 'getCustomRepository' || (MANAGER.test(link.name) && link.args.length > 0)) {
        // The entity class is the first argument of the ORM's own calls, any argument of a wrapper's.
        const table = link.args.map((a) => entities.get(identifierName(a) ?? '')).find((t) => t !== undefined);
        if (table) {
          sink.read(table, link.node);
          if (sink.fileMatches(WRITES)) sink.write(table, link.node);
          return true;
        }
      }
    }
    return false;
  },
  // A repository class of the project (`extends Repository<User>`, MikroORM's `EntityRepository<User>`)
  // reads and writes its entity's table, like a Spring Data repository.
  matchHeritage(type, entities, sink) {
    if (!/Repository$/.test(identifierName(type.expression) ?? '')) return;
    const arg = type.typeArguments?.[0];
    const table = arg && ts.isTypeReferenceNode(arg) ? entities.get(arg.typeName.getText()) : undefined;
    if (!table) return;
    sink.read(table, type);
    sink.write(table, type);
  },
  matchDecorator(decorator, entities, sink) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || identifierName(call.expression) !== 'InjectRepository') return;
    const entity = identifierName(call.arguments[0]);
    const table = entity && entities.get(entity);
    if (!table) return;
    sink.read(table, decorator);
    if (sink.fileMatches(WRITES)) sink.write(table, decorator);
  },
};
