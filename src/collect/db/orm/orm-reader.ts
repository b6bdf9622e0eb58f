/**
 * What an ORM reader is: the schema its declarations give (tables, foreign keys, and the code names
 * that stand for tables: a Prisma model, a TypeORM entity class, a Sequelize model), and the table
 * uses it recognises in a call chain or a decorator. Readers are listed in orm/registry.ts; the
 * first whose matcher recognises a chain claims it.
 */
import type ts from 'typescript';
import type { FileListing } from '../../files/list-files.js';
import type { OrmForeignKey, OrmRelation, OrmTable, ParseSource } from './orm-facts.js';
import type { Diagnostic } from '../../../model/types.js';

export interface OrmSchema {
  tables: OrmTable[];
  foreignKeys: OrmForeignKey[];
  /** Tables reached through an entity's relations (junction, collection, child tables). */
  relations?: OrmRelation[];
  /** Code name (model, entity class) -> table name. */
  names: ReadonlyMap<string, string>;
  /** Database providers the schema declares (Prisma's datasource), for the dialect guess. */
  providers?: string[];
  diagnostics?: Diagnostic[];
}

/** One link of a call chain: `knex('t').where(x)` -> [knex('t'), where(x)]. */
export interface ChainLink {
  name: string;
  args: readonly ts.Expression[];
  node: ts.Node;
}

/** Where a matcher reports what it recognised. */
export interface UseSink {
  /** Text of the whole file. */
  text: string;
  /** A file-level judgement ("this file writes", "this file uses MongoDB"): `re` tested once per file. */
  fileMatches(re: RegExp): boolean;
  read(table: string, node: ts.Node, via?: 'orm' | 'query-builder'): void;
  write(table: string, node: ts.Node, via?: 'orm' | 'query-builder'): void;
  join(a: string, b: string, node: ts.Node): void;
}

export interface OrmReader {
  name: string;
  /**
   * Packages whose declaration (in any package.json) means this reader's schema may live in code files
   * (entities, models, table definitions). `check --since` reads every file's text only when one is
   * declared; a reader whose schema is elsewhere (Prisma's .prisma files) or that has none lists none.
   */
  schemaPackages: readonly string[];
  readSchema(listing: FileListing, texts: ReadonlyMap<string, string>, parse: ParseSource): OrmSchema;
  /** A cheap test on a file's text: could it hold a use this reader recognises? */
  mayUse: RegExp;
  /** Table uses in the outermost call of a chain; true when the chain was recognised. */
  matchChain?(outer: ts.CallExpression, chain: readonly ChainLink[], names: ReadonlyMap<string, string>, sink: UseSink): boolean;
  /** Table uses in a class's heritage (`class UserRepository extends EntityRepository<User>`). */
  matchHeritage?(type: ts.ExpressionWithTypeArguments, names: ReadonlyMap<string, string>, sink: UseSink): void;
  /** Table uses in a decorator (`@InjectRepository(Order)`). */
  matchDecorator?(decorator: ts.Decorator, names: ReadonlyMap<string, string>, sink: UseSink): void;
}
