/**
 * The names a file gives to models it imports, so that `import OrderModel from '../models/order'`,
 * `import { Order as O } from './models'` and `const { Order: O } = require('./models')` reach the same
 * table as `Order`. No type checker: import bindings read from the syntax tree, relative specifiers
 * resolved against the repository's own files (extensions and index files tried in TypeScript's order),
 * a default import resolved to the name the target file exports as default.
 * Input: a parsed file, the files' texts, the default-export names. Output: local name -> exported name,
 * only for locals that differ from the name they stand for.
 */
import path from 'node:path';
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.js', '/index.tsx', '/index.jsx'];

/** `export default Order`, `export default class Order`, `module.exports = Order` -> Order. */
export function defaultExportName(sf: TS.SourceFile): string | undefined {
  for (const st of sf.statements) {
    if (ts.isExportAssignment(st) && !st.isExportEquals && ts.isIdentifier(st.expression)) return st.expression.text;
    if ((ts.isClassDeclaration(st) || ts.isFunctionDeclaration(st)) && st.name && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return st.name.text;
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = st.expression.left;
      if (ts.isPropertyAccessExpression(left) && left.getText(sf) === 'module.exports' && ts.isIdentifier(st.expression.right)) return st.expression.right.text;
    }
  }
  return undefined;
}

export function importAliases(file: string, sf: TS.SourceFile, files: ReadonlySet<string>, defaults: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const resolve = (specifier: string): string | undefined => {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.posix.join(path.posix.dirname(file), specifier);
    for (const ext of EXTENSIONS) if (files.has(base + ext)) return base + ext;
    return undefined;
  };
  const bindDefault = (local: string, specifier: string) => {
    const target = resolve(specifier);
    const name = target && defaults.get(target);
    if (name && name !== local) out.set(local, name);
  };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause) {
      const clause = st.importClause;
      if (clause.name) bindDefault(clause.name.text, st.moduleSpecifier.text);
      if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const el of clause.namedBindings.elements) if (el.propertyName && ts.isIdentifier(el.propertyName) && el.propertyName.text !== el.name.text) out.set(el.name.text, el.propertyName.text);
      }
    }
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        const required = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && ts.isStringLiteral(init.arguments[0]) ? init.arguments[0].text : undefined;
        if (!required) continue;
        if (ts.isIdentifier(d.name)) bindDefault(d.name.text, required);
        else if (ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) if (el.propertyName && ts.isIdentifier(el.propertyName) && ts.isIdentifier(el.name) && el.propertyName.text !== el.name.text) out.set(el.name.text, el.propertyName.text);
        }
      }
    }
  }
  return out;
}
