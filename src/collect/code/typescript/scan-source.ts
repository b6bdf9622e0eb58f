/**
 * Fast syntactic scan of one TypeScript/JavaScript file (no type checker).
 * Input: file path and text. Output: its import specifiers (by kind, with line), SQL-looking literals,
 * and syntax errors. Uses ts.createSourceFile: the parser recovers from errors, so a broken file still
 * yields what it can, and each syntax error becomes a diagnostic.
 */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { FrameworkFact } from '../../../model/facts/code-facts.js';
import type { Diagnostic } from '../../../model/types.js';
import { excerpt } from '../excerpt.js';
import { looksLikeSql } from './looks-like-sql.js';
import { sketchSymbols } from './sketch-symbols.js';
import type { SymbolSketch } from './symbol-sketch.js';

/** How a specifier was written; decides the edge kind. */
export type ImportForm = 'import' | 'type-import' | 'dynamic-import' | 'require';

export interface ImportFact {
  specifier: string;
  form: ImportForm;
  line: number;
  /** The statement, shortened. */
  text: string;
}

export interface SqlLiteralFact {
  line: number;
  text: string;
  tag?: string;
  callee?: string;
  /** Name of the enclosing function or method (`up`, `down` in migrations), if any. */
  enclosing?: string;
}

export interface ScanResult {
  imports: ImportFact[];
  sqlLiterals: SqlLiteralFact[];
  /** Decorators on classes and their members, route registrations (`router.get('/x', ...)`). */
  framework: FrameworkFact[];
  /** Transaction boundaries: ORM transaction callbacks and @Transactional() methods. */
  transactions: { line: number; endLine: number; member?: string; kind: string }[];
  diagnostics: Diagnostic[];
  /** Set when the file nests too deeply for the TypeScript parser's recursion (the stack ran out). */
  tooDeep?: boolean;
  /** What the file says about its symbols (with `sketch: true`), from the same parse. */
  symbols?: SymbolSketch;
  /** Decision points (if, loops, case, catch, ?:, &&, ||, ??): McCabe's count without the +1 per function. */
  decisions?: number;
}

/** Script kind by extension, so .js files may hold JSX and .ts files may not. */
export function scriptKindFor(filePath: string): TS.ScriptKind {
  if (filePath.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(filePath)) return ts.ScriptKind.TS;
  if (filePath.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

const MAX_PARSE_DIAGNOSTICS = 3;

/**
 * Scans one file; never throws. TypeScript's parser is recursive descent, so a file nesting thousands
 * of levels deep (a repository can hold one) exhausts the stack: that file becomes a diagnostic and
 * yields no facts, and the caller keeps it out of the later stages that would parse it again.
 * `harvestSql: false` skips SQL literal harvesting (the benchmark measures what harvesting costs);
 * `sketch: true` also reads the symbol sketch the syntax symbol stage resolves (same parse).
 */
export interface ScanOptions {
  harvestSql?: boolean;
  sketch?: boolean;
}

export function scanSource(filePath: string, text: string, options: ScanOptions = {}): ScanResult {
  try {
    return scanSourceUnbounded(filePath, text, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      imports: [],
      sqlLiterals: [],
      framework: [],
      transactions: [],
      tooDeep: true,
      diagnostics: [{ severity: 'warning', code: 'nesting-too-deep', message: `nested too deeply to parse (${error.message}); the file counts as a module with no dependencies`, file: filePath }],
    };
  }
}

function scanSourceUnbounded(filePath: string, text: string, options: ScanOptions): ScanResult {
  const harvest = options.harvestSql !== false;
  const sf = ts.createSourceFile(filePath, text, ts.ScriptTarget.Latest, true, scriptKindFor(filePath));
  const imports: ImportFact[] = [];
  const sqlLiterals: SqlLiteralFact[] = [];
  const framework: FrameworkFact[] = [];
  const transactions: ScanResult['transactions'] = [];
  const diagnostics: Diagnostic[] = [];
  const lineOf = (node: TS.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const endLineOf = (node: TS.Node): number => sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
  const excerptOf = (node: TS.Node): string => excerpt(node.getText(sf));

  // parseDiagnostics is internal to the TypeScript API but stable for a decade; it is the only way to
  // get syntax errors without building a Program.
  const parseErrors = ((sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? []);
  for (const d of parseErrors.slice(0, MAX_PARSE_DIAGNOSTICS)) {
    diagnostics.push({
      severity: 'error',
      code: 'parse-error',
      message: `syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')} (the rest of the file is still analysed)`,
      file: filePath,
      line: sf.getLineAndCharacterOfPosition(d.start).line + 1,
    });
  }
  if (parseErrors.length > MAX_PARSE_DIAGNOSTICS) {
    diagnostics.push({
      severity: 'error',
      code: 'parse-error',
      message: `${parseErrors.length - MAX_PARSE_DIAGNOSTICS} more syntax errors not listed`,
      file: filePath,
    });
  }

  const addImport = (specifier: string, form: ImportForm, node: TS.Node): void => {
    imports.push({ specifier, form, line: lineOf(node), text: excerptOf(node) });
  };

  let decisions = 0;
  const visit = (node: TS.Node): void => {
    if (DECISION_KINDS.has(node.kind) || (node.kind === ts.SyntaxKind.BinaryExpression && LOGICAL_OPERATORS.has((node as TS.BinaryExpression).operatorToken.kind))) decisions++;
    // Decorators sit among a declaration's modifiers: most nodes have none, and are skipped at once.
    const modifiers = (node as { modifiers?: TS.NodeArray<TS.ModifierLike> }).modifiers;
    if (modifiers !== undefined && modifiers.length > 0 && ts.canHaveDecorators(node)) {
      for (const d of ts.getDecorators(node) ?? []) {
        const name = decoratorName(d);
        if (!name) continue;
        const on = ts.isClassDeclaration(node) || ts.isClassExpression(node) ? 'type' : 'member';
        const owner = on === 'type' ? (node as TS.ClassLikeDeclaration).name?.text : memberName(node, sf);
        const value = decoratorValue(d);
        if (name === 'Transactional' && on === 'member') transactions.push({ line: lineOf(node), endLine: endLineOf(node), ...(owner ? { member: owner } : {}), kind: '@Transactional' });
        framework.push({ kind: 'decorator', name, on, ...(owner ? { detail: owner } : {}), ...(value !== undefined ? { value } : {}), line: lineOf(d) });
      }
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      addImport(node.moduleSpecifier.text, isTypeOnlyImport(node) ? 'type-import' : 'import', node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      addImport(node.moduleSpecifier.text, isTypeOnlyExport(node) ? 'type-import' : 'import', node);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      addImport(node.moduleReference.expression.text, node.isTypeOnly ? 'type-import' : 'require', node);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) addImport(arg.literal.text, 'type-import', node);
    } else if (ts.isCallExpression(node)) {
      visitCall(node);
    } else if (ts.isTaggedTemplateExpression(node) && harvest) {
      const text = templateText(node.template, sf);
      const tag = node.tag.getText(sf);
      if (/(^|\.)sql$/i.test(tag) || looksLikeSql(text)) sqlLiterals.push({ line: lineOf(node.template), text, tag, ...enclosingOf(node) });
      // Substitutions may hold further literals.
      if (ts.isTemplateExpression(node.template)) node.template.templateSpans.forEach((s) => visit(s.expression));
      return;
    } else if (harvest && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))) {
      const text = ts.isTemplateExpression(node) ? templateText(node, sf) : node.text;
      if (looksLikeSql(text)) sqlLiterals.push({ line: lineOf(node), text, callee: calleeOf(node, sf), ...enclosingOf(node) });
    }
    ts.forEachChild(node, visit);
  };

  const visitCall = (node: TS.CallExpression): void => {
    const [first] = node.arguments;
    const literal = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
    // An HTTP call from a client: fetch(url), axios(url), axios.get(url), this.http.get(url), $fetch(url), ky.get(url).
    // (Names first: the URL and the receiver's text are computed only for calls that could be HTTP calls.)
    const callee = node.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (first !== undefined && calleeName !== undefined && (HTTP_FUNCTIONS.has(calleeName) || HTTP_METHODS.has(calleeName))) {
      const url = urlPath(first);
      const method =
        url === undefined ? undefined
        : HTTP_FUNCTIONS.has(calleeName) ? 'get'
        : ts.isPropertyAccessExpression(callee) && HTTP_CLIENT.test(callee.expression.getText(sf)) ? calleeName
        : undefined;
      if (method) framework.push({ kind: 'http-call', name: method === 'del' ? 'delete' : method, detail: url!, line: lineOf(node) });
    }
    // A transaction: prisma.$transaction(...), sequelize/knex/dataSource/manager.transaction(...),
    // MikroORM's em.transactional(...), queryRunner.startTransaction(). With a callback, the callback is
    // the boundary; without one (an unmanaged transaction), the enclosing function is.
    if (ts.isPropertyAccessExpression(callee) && calleeName !== undefined && TRANSACTION_CALLS.test(calleeName) && (calleeName !== 'transaction' || TRANSACTION_RECEIVER.test(callee.expression.getText(sf)))) {
      const callback = node.arguments.some((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
      const span = (callback ? undefined : enclosingFunction(node)) ?? node;
      const member = enclosingOf(node).enclosing;
      transactions.push({ line: lineOf(span), endLine: endLineOf(span), ...(member ? { member } : {}), kind: `${callee.expression.getText(sf).split('.').pop()}.${calleeName}` });
    }
    // A route registration: `<app|router|x>.get('/path', handler)` (Express, Koa-router, Fastify, Hono).
    if (literal !== undefined && literal.startsWith('/') && node.arguments.length >= 2 && ts.isPropertyAccessExpression(node.expression) && ROUTE_METHODS.has(node.expression.name.text)) {
      framework.push({ kind: 'route', name: node.expression.name.text, detail: literal, line: lineOf(node) });
    }
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      if (literal !== undefined) addImport(literal, 'dynamic-import', node);
      else
        diagnostics.push({
          severity: 'info',
          code: 'dynamic-import-expression',
          message: `import() with a computed specifier cannot be followed: ${excerptOf(node)}`,
          file: filePath,
          line: lineOf(node),
        });
    } else if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
      if (literal !== undefined) addImport(literal, 'require', node);
      else
        diagnostics.push({
          severity: 'info',
          code: 'dynamic-require-expression',
          message: `require() with a computed specifier cannot be followed: ${excerptOf(node)}`,
          file: filePath,
          line: lineOf(node),
        });
    }
  };

  // React Server Components: a leading 'use client' / 'use server' says where the file runs.
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isStringLiteral(st.expression)) break;
    if (st.expression.text === 'use client' || st.expression.text === 'use server') framework.push({ kind: 'directive', name: st.expression.text, line: lineOf(st) });
  }
  visit(sf);
  return { imports, sqlLiterals, framework, transactions, diagnostics, decisions, ...(options.sketch ? { symbols: sketchSymbols(sf) } : {}) };
}

/** Statements and expressions that add a path through the code (cyclomatic complexity). */
const DECISION_KINDS: ReadonlySet<TS.SyntaxKind> = new Set([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.ConditionalExpression,
]);
const LOGICAL_OPERATORS: ReadonlySet<TS.SyntaxKind> = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'route']);
const TRANSACTION_CALLS = /^(\$transaction|transaction|transactional|startTransaction)$/;
/** `x.transaction(...)` is a database transaction when x reads like a database handle. */
const TRANSACTION_RECEIVER = /(sequelize|knex|db|database|datasource|manager|connection|prisma|orm|client|trx|pool|em)$/i;

/** The function or method a node sits in, if any. */
function enclosingFunction(node: TS.Node): TS.Node | undefined {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

const HTTP_FUNCTIONS = new Set(['fetch', '$fetch', 'useFetch', 'axios', 'ky', 'got', 'request', 'superagent']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'request']);
/** Receivers of `.get(url)` that are HTTP clients (not a Map, a router or a repository). */
const HTTP_CLIENT = /(^|\.)(http|httpClient|axios|api|apiClient|client|ky|got|request|superagent|instance|\$http)$/i;

/**
 * The path of a URL argument: a string or template whose text starts with `/` or `http://localhost`, or a template starting with a base-URL substitution (`${this.baseUrl}/orders`); every other
 * substitution becomes `:param`, the query string is dropped. Undefined when it is not a URL.
 */
function urlPath(e: TS.Expression): string | undefined {
  let text: string;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) text = e.text;
  else if (ts.isTemplateExpression(e)) {
    const headless = e.head.text === '';
    text = e.head.text + e.templateSpans.map((s, i) => (headless && i === 0 ? '' : ':param') + s.literal.text).join('');
    if (headless && !text.startsWith('/')) return undefined;
  } else return undefined;
  // A URL naming another host is a third-party API, not this repository's server (localhost aside).
  if (/^https?:\/\//.test(text) && !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(text)) return undefined;
  const noHost = text.replace(/^https?:\/\/[^/]+/, '');
  if (!noHost.startsWith('/') || noHost.startsWith('//')) return undefined;
  return noHost.split(/[?#]/)[0]!;
}

/** `@Controller('orders')` -> 'orders'; `@Get()` -> ''; a decorator without a string argument -> undefined. */
function decoratorValue(d: TS.Decorator): string | undefined {
  if (!ts.isCallExpression(d.expression)) return undefined;
  const [arg] = d.expression.arguments;
  if (arg === undefined) return '';
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  if (ts.isObjectLiteralExpression(arg)) {
    const path = arg.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'path') as TS.PropertyAssignment | undefined;
    if (path && (ts.isStringLiteral(path.initializer) || ts.isNoSubstitutionTemplateLiteral(path.initializer))) return path.initializer.text;
  }
  return undefined;
}

/** `@Controller('x')` -> Controller; `@ng.Component` -> Component. */
function decoratorName(d: TS.Decorator): string | undefined {
  const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function memberName(node: TS.Node, sf: TS.SourceFile): string | undefined {
  const name = (node as { name?: TS.PropertyName }).name;
  if (!name) return undefined;
  const own = ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText(sf);
  const cls = node.parent && (ts.isClassDeclaration(node.parent) || ts.isClassExpression(node.parent)) ? node.parent.name?.text : undefined;
  return cls ? `${cls}.${own}` : own;
}

function isTypeOnlyImport(node: TS.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // side-effect import: runtime
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  // `import { type A, type B }` is type-only; `import {}` is kept as runtime (it still loads the module).
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: TS.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** Template text with substitutions kept as `${expression}` so later stages can see placeholders. */
function templateText(node: TS.TemplateLiteral, sf: TS.SourceFile): string {
  if (ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  let text = node.head.text;
  for (const span of node.templateSpans) text += '${' + span.expression.getText(sf) + '}' + span.literal.text;
  return text;
}

/** Name of the nearest named function or method around a node. */
function enclosingOf(node: TS.Node): { enclosing?: string } {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isMethodDeclaration(n) || ts.isFunctionDeclaration(n)) && n.name && ts.isIdentifier(n.name)) return { enclosing: n.name.text };
    if ((ts.isFunctionExpression(n) || ts.isArrowFunction(n)) && ts.isPropertyAssignment(n.parent) && ts.isIdentifier(n.parent.name)) return { enclosing: n.parent.name.text };
  }
  return {};
}

/** Name of the function a literal is passed to directly: `query` in `db.query("...")`. */
function calleeOf(node: TS.Node, sf: TS.SourceFile): string | undefined {
  const parent = node.parent;
  if (!parent || !ts.isCallExpression(parent) || !parent.arguments.includes(node as TS.Expression)) return undefined;
  const callee = parent.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.getText(sf);
  if (ts.isIdentifier(callee)) return callee.text;
  return undefined;
}

