/**
 * Runs the ORM readers (TypeORM entities, Prisma schemas, Sequelize models) and the usage reader
 * (ORM calls and query builders) and merges what they found.
 */
import type { FileListing } from '../../files/list-files.js';
import ts from 'typescript';
import { parseSource, type OrmFacts, type ParseSource } from './orm-facts.js';
import { readOrmUsage } from './orm-usage.js';
import { readPrismaSchemas } from './prisma-schema.js';
import { readSequelizeModels } from './sequelize-models.js';
import { readTypeormEntities } from './typeorm-entities.js';

export function collectOrmFacts(listing: FileListing, texts: ReadonlyMap<string, string>): OrmFacts {
  // Each reader parses only the files its own filter picks; a file picked by several is parsed once.
  const parsed = new Map<string, ts.SourceFile>();
  const parse: ParseSource = (file, text) => {
    let sf = parsed.get(file);
    if (!sf) parsed.set(file, (sf = parseSource(file, text)));
    return sf;
  };
  const typeorm = readTypeormEntities(texts, parse);
  const prisma = readPrismaSchemas(listing.files.filter((f) => f.path.endsWith('.prisma')));
  const sequelize = readSequelizeModels(texts, parse);
  const usage = readOrmUsage(
    texts,
    { prismaModels: prisma.clientModels, typeormClasses: typeorm.classToTable, sequelizeModels: sequelize.modelToTable },
    parse,
  );
  return {
    tables: [...typeorm.tables, ...prisma.tables, ...sequelize.tables],
    foreignKeys: [...typeorm.foreignKeys, ...prisma.foreignKeys, ...sequelize.foreignKeys],
    accesses: usage.accesses,
    joins: usage.joins,
    prismaProviders: prisma.providers,
    diagnostics: prisma.diagnostics,
  };
}
