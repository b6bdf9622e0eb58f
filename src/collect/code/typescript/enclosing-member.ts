/**
 * The named method or function a node sits in: the member an edge's evidence names, so that a facade
 * can be split method by method. Shared by the syntax and the checker symbol stages, so both name
 * the same member for the same call.
 */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';

export function enclosingMember(node: TS.Node): string | undefined {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isMethodDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n)) && n.name && ts.isIdentifier(n.name)) return n.name.text;
    if (ts.isConstructorDeclaration(n)) return 'constructor';
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) return n.name.text;
  }
  return undefined;
}
