/**
 * The ORM readers, in the order their matchers are tried: a new ORM is one file in readers/ plus one
 * line here.
 */
import type { OrmReader } from './orm-reader.js';
import { prismaReader } from './readers/prisma.js';
import { queryBuilderReader } from './readers/query-builder.js';
import { redbeanReader } from './readers/redbean.js';
import { mongooseReader } from './readers/mongoose.js';
import { objectionReader } from './readers/objection.js';
import { drizzleReader } from './readers/drizzle.js';
import { redisReader } from './readers/redis.js';
import { sequelizeReader } from './readers/sequelize.js';
import { typeormReader } from './readers/typeorm.js';

export const ORM_READERS: readonly OrmReader[] = [prismaReader, typeormReader, sequelizeReader, objectionReader, drizzleReader, mongooseReader, redbeanReader, redisReader, queryBuilderReader];

/**
 * Packages whose declaration means some file's text may hold schema the database stage reads: the
 * readers' own, and the schema builders of migrations (Knex, Sequelize's queryInterface).
 */
export const SCHEMA_IN_CODE_PACKAGES: ReadonlySet<string> = new Set([...ORM_READERS.flatMap((r) => r.schemaPackages), 'knex', 'sequelize']);
