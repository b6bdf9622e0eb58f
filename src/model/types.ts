/**
 * The SystemModel: the one structure every stage after collection reads.
 * Collectors produce file-level facts; buildModel groups them into modules by granularity.
 * Every array in a SystemModel is sorted (see compare.ts) so that serialisation is byte-identical.
 */

/** Version of the analysis.json layout; bump when a field changes meaning or shape. */
export const SCHEMA_VERSION = 1;

/** Languages the code collectors understand. */
/** The language a file was read as: the adapter's own name for it (typescript, javascript, java, ...). */
export type Language = string;

/** How files are grouped into modules. `file` (default): one module per file; `dir:N`: the first N directory levels; `package`: the nearest package.json. */
export type Granularity = { kind: 'file' } | { kind: 'dir'; depth: number } | { kind: 'package' };

/** Where a fact was seen. `line` is 1-based. */
export interface Evidence {
  /** Repo-relative POSIX path. */
  file: string;
  /** 1-based line number. */
  line: number;
  /** A short excerpt of the source (at most 120 characters). */
  text?: string;
  /** The method or function the evidence sits in, where the collector knows it (call sites). */
  member?: string;
}

/**
 * Kinds of dependency edges.
 * - `import`: a runtime static import, `export ... from`, `require()` or `import x = require()`.
 * - `type-import`: `import type`, `export type ... from`, imports whose every binding is type-only, `import("x")` types.
 * - `dynamic-import`: `import("x")` expressions (lazy, still a runtime dependency).
 * - `call`: calls and `new` of functions, methods and classes declared in another module.
 * - `extends` / `implements`: class and interface inheritance across modules.
 */
/** `http-call`: client code calling a server route over HTTP (URL matched to the route; not a code dependency). */
export type CodeEdgeKind = 'import' | 'type-import' | 'dynamic-import' | 'call' | 'extends' | 'implements' | 'http-call';

/** A directed dependency between two modules (or two files before grouping). */
export interface Edge {
  kind: CodeEdgeKind;
  /** Id of the depending module. */
  from: string;
  /** Id of the module depended upon. */
  to: string;
  /** Number of occurrences (import statements, call sites, heritage clauses). */
  weight: number;
  /** Where it was seen; at most `EVIDENCE_CAP` entries, the first ones in file/line order. */
  evidence: Evidence[];
}

/** Evidence entries kept per edge; `weight` still counts all occurrences. */
export const EVIDENCE_CAP = 5;

/** A source file that was read. */
export interface SourceFileInfo {
  /** Repo-relative POSIX path. */
  path: string;
  language: Language;
  /** Number of lines (a trailing newline does not start a new line). */
  lines: number;
  /** Size in bytes. */
  bytes: number;
  /** Decision points (if, loops, case, catch, conditional and logical operators), where the parser counts them. */
  complexity?: number;
  /** Id of the module this file belongs to. */
  module: string;
}

/**
 * What a module is for. domain: entities, value objects, aggregates; application: services, use cases;
 * interface: controllers, route handlers, resolvers, listeners, jobs, pages, UI components; persistence:
 * repositories, DAOs, mappers, migrations; configuration: composition roots, DI/bean config, bootstrap;
 * infrastructure: technical utilities, logging, messaging clients; tooling: build/lint/test config,
 * wrappers, scripts outside the program; generated: generated sources.
 */
export const ROLES = ['domain', 'application', 'interface', 'persistence', 'configuration', 'infrastructure', 'tooling', 'generated'] as const;
export type Role = (typeof ROLES)[number];

/** A module's role with the rule that decided it and where that rule saw its evidence. */
export interface RoleFact {
  role: Role;
  /** e.g. `@RestController (Spring)`, `folder repositories/`, `name *Service`, `config override 'src/legacy/**'`. */
  rule: string;
  evidence?: Evidence;
  /**
   * `platform`: a composition root or wiring (stays with the monolith or becomes the gateway);
   * `tooling`: not part of the program. Both are kept out of contexts and plans, and neither is ever
   * a dead-code candidate.
   */
  setAside?: 'platform' | 'tooling';
}

/** Which side of the wire a module runs on. */
export type Side = 'browser' | 'server' | 'shared' | 'unknown';

/** The deployable unit a module belongs to, and its side, with the rule that decided the side. */
export interface UnitFact {
  /** The unit's root folder (package.json, pom.xml or build.gradle), '' for the repository. */
  id: string;
  side: Side;
  rule: string;
}

/** The unit that gets clustered. */
export interface ModuleNode {
  /** Repo-relative POSIX path of the file, directory or package root. */
  id: string;
  /** Which granularity produced it. */
  kind: 'file' | 'dir' | 'package';
  /** Files grouped into this module, sorted. */
  files: string[];
  /** Total lines of its files. */
  lines: number;
  /** Languages of its files, sorted. */
  languages: Language[];
  /** Why this module is an entry point (package.json main/bin/exports, a test, a config file, a script), if it is one. */
  entryPoint?: string;
  /** Spring stereotypes of its classes (Controller, Service, Repository, ...), sorted. */
  stereotypes?: string[];
  /** What it is for (absent only in analyses written before roles existed). */
  role?: RoleFact;
  /** Decision points of its files (if, loops, case, catch, conditional and logical operators): a cheap cyclomatic count. Absent when no parser counted them. */
  complexity?: number;
  /** Routes it serves as its framework declares them (`GET /orders/*`), sorted; absent when none. */
  endpoints?: string[];
  /** Its deployable unit and side (absent only in analyses written before units existed). */
  unit?: UnitFact;
}

/** A package imported from outside the repository (npm package or Node builtin). */
export interface ExternalDependency {
  /** Package name (`lodash`, `@scope/pkg`) or `node:fs` for builtins. */
  name: string;
  /** `builtin` for Node's own modules, `package` otherwise. */
  kind: 'builtin' | 'package';
  /** Whether a package.json in the repository declares it (always true for builtins). */
  declared: boolean;
  /** Modules that import it with their import counts, sorted by module id; `typeOnly` when a module imports only its types. */
  importedBy: { module: string; count: number; typeOnly?: true }[];
}

/** A relative or aliased specifier that did not resolve to a file. */
export interface UnresolvedImport {
  /** Module containing the import. */
  module: string;
  /** The specifier as written. */
  specifier: string;
  evidence: Evidence;
}

/** A string or template literal that looks like SQL, kept for the database stage. */
export interface SqlLiteral {
  /** Module containing it. */
  module: string;
  file: string;
  line: number;
  /** The literal's text; template substitutions are kept as `${expression}`. */
  text: string;
  /** Name of the tag of a tagged template (`sql`, `Prisma.sql`), if any. */
  tag?: string;
  /** Name of the function or method the literal is passed to (`query`, `addSql`), if any. */
  callee?: string;
  /** Name of the enclosing function or method (`up`, `down` in migrations), if any. */
  enclosing?: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** Something that could not be read or understood; analysis goes on without it. */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `parse-error`, `binary-file`, `unresolved-import`. */
  code: string;
  message: string;
  file?: string;
  line?: number;
}

/** A file or folder that was deliberately not analysed, and why. */
export interface SkippedPath {
  path: string;
  /** e.g. `gitignored`, `node_modules`, `build-output`, `vendored`, `minified`, `excluded`, `too-large`, `binary`, `not-utf8`, `symlink-loop`. */
  reason: string;
}

/** Everything collected from the repository, grouped into modules. */
export interface SystemModel {
  /** The analysed folder's base name (never an absolute path: outputs must not depend on where the repo sits). */
  root: string;
  granularity: string;
  files: SourceFileInfo[];
  modules: ModuleNode[];
  edges: Edge[];
  externals: ExternalDependency[];
  unresolved: UnresolvedImport[];
  sqlLiterals: SqlLiteral[];
  skipped: SkippedPath[];
  diagnostics: Diagnostic[];
  /** The database signal; absent with --no-db. */
  data?: DataModel;
  /** The history signal; absent with --no-history. */
  history?: HistoryModel;
  /** Test files, read apart from the program: what each imports, calls or names. Absent with --include-tests (tests are modules then) and in analyses written before it. */
  tests?: TestNode[];
}

/**
 * How a test reaches a module of the program: `import`/`call`/... as in code edges, or `name` when
 * its name names the module (`OrderServiceTest.java` -> `OrderService.java`, `cart.spec.ts` -> `cart.ts`).
 */
export interface TestTouch {
  module: string;
  /** Sorted. */
  kinds: string[];
  /** Occurrences (imports, call sites; 1 for a name). */
  weight: number;
  /** The first place it is seen. */
  evidence: Evidence;
}

/** A test file: not a module, but the safety net of a split. */
export interface TestNode {
  /** Repo-relative POSIX path. */
  path: string;
  language: Language;
  lines: number;
  /** Modules it imports, calls or names, sorted by module. */
  touches: TestTouch[];
  /** Other test files it uses (helpers, fixtures, base classes), sorted: what they touch it reaches too. */
  helpers: string[];
  /** Set on a support file: other tests use it and its name is not a test's (`TestData.java`, `helpers/db.ts`). Not counted as a test itself. */
  helper?: true;
}

/** A column of a table, as declared by DDL or an ORM. */
export interface Column {
  /** Name as declared (original spelling). */
  name: string;
  /** Declared type, upper-cased, if known. */
  type?: string;
  /** False for NOT NULL / primary key columns; undefined when unknown. */
  nullable?: boolean;
}

/** Where a schema fact came from. */
export type SchemaSource = 'sql' | 'migration' | 'typeorm' | 'prisma' | 'sequelize' | 'jpa' | 'mongoose' | 'mongodb' | 'objection' | 'drizzle';

/** A table of the final schema (after every migration has been applied in order). */
export interface TableNode {
  /** `schema.table` lower-cased; default schemas (public, dbo, main) are left out. */
  id: string;
  /** The name as first declared, for display. */
  name: string;
  columns: Column[];
  /** Primary-key column names. */
  primaryKey: string[];
  /** Unique constraints over two or more columns (absent when none). */
  uniqueKeys?: string[][];
  /** Where it was declared: migration or DDL statements, ORM entities (first declaration first). */
  declaredIn: (Evidence & { source: SchemaSource })[];
  /** Modules that declare it as an ORM entity/model, sorted. */
  entityModules: string[];
  /** True when code uses the table but no schema declares it. */
  undeclared?: boolean;
  /** `document` for a document-store collection (MongoDB), `key-value` for a Redis key prefix; absent for a relational table. */
  store?: 'document' | 'key-value';
}

/** Kinds of edges that involve tables. */
export type DataEdgeKind = 'table-access' | 'foreign-key' | 'join';

/**
 * A data edge. `table-access`: from a module to a table (`mode` read or write); `foreign-key`: from
 * the referencing table to the referenced one; `join`: between two tables joined in one query
 * (from < to, undirected), `modules` says which modules wrote the query.
 */
export interface DataEdge {
  kind: DataEdgeKind;
  from: string;
  to: string;
  /** For table-access. */
  mode?: 'read' | 'write';
  /** For foreign-key: referencing and referenced columns, the constraint name and ON DELETE action if any. */
  columns?: { from: string[]; to: string[]; constraint?: string; onDelete?: string };
  /** For join: modules whose queries join the two tables, sorted. */
  modules?: string[];
  /** For table-access: the columns its parsed statements name (lower-cased, `*` for all), sorted; absent when none says. */
  fields?: string[];
  /** How it was found: a parsed statement, the fallback table-name extractor, an ORM mapping or a query builder. */
  via: 'sql' | 'fallback' | 'orm' | 'query-builder';
  /** Occurrences (statements, call sites). */
  weight: number;
  evidence: Evidence[];
}

/**
 * A transaction boundary in code and the tables it writes: inside its own lines, and through the
 * modules its lines call (two calls deep).
 */
export interface TransactionNode {
  /** `module#member:line` (member left out when unknown). */
  id: string;
  module: string;
  member?: string;
  /** How it is declared: `@Transactional`, `prisma.$transaction`, `em.transactional`, ... */
  kind: string;
  /** Spring's propagation when not the default (REQUIRES_NEW, ...). */
  propagation?: string;
  /** Tables written by its own lines, sorted. */
  writes: string[];
  /** Tables written by modules it calls, with the module that writes, sorted. */
  writesThrough: { table: string; module: string }[];
  evidence: Evidence;
}

/** The data signal: the schema and how code reaches it. */
export interface DataModel {
  /** The dialect statements were parsed with first, and why it was chosen. */
  dialect: { name: string; reason: string };
  /** Sorted by id. */
  tables: TableNode[];
  /** Sorted by kind, from, to, mode. */
  edges: DataEdge[];
  /** Statement counts: parsed per dialect, recovered by the fallback extractor, skipped as bulk data. */
  statements: { parsed: number; byDialect: Record<string, number>; fallback: number; bulkSkipped: number };
  /** Transactions that write at least one table, sorted by id (absent in older analyses). */
  transactions?: TransactionNode[];
}

/** A person who committed, after .mailmap and e-mail merging. */
export interface Author {
  /** Lower-cased e-mail. */
  id: string;
  /** Most frequent spelling of the name. */
  name: string;
  commits: number;
}

/** Change history of one module (only modules that exist today). */
export interface ModuleHistory {
  module: string;
  /** Commits touching any of its files in the window. */
  revisions: number;
  /** Added and deleted lines (only with --churn). */
  churn?: { added: number; deleted: number };
  /** ISO date of the newest commit touching it. */
  lastChanged: string;
  /** ISO date of the oldest commit touching it in the window (the age of the code, as far as the history reaches). Absent in analyses written before it. */
  firstChanged?: string;
  /** Authors with a commit on it in the 365 days before the newest commit of the history, sorted. Absent in analyses written before it. */
  activeAuthors?: string[];
  /** Authors by commits (desc), then id. */
  authors: { id: string; commits: number }[];
  /** Author with the most commits on it. */
  mainAuthor: string;
  /** The main author's share of its commits, 3 decimals. */
  ownership: number;
  /** 1 - sum of squared author shares, 3 decimals (0 = one author). */
  fragmentation: number;
}

/** Two modules that change together (code-maat semantics; see docs and DESIGN §3). */
export interface CoChange {
  a: string;
  b: string;
  /** Change sets touching both. */
  shared: number;
  /** Change sets touching each. */
  revsA: number;
  revsB: number;
  /** shared / mean(revsA, revsB) x 100, rounded to an integer as code-maat does. */
  degree: number;
  /** What clustering reads: sum over shared change sets of 1 / (modules in the set - 1), / mean(revsA, revsB), at most 1, 3 decimals (wide commits tie weakly). Absent in analyses written before it. */
  strength?: number;
  /** First commits (newest first) where they changed together, at most EVIDENCE_CAP. */
  commits: string[];
}

/** Two modules worked on by the same people. */
export interface CoAuthor {
  a: string;
  b: string;
  sharedAuthors: number;
  /** shared / |authors(a) ∪ authors(b)|, 3 decimals. */
  jaccard: number;
}

/** The history signal. */
export interface HistoryModel {
  available: boolean;
  /** Why there is no history, or a caveat. */
  note?: string;
  /** How commits were grouped into change sets, and the coupling thresholds used. */
  settings: { coupleBy: string; maxChangesetSize: number; minRevs: number; minShared: number; minCoupling: number; mergesExcluded: boolean; churn: boolean; maintenancePattern?: string };
  commits: number;
  botCommits: number;
  changesets: number;
  /** Change sets over maxChangesetSize files, left out of coupling. */
  bulkChangesets: number;
  /** Maintenance commits (5+ files whose subject matches maintenancePattern, or renames only, or with churn at most 2 changed lines in each of 10+ files) left out of coupling, with the first ones (newest first) and why. Absent in analyses written before it. */
  maintenanceCommits?: { count: number; examples: { sha: string; subject: string; files: number; why: string }[] };
  renamesFollowed: number;
  shallowDepth?: number;
  firstCommit?: string;
  lastCommit?: string;
  authors: Author[];
  /** Distinct paths touched in the window, and how many of them no longer exist (kept in totals only). */
  filesTouched: number;
  filesGone: number;
  modules: ModuleHistory[];
  coChange: CoChange[];
  coAuthor: CoAuthor[];
  /**
   * The change sets coupling counted (maintenance and bulk ones left out), newest first, with the
   * modules of today each touched: what change smells are measured on. Absent in analyses written before it.
   */
  changeSets?: ChangeSets;
}

/**
 * Change sets column by column (a commit, or commits grouped by ticket or author window): a history of
 * 20,000 commits names 85,000 modules, and an object per change set was most of the cost of keeping
 * them (heap, garbage collection, serialising). Read them with model/change-sets.ts.
 */
export interface ChangeSets {
  /** The newest commit of each change set. */
  ids: string[];
  /** Each change set's date (ISO). */
  dates: string[];
  /** Where each change set's modules start in `modules`: change set i holds modules[starts[i]] up to the next start (the last one to the end). */
  starts: number[];
  /** Indices into SystemModel.modules (this analysis's order), ascending within a change set. */
  modules: number[];
}

/** A candidate service: modules that belong together, the tables it would own. */
export interface Context {
  /** `ctx-1`, `ctx-2`, ... by size (lines, desc), then name. */
  id: string;
  /** Readable name from the business terms that distinguish it (tf-idf over its file, folder and table names), e.g. `cargo · handling`; the dominant folder when it has no business term. Unique. */
  name: string;
  /** Its most distinctive business terms, best first (at most 8): a glossary seed. */
  terms?: string[];
  /** Set when the context looks like a technical layer rather than a business capability, with the figures. */
  warning?: string;
  /** Sorted. */
  modules: string[];
  /** Tables it would own (it accesses them most), sorted. */
  tables: string[];
  lines: number;
}

/** A split of the modules into contexts plus a shared kernel; proposed by clustering or given by a user. */
export interface Decomposition {
  /** How it was obtained, e.g. `louvain x20 seeds, consensus (medoid), resolution 1`. */
  method: string;
  contexts: Context[];
  /** Modules set aside as a shared library, not forced into a context. */
  kernel: string[];
  /** Composition roots and wiring, set aside: each with the contexts it wires (depends on), sorted. Absent in analyses written before roles. */
  platform?: { module: string; wires: string[]; reason?: string }[];
  /** Kernel modules lifted out of a context after clustering because every context uses them alike, with the figures. */
  kernelReasons?: { module: string; reason: string }[];
  /** Tooling and generated modules: never in a context, a plan or a dead-code list. Sorted. Absent in analyses written before roles. */
  tooling?: string[];
  /** Per module: share of seeded runs that agree with its final context (Jaccard of co-members), 3 decimals. */
  confidence: { module: string; confidence: number }[];
  /** Modules with no evidence of belonging to any context (no ties, or an island below the minimum size): the workshop decides. Sorted. Absent in analyses written before it. */
  unplaced?: { module: string; reason: string }[];
  /**
   * Go macro first: the merge sequence from these contexts down to one, each step the pair of
   * contexts (ids) whose merge gains most modularity; the first k steps give contexts - k macro
   * contexts (a merged context keeps the id that sorts first). Absent for user decompositions.
   */
  merges?: { a: string; b: string }[];
  /** The recommended macro level: each macro context with the (micro) contexts it holds. Absent when the proposal is already the macro level. */
  macro?: { id: string; name: string; contexts: string[] }[];
  /** A decided decomposition (`--decomposition FILE`): the modules the file left open that msa-split placed, each with its context and why. Sorted. Absent for proposals. */
  placed?: { module: string; context: string; reason: string }[];
  /** A decided decomposition: modules whose place the workshop confirmed (never listed as fitting another context better). Sorted. */
  pinned?: string[];
}
