/**
 * Prisma: models and relations from schema.prisma files; uses as `<client>.<model>.<method>()` with the
 * model known from the schema: find*, count, aggregate, groupBy read; create*, update*, upsert, delete* write.
 */
import ts from '../../../typescript-runtime.js';
import type { OrmReader } from '../orm-reader.js';
import { readPrismaSchemas } from '../prisma-schema.js';

const READ = /^(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|count|aggregate|groupBy)$/;
const WRITE = /^(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)$/;

export const prismaReader: OrmReader = {
  name: 'prisma',
  schemaPackages: [],
  readSchema(listing) {
    const prisma = readPrismaSchemas(listing.files.filter((f) => f.path.endsWith('.prisma')));
    return { tables: prisma.tables, foreignKeys: prisma.foreignKeys, relations: prisma.relations, names: prisma.clientModels, providers: prisma.providers, diagnostics: prisma.diagnostics };
  },
  mayUse: /\.find|\.create|\.update|\.delete|\.count/,
  matchChain(outer, _chain, models, sink) {
    const callee = outer.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ts.isPropertyAccessExpression(callee.expression)) return false;
    const table = models.get(callee.expression.name.text);
    const method = callee.name.text;
    if (!table || !(READ.test(method) || WRITE.test(method))) return false;
    if (WRITE.test(method)) sink.write(table, outer);
    else sink.read(table, outer);
    return true;
  },
};
