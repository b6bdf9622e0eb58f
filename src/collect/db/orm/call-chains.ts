/**
 * Table use through ORMs and query builders, read from call chains (no type checker needed).
 * Input: code texts and each ORM reader with the names its schema maps to tables. Output: table
 * accesses and joins. One walk per file that any reader may use: for the outermost call of every
 * chain the readers' matchers are tried in registry order (the first that recognises it claims it),
 * and every decorator and heritage clause is shown to the readers that read them.
 */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { Evidence } from '../../../model/types.js';
import { excerpt } from '../../code/excerpt.js';
import { tableId, type FileJoin, type FileTableAccess } from '../../../model/facts/db-facts.js';
import { parseSource, type ParseSource } from './orm-facts.js';
import type { ChainLink, OrmReader, UseSink } from './orm-reader.js';
import { defaultExportName, importAliases } from './import-aliases.js';

const DEFAULT_EXPORT = /\bexport\s+default\s+(?:class\s+)?[A-Za-z_$]|\bmodule\.exports\s*=\s*[A-Za-z_$]/;

export interface ReaderWithNames {
  reader: OrmReader;
  names: ReadonlyMap<string, string>;
}

export function readOrmUsage(
  texts: ReadonlyMap<string, string>,
  readers: readonly ReaderWithNames[],
  parse: ParseSource = parseSource,
  onFiles: (done: number, total: number) => void = () => {},
  /** `check --since`: only these files' uses are wanted (every file still names its models). */
  usesIn?: ReadonlySet<string>,
): { accesses: FileTableAccess[]; joins: FileJoin[] } {
  const accesses: FileTableAccess[] = [];
  const joins: FileJoin[] = [];
  // Default exports of model files, so that a default import under another name finds its table.
  const known = (name: string) => readers.some(({ names }) => names.has(name));
  const defaults = new Map<string, string>();
  if (readers.some(({ names }) => names.size > 0)) {
    for (const [file, text] of texts) {
      if (!DEFAULT_EXPORT.test(text)) continue;
      const name = defaultExportName(parse(file, text));
      if (name && known(name)) defaults.set(file, name);
    }
  }
  const files = new Set(texts.keys());
  let seen = 0;
  for (const [file, text] of texts) {
    if (++seen % 500 === 0) onFiles(seen, texts.size);
    if (usesIn !== undefined && !usesIn.has(file)) continue;
    if (!readers.some(({ reader }) => reader.mayUse.test(text))) continue;
    const sf = parse(file, text);
    // Names this file gives the models it imports (`import OrderModel from './order'`).
    const aliases = [...importAliases(file, sf, files, defaults)].filter(([, name]) => known(name));
    const namesHere = (names: ReadonlyMap<string, string>): ReadonlyMap<string, string> => {
      const extra = aliases.filter(([local, name]) => names.has(name) && !names.has(local));
      return extra.length === 0 ? names : new Map([...names, ...extra.map(([local, name]) => [local, names.get(name)!] as const)]);
    };
    const local = aliases.length === 0 ? readers : readers.map((r) => ({ reader: r.reader, names: namesHere(r.names) }));
    const at = (n: TS.Node): Evidence => ({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: excerpt(n.getText(sf)) });
    const add = (table: string, mode: 'read' | 'write', via: FileTableAccess['via'], n: TS.Node) => accesses.push({ file, table: tableId({ name: table }), mode, via, evidence: at(n) });
    const judged = new Map<RegExp, boolean>();
    const sink: UseSink = {
      text,
      fileMatches: (re) => judged.get(re) ?? judged.set(re, re.test(text)).get(re)!,
      read: (table, node, via = 'orm') => add(table, 'read', via, node),
      write: (table, node, via = 'orm') => add(table, 'write', via, node),
      join: (x, y, node) => {
        const [a, b] = [tableId({ name: x }), tableId({ name: y })].sort();
        if (a !== b) joins.push({ file, a: a!, b: b!, via: 'query-builder', evidence: at(node) });
      },
    };
    const visit = (node: TS.Node): void => {
      if (ts.isCallExpression(node) && !isInnerOfChain(node)) {
        const chain = flatten(node);
        if (chain.length > 0) local.some(({ reader, names }) => reader.matchChain?.(node, chain, names, sink) === true);
      }
      if (ts.isDecorator(node)) for (const { reader, names } of local) reader.matchDecorator?.(node, names, sink);
      if (ts.isHeritageClause(node)) for (const type of node.types) for (const { reader, names } of local) reader.matchHeritage?.(type, names, sink);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { accesses, joins };
}

/** True for a call that is only a link inside a longer chain (`a().b()`: `a()` is inner). */
export function isInnerOfChain(node: TS.CallExpression): boolean {
  const parent = node.parent;
  return ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
}

/** Links of a call chain, root first: knex('t').where(x).update(y) -> [knex('t'), where(x), update(y)]. */
export function flatten(outer: TS.CallExpression): ChainLink[] {
  const links: ChainLink[] = [];
  let e: TS.Expression = outer;
  for (let guard = 0; guard < 100; guard++) {
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        links.unshift({ name: callee.name.text, args: e.arguments, node: e });
        e = callee.expression;
      } else if (ts.isIdentifier(callee)) {
        links.unshift({ name: callee.text, args: e.arguments, node: e });
        break;
      } else if (callee.kind === ts.SyntaxKind.SuperKeyword) {
        // `super(Order, ...)`: a subclass handing a model to its base (a repository wrapper).
        links.unshift({ name: 'super', args: e.arguments, node: e });
        break;
      } else break;
    } else if (ts.isPropertyAccessExpression(e)) {
      e = e.expression;
    } else if (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) {
      e = e.expression;
    } else break;
  }
  return links;
}

export function identifierName(e: TS.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The value of `key` in an object literal (`{ key: value }` or `{ 'key': value }`); undefined for anything else. */
export function propertyValue(e: TS.Expression | undefined, key: string): TS.Expression | undefined {
  if (!e || !ts.isObjectLiteralExpression(e)) return undefined;
  for (const p of e.properties) if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key) return p.initializer;
  return undefined;
}

export function stringValue(e: TS.Expression | undefined): string | undefined {
  return e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined;
}
