/**
 * File-level facts produced by a language adapter, before modules exist.
 * buildModel groups them by granularity; nothing here knows about modules.
 */
import type { CodeEdgeKind, Diagnostic, Evidence, Language, RoleFact, SkippedPath } from '../types.js';

/** One occurrence of a dependency between two files. */
export interface FileEdge {
  kind: CodeEdgeKind;
  from: string;
  to: string;
  evidence: Evidence;
}

export interface CodeFileInfo {
  path: string;
  language: Language;
  lines: number;
  bytes: number;
  /** Decision points (if, loops, case, catch, conditional and logical operators), where the parser counts them. */
  complexity?: number;
}

export interface ExternalUse {
  file: string;
  name: string;
  builtin: boolean;
  declared: boolean;
  /** `import type`: the package's types only, nothing at run time. */
  typeOnly?: boolean;
}

export interface UnresolvedUse {
  file: string;
  specifier: string;
  evidence: Evidence;
}

export interface SqlLiteralUse {
  /** Where the SQL text sits (evidence). */
  file: string;
  /** The module it belongs to when that is another file (a MyBatis mapper's interface); default `file`. */
  owner?: string;
  line: number;
  text: string;
  tag?: string;
  callee?: string;
  enclosing?: string;
}

/**
 * What a framework can see in a file, without knowing the framework: a decorator or annotation on a
 * class (`on: 'type'`) or a member, a supertype, a route registration (`app.get('/orders', ...)`), a
 * program's `main`, a `'use client'` / `'use server'` directive, an HTTP call with a URL path (`fetch('/api/orders')`, `http.get(`${base}/orders`)`).
 * The classify stage turns these into roles and entry points.
 */
export interface FrameworkFact {
  kind: 'decorator' | 'annotation' | 'supertype' | 'route' | 'main' | 'http-call' | 'directive';
  /** Decorator/annotation/supertype name without `@` or package; the HTTP method for a route. */
  name: string;
  on?: 'type' | 'member';
  /** The route or called URL path, or the annotated type's (or member's) name. */
  detail?: string;
  /** A decorator's or annotation's first string argument (`@Controller('orders')`, `@GetMapping("/{id}")`). */
  value?: string;
  line: number;
}

/**
 * A transaction boundary in code: a @Transactional method (or every method of a @Transactional class),
 * a `prisma.$transaction(...)` / `sequelize.transaction(...)` / `knex.transaction(...)` /
 * `dataSource.transaction(...)` / `em.transactional(...)` callback, a @Transactional() decorated
 * method. Lines `line`..`endLine` of `file` are inside it.
 */
export interface TransactionFact {
  file: string;
  line: number;
  endLine: number;
  /** The method or function that holds it, when known. */
  member?: string;
  /** How it was declared: `@Transactional`, `prisma.$transaction`, ... */
  kind: string;
  /** Spring's propagation (REQUIRES_NEW, ...), when not the default. */
  propagation?: string;
  /** Declared read-only: it writes nothing. */
  readOnly?: boolean;
}

export interface CodeFacts {
  files: CodeFileInfo[];
  edges: FileEdge[];
  externals: ExternalUse[];
  unresolved: UnresolvedUse[];
  sqlLiterals: SqlLiteralUse[];
  /** Entry-point files with the reason they count as one. */
  entryPoints: Map<string, string>;
  /** Folders of package.json files, repo-relative ('' = root), for `package` granularity. */
  packageRoots: string[];
  skipped: SkippedPath[];
  diagnostics: Diagnostic[];
  /** Framework stereotypes per file (Spring's @Service, ...), when the adapter knows them. */
  stereotypes?: Map<string, string[]>;
  /** Decorators, annotations, supertypes and route registrations per file. */
  frameworkFacts?: Map<string, FrameworkFact[]>;
  /** Transaction boundaries, when the adapter finds them. */
  transactions?: TransactionFact[];
  /** Each file's role (set by the classify stage, read by buildModel). */
  roles?: Map<string, RoleFact>;
  /** Routes each file serves (`GET /orders/*`), set by the classify stage. */
  endpoints?: Map<string, string[]>;
  /** Test files read apart from the program (absent with includeTests, when they are modules). */
  tests?: TestFacts;
}

/** Test files and what they use: edges to program files and to other test files (helpers). */
export interface TestFacts {
  files: CodeFileInfo[];
  edges: FileEdge[];
}

