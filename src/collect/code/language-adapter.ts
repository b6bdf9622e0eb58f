/**
 * What a language adapter is: the files it claims, and the facts it returns for them (files, edges,
 * externals, entry points with their rule, stereotypes) plus what the database stage reads from code
 * (SQL literals, texts for the ORM readers, declared packages, persistence facts of its own).
 * Adapters are listed in collect/code/registry.ts; collect-code.ts runs each that claims a file.
 */
import type { CodeFacts } from '../../model/facts/code-facts.js';
import type { ProgressListener } from '../../model/progress.js';
import type { OrmFacts } from '../db/orm/orm-facts.js';
import type { FileListing } from '../files/list-files.js';
import type { CacheLocation } from '../cache/facts-cache.js';

export interface AdapterOptions {
  maxFileBytes: number;
  includeTests: boolean;
  entryPoints: readonly string[];
  /** Run the symbol stage (calls, new, inheritance) where the adapter has one. */
  symbols: boolean;
  /** Resolve symbols with a type checker where the adapter has one (slower, a few more edges). */
  deep: boolean;
  /** Where per-file facts are cached; absent: no cache. */
  cache?: CacheLocation;
  /**
   * `check --since`: the only files whose facts are wanted (their imports, literals, transactions).
   * Every file is still listed, so imports resolve against the whole repository, and texts the database
   * stage reads (entities, schemas) are still read. An adapter may ignore it (it then does more work, the
   * check filters by scope anyway).
   */
  scope?: ReadonlySet<string>;
}

/** What the database stage reads from the code. */
export interface DbInputs {
  texts: Map<string, string>;
  dependencies: Set<string>;
  /** Persistence facts found by the adapter itself (JPA entities, Spring Data repositories). */
  orm?: OrmFacts;
  /** Classes by fully qualified name, for MyBatis mapper namespaces. */
  classes?: Map<string, string>;
}

export interface AdapterFacts extends CodeFacts {
  db: DbInputs;
}

export interface LanguageAdapter {
  name: string;
  /** True for a repository-relative path this adapter reads. */
  claims(path: string): boolean;
  /**
   * True for a claimed path that holds tests. Adapters are always given includeTests: true; without
   * --include-tests, collectCode takes these files out of the program as the tests' facts. An adapter
   * without it has no tests.
   */
  isTest?(path: string): boolean;
  collect(root: string, listing: FileListing, options: AdapterOptions, onProgress: ProgressListener): Promise<AdapterFacts>;
}
