/**
 * What one TypeScript/JavaScript file says about symbols, from its syntax tree alone (the tree the
 * fast scan already parsed; nothing is parsed twice).
 * Input: a parsed SourceFile. Output: a SymbolSketch: import bindings, exports and re-exports,
 * top-level declarations with their members' declared types (properties, constructor parameter
 * properties, getters, method return types, `inject(X)`, `new X()` initializers), and every call,
 * `new`, JSX element and heritage clause as a chain from a root (`this.orders.place()` is `this`,
 * `orders`, `place`) with the types of local parameters and variables already substituted.
 * resolve-symbol-edges.ts follows the chains across files.
 * Budgets: chains longer than MAX_PATH links are dropped; the walk is as deep as the parser's tree
 * (the scan already refused files the parser cannot hold).
 */
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import { excerpt } from '../excerpt.js';
import { enclosingMember } from './enclosing-member.js';
import type { Chain, DeclSketch, MemberSketch, SymbolSketch, TypeRef, UseSketch } from './symbol-sketch.js';

const MAX_PATH = 24;
/** Wrappers whose first type argument is the type a caller works with. */
const UNWRAPPED = new Set(['Promise', 'PromiseLike', 'Awaited', 'Readonly', 'Partial', 'Required']);

type Scope = Map<string, TypeRef | null>;

export function sketchSymbols(sf: TS.SourceFile): SymbolSketch {
  const sketch: SymbolSketch = { imports: [], exports: [], exportStars: [], declarations: [], uses: [] };
  const lineOf = (node: TS.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const scopes: Scope[] = [];
  /** The top-level class `this` means in the code being walked; undefined where `this` is something else. */
  const thisClass: (string | undefined)[] = [];
  const classDecls = new Map<string, DeclSketch>();

  const lookupLocal = (name: string): TypeRef | null | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const hit = scopes[i]!.get(name);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };

  const chainOf = (expr: TS.Expression): Chain | undefined => {
    const path: string[] = [];
    let e: TS.Expression = expr;
    for (;;) {
      if (path.length > MAX_PATH) return undefined;
      if (ts.isPropertyAccessExpression(e)) {
        path.push(e.name.text);
        e = e.expression;
      } else if (ts.isElementAccessExpression(e)) {
        const arg = e.argumentExpression;
        if (!ts.isStringLiteral(arg) && !ts.isNoSubstitutionTemplateLiteral(arg)) return undefined;
        path.push(arg.text);
        e = e.expression;
      } else if (ts.isCallExpression(e)) {
        const typed = injectedType(e);
        if (typed) return { root: { typed }, path: path.reverse() };
        const specifier = requiredSpecifier(e);
        if (specifier !== undefined) return { root: { module: specifier }, path: path.reverse() };
        path.push('()');
        e = e.expression;
      } else if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e) || ts.isSatisfiesExpression(e)) {
        e = e.expression;
      } else if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
        const typed = isConstType(e.type) ? undefined : typeRefOfTypeNode(e.type);
        if (typed) return { root: { typed }, path: path.reverse() };
        e = e.expression;
      } else break;
    }
    path.reverse();
    if (ts.isIdentifier(e)) {
      const local = lookupLocal(e.text);
      if (local === null) return undefined;
      return { root: local ? { typed: local } : { value: e.text }, path };
    }
    const cls = thisClass[thisClass.length - 1];
    if (e.kind === ts.SyntaxKind.ThisKeyword) return cls ? { root: { this: cls }, path } : undefined;
    if (e.kind === ts.SyntaxKind.SuperKeyword) return cls ? { root: { super: cls }, path } : undefined;
    if (ts.isNewExpression(e)) {
      const typed = typeRefOfName(e.expression);
      return typed ? { root: { typed }, path } : undefined;
    }
    return undefined;
  };

  /** `inject(OrderService)` (Angular) gives an OrderService. */
  const injectedType = (call: TS.CallExpression): TypeRef | undefined => {
    const [arg] = call.arguments;
    return ts.isIdentifier(call.expression) && call.expression.text === 'inject' && arg && ts.isIdentifier(arg) ? { type: arg.text } : undefined;
  };

  /** The type an initializer gives a property or variable. */
  const typeRefOfInitializer = (init: TS.Expression | undefined): TypeRef | undefined => {
    if (!init) return undefined;
    let e = init;
    while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    if (ts.isNewExpression(e)) return typeRefOfName(e.expression);
    if ((ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) && !isConstType(e.type)) return typeRefOfTypeNode(e.type);
    if (ts.isCallExpression(e)) {
      const typed = injectedType(e);
      if (typed) return typed;
    }
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isObjectLiteralExpression(e) || ts.isLiteralExpression(e)) return undefined;
    const chain = chainOf(e);
    return chain ? { chain } : undefined;
  };

  const declareLocal = (name: TS.BindingName, type: TypeRef | undefined): void => {
    const scope = scopes[scopes.length - 1];
    if (!scope) return;
    if (ts.isIdentifier(name)) scope.set(name.text, type ?? null);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) declareLocal(el.name, undefined);
  };

  const addUse = (kind: UseSketch['kind'], at: TS.Node, chain: Chain | undefined, shown: TS.Node): void => {
    if (!chain) return;
    const member = enclosingMember(at);
    sketch.uses.push({ kind, chain, line: lineOf(at), text: excerpt(shown.getText(sf)), ...(member ? { member } : {}) });
  };

  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require' && lookupLocal('require') === undefined;
      if (callee.kind !== ts.SyntaxKind.ImportKeyword && !isRequire) {
        addUse('call', node, callee.kind === ts.SyntaxKind.SuperKeyword ? superChain() : chainOf(callee), callee);
      }
    } else if (ts.isNewExpression(node)) {
      const chain = chainOf(node.expression);
      addUse('call', node, chain, node);
    } else if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName;
      if (!(ts.isIdentifier(tag) && /^[a-z]/.test(tag.text))) addUse('call', node, ts.isJsxNamespacedName(tag) ? undefined : chainOf(tag as TS.Expression), tag);
    } else if (ts.isHeritageClause(node)) {
      const owner = node.parent;
      const kind = node.token === ts.SyntaxKind.ImplementsKeyword ? 'implements' : 'extends';
      for (const type of node.types) addUse(kind, type, chainOf(type.expression), owner.name ?? type);
    }

    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const name = node.name?.text;
      thisClass.push(name !== undefined && classDecls.has(name) && node.parent === sf ? name : undefined);
      ts.forEachChild(node, visit);
      thisClass.pop();
      return;
    }
    if (ts.isFunctionLike(node)) {
      // `function` and object-literal methods have a `this` of their own; arrows and class members keep the class's.
      const ownThis = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent));
      if (ownThis) thisClass.push(undefined);
      scopes.push(new Map());
      for (const p of node.parameters) declareLocal(p.name, p.type ? typeRefOfTypeNode(p.type) : typeRefOfInitializer(p.initializer));
      ts.forEachChild(node, visit);
      scopes.pop();
      if (ownThis) thisClass.pop();
      return;
    }
    if (ts.isVariableDeclaration(node) && scopes.length > 0) {
      // A require inside a function binds like one at the top (CommonJS code defers requires to break cycles).
      const specifier = requiredSpecifier(node.initializer);
      if (specifier !== undefined) {
        readRequire(node.name, specifier, sketch);
        return;
      }
      // Visit the initializer first: `const x = x.y` reads the outer x.
      if (node.initializer) visit(node.initializer);
      declareLocal(node.name, node.type ? typeRefOfTypeNode(node.type) : typeRefOfInitializer(node.initializer));
      return;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) assignedMember(node);
    if (ts.isCatchClause(node) && node.variableDeclaration) declareLocal(node.variableDeclaration.name, undefined);
    if ((ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node)) && scopes.length > 0 && node.name) declareLocal(node.name, undefined);
    ts.forEachChild(node, visit);
  };

  /** `this.cache = new Cache()` in a class body types the member (JavaScript declares fields this way). */
  const assignedMember = (node: TS.BinaryExpression): void => {
    const cls = thisClass[thisClass.length - 1];
    const left = node.left;
    if (!cls || !ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) return;
    const decl = classDecls.get(cls);
    const type = typeRefOfInitializer(node.right);
    if (!decl || !type) return;
    decl.members ??= [];
    const name = left.name.text;
    const own = decl.members.find((m) => m.name === name);
    if (!own) decl.members.push({ name, type });
    else if (!own.type && !own.method) own.type = type;
  };

  const superChain = (): Chain | undefined => {
    const cls = thisClass[thisClass.length - 1];
    return cls ? { root: { super: cls }, path: [] } : undefined;
  };

  for (const st of sf.statements) readTopLevel(st, sketch, typeRefOfInitializer);
  for (const d of sketch.declarations) if (d.kind === 'class' && !classDecls.has(d.name)) classDecls.set(d.name, d);
  visit(sf);
  return sketch;
}

/** Imports, exports and declarations of one top-level statement. */
function readTopLevel(
  st: TS.Statement,
  sketch: SymbolSketch,
  typeRefOfInitializer: (init: TS.Expression | undefined) => TypeRef | undefined,
): void {
  if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause) {
    const specifier = st.moduleSpecifier.text;
    const clause = st.importClause;
    if (clause.name) sketch.imports.push({ local: clause.name.text, specifier, imported: 'default' });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) sketch.imports.push({ local: bindings.name.text, specifier, imported: '*' });
    else if (bindings) for (const el of bindings.elements) sketch.imports.push({ local: el.name.text, specifier, imported: (el.propertyName ?? el.name).text });
    return;
  }
  if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
    sketch.imports.push({ local: st.name.text, specifier: st.moduleReference.expression.text, imported: '*' });
    return;
  }
  if (ts.isExportDeclaration(st)) {
    const specifier = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
    const clause = st.exportClause;
    if (!clause) {
      if (specifier !== undefined) sketch.exportStars.push(specifier);
    } else if (ts.isNamespaceExport(clause)) {
      if (specifier !== undefined) sketch.exports.push({ name: clause.name.text, specifier, imported: '*' });
    } else {
      for (const el of clause.elements) {
        const local = (el.propertyName ?? el.name).text;
        sketch.exports.push(specifier !== undefined ? { name: el.name.text, specifier, imported: local } : { name: el.name.text, local });
      }
    }
    return;
  }
  if (ts.isExportAssignment(st)) {
    if (ts.isIdentifier(st.expression)) sketch.exports.push({ name: 'default', local: st.expression.text });
    else if (st.isExportEquals) sketch.commonJs = true;
    return;
  }
  if (ts.isExpressionStatement(st)) {
    readCommonJsExport(st.expression, sketch, typeRefOfInitializer);
    return;
  }
  const exported = ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  const declare = (decl: DeclSketch): void => {
    sketch.declarations.push(decl);
    if (isDefault) sketch.exports.push({ name: 'default', local: decl.name });
    else if (exported) sketch.exports.push({ name: decl.name, local: decl.name });
  };
  if (ts.isClassDeclaration(st)) {
    declare(classSketch(st.name?.text ?? 'default', st, typeRefOfInitializer));
  } else if (ts.isInterfaceDeclaration(st)) {
    declare({ name: st.name.text, kind: 'interface', ...basesOf(st), members: st.members.flatMap((m) => memberSketch(m, typeRefOfInitializer)) });
  } else if (ts.isFunctionDeclaration(st)) {
    declare(functionSketch(st.name?.text ?? 'default', st, typeRefOfInitializer));
  } else if (ts.isEnumDeclaration(st)) {
    declare({ name: st.name.text, kind: 'enum' });
  } else if (ts.isTypeAliasDeclaration(st)) {
    declare(typeAliasSketch(st.name.text, st.type, typeRefOfInitializer));
  } else if (ts.isVariableStatement(st)) {
    for (const d of st.declarationList.declarations) {
      const specifier = requiredSpecifier(d.initializer);
      if (specifier !== undefined) readRequire(d.name, specifier, sketch);
      else if (ts.isIdentifier(d.name)) declare(variableSketch(d.name.text, d.type, d.initializer, typeRefOfInitializer));
    }
  }
}

/** A function's declared return type, or else the members of the object literal it returns. */
function functionSketch(name: string, fn: TS.FunctionLikeDeclaration, typeRefOfInitializer: (init: TS.Expression | undefined) => TypeRef | undefined): DeclSketch {
  if (fn.type) return { name, kind: 'function', ...optionalType(typeRefOfTypeNode(fn.type)) };
  const returned = returnedObject(fn);
  return { name, kind: 'function', ...(returned ? { returned: returned.properties.flatMap((p) => memberSketch(p, typeRefOfInitializer)) } : {}) };
}

/** The object literal a function returns (`=> ({ ... })`, or its body's last top-level `return { ... }`). */
function returnedObject(fn: TS.FunctionLikeDeclaration): TS.ObjectLiteralExpression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  let e: TS.Node | undefined = body;
  if (ts.isBlock(body)) {
    const last = body.statements[body.statements.length - 1];
    e = last && ts.isReturnStatement(last) ? last.expression : undefined;
  }
  const value = e && withoutWrappers(e as TS.Expression);
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

/** `{ ... } as const`, `{ ... } satisfies T`, `({ ... })` are the value itself. */
function withoutWrappers(e: TS.Expression): TS.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e) || (ts.isAsExpression(e) && isConstType(e.type))) e = e.expression;
  return e;
}

/** `type P = { auth: AuthDef }` has members; `type P = A & { b: B }` has A as a base; `type P = Q` stands for Q. */
function typeAliasSketch(name: string, type: TS.TypeNode, typeRefOfInitializer: (init: TS.Expression | undefined) => TypeRef | undefined): DeclSketch {
  const parts: TS.TypeNode[] = ts.isIntersectionTypeNode(type) ? [...type.types] : [type];
  const literals: TS.TypeLiteralNode[] = [];
  for (const p of parts) if (ts.isTypeLiteralNode(p)) literals.push(p);
  if (literals.length === 0) return { name, kind: 'type', ...optionalType(typeRefOfTypeNode(type)) };
  const bases = parts.filter((p) => !ts.isTypeLiteralNode(p)).flatMap((p) => typeRefOfTypeNode(p) ?? []);
  const members = literals.flatMap((l) => l.members.flatMap((m) => memberSketch(m, typeRefOfInitializer)));
  return { name, kind: 'interface', ...(bases.length > 0 ? { bases } : {}), members };
}

function variableSketch(
  name: string,
  type: TS.TypeNode | undefined,
  init: TS.Expression | undefined,
  typeRefOfInitializer: (init: TS.Expression | undefined) => TypeRef | undefined,
): DeclSketch {
  init = init && withoutWrappers(init);
  if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return functionSketch(name, init, typeRefOfInitializer);
  if (init && ts.isClassExpression(init)) return classSketch(name, init, typeRefOfInitializer);
  if (init && ts.isObjectLiteralExpression(init)) {
    return { name, kind: 'variable', members: init.properties.flatMap((p) => memberSketch(p, typeRefOfInitializer)) };
  }
  return { name, kind: 'variable', ...optionalType(type ? typeRefOfTypeNode(type) : typeRefOfInitializer(init)) };
}

function classSketch(name: string, node: TS.ClassLikeDeclaration, typeRefOfInitializer: (init: TS.Expression | undefined) => TypeRef | undefined): DeclSketch {
  const members: MemberSketch[] = [];
  for (const m of node.members) {
    if (ts.isConstructorDeclaration(m)) {
      // Parameter properties (`constructor(private readonly orders: OrderService)`), the DI idiom.
      for (const p of m.parameters) {
        if (ts.isIdentifier(p.name) && (ts.getModifiers(p)?.length ?? 0) > 0) {
          members.push({ name: p.name.text, ...optionalType(p.type ? typeRefOfTypeNode(p.type) : typeRefOfInitializer(p.initializer)) });
        }
      }
    } else members.push(...memberSketch(m, typeRefOfInitializer));
  }
  return { name, kind: 'class', ...basesOf(node), members };
}

function memberSketch(m: TS.Node, typeRefOfInitializer: (init: TS.Expression | undefined) => TypeRef | undefined): MemberSketch[] {
  const name = (m as { name?: TS.PropertyName }).name;
  if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) return [];
  const text = name.text;
  if (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) return [{ name: text, method: true, ...optionalType(m.type ? typeRefOfTypeNode(m.type) : undefined) }];
  if (ts.isGetAccessor(m)) return [{ name: text, ...optionalType(m.type ? typeRefOfTypeNode(m.type) : undefined) }];
  if (ts.isPropertyDeclaration(m) || ts.isPropertySignature(m)) {
    const init = ts.isPropertyDeclaration(m) ? m.initializer : undefined;
    if (m.type && ts.isFunctionTypeNode(m.type)) return [{ name: text, method: true, ...optionalType(typeRefOfTypeNode(m.type.type)) }];
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return [functionMember(text, init)];
    return [{ name: text, ...optionalType(m.type ? typeRefOfTypeNode(m.type) : typeRefOfInitializer(init)) }];
  }
  if (ts.isPropertyAssignment(m)) {
    const init = m.initializer;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return [functionMember(text, init)];
    return [{ name: text, ...optionalType(typeRefOfInitializer(init)) }];
  }
  if (ts.isShorthandPropertyAssignment(m)) return [{ name: text, type: { chain: { root: { value: text }, path: [] } } }];
  return [];
}

/** A member holding a function (`find = () => ...`, `find: function () {...}`): a method with its return type. */
function functionMember(name: string, fn: TS.ArrowFunction | TS.FunctionExpression): MemberSketch {
  return { name, method: true, ...optionalType(fn.type ? typeRefOfTypeNode(fn.type) : undefined) };
}

function basesOf(node: TS.ClassLikeDeclaration | TS.InterfaceDeclaration): { bases?: TypeRef[] } {
  const bases: TypeRef[] = [];
  for (const clause of node.heritageClauses ?? []) {
    for (const t of clause.types) {
      const ref = typeRefOfName(t.expression);
      if (ref) bases.push(ref);
    }
  }
  return bases.length > 0 ? { bases } : {};
}

function optionalType(type: TypeRef | undefined): { type?: TypeRef } {
  return type ? { type } : {};
}

function isConstType(t: TS.TypeNode): boolean {
  return ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === 'const';
}

/** `X` -> X; `ns.X` -> ns with path X; anything else has no name to follow. */
function typeRefOfName(e: TS.Node): TypeRef | undefined {
  const path: string[] = [];
  let n: TS.Node = e;
  while (ts.isPropertyAccessExpression(n) || ts.isQualifiedName(n)) {
    path.push(ts.isPropertyAccessExpression(n) ? n.name.text : n.right.text);
    n = ts.isPropertyAccessExpression(n) ? n.expression : n.left;
  }
  if (!ts.isIdentifier(n) || path.length > MAX_PATH) return undefined;
  return path.length > 0 ? { type: n.text, path: path.reverse() } : { type: n.text };
}

/** A written type -> the named type a caller works with (`Promise<Order>` -> Order, `Order | undefined` -> Order). */
function typeRefOfTypeNode(node: TS.TypeNode): TypeRef | undefined {
  if (ts.isParenthesizedTypeNode(node)) return typeRefOfTypeNode(node.type);
  if (ts.isUnionTypeNode(node)) {
    const named = node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) && t.kind !== ts.SyntaxKind.UndefinedKeyword);
    return named.length === 1 ? typeRefOfTypeNode(named[0]!) : undefined;
  }
  if (!ts.isTypeReferenceNode(node)) return undefined;
  const name = node.typeName;
  if (ts.isIdentifier(name) && UNWRAPPED.has(name.text)) {
    const [arg] = node.typeArguments ?? [];
    return arg ? typeRefOfTypeNode(arg) : undefined;
  }
  return typeRefOfName(name);
}

/** `const x = require('./y')` binds the whole module; `const { a, b: c } = require('./y')` binds y's exports a and b. */
function readRequire(name: TS.BindingName, specifier: string, sketch: SymbolSketch): void {
  if (ts.isIdentifier(name)) {
    sketch.imports.push({ local: name.text, specifier, imported: '*' });
    return;
  }
  if (!ts.isObjectBindingPattern(name)) return;
  for (const el of name.elements) {
    if (!ts.isIdentifier(el.name)) continue;
    const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
    sketch.imports.push({ local: el.name.text, specifier, imported });
  }
}

function requiredSpecifier(init: TS.Expression | undefined): string | undefined {
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') return undefined;
  const [arg] = init.arguments;
  return arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined;
}

/** `module.exports = X`, `module.exports = { a, b }`, `exports.a = ...`, `module.exports.a = ...`. */
function readCommonJsExport(e: TS.Expression, sketch: SymbolSketch, typeRefOfInitializer: (init: TS.Expression | undefined) => TypeRef | undefined): void {
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = e.left.getText();
  if (target === 'module.exports') {
    sketch.commonJs = true;
    const specifier = requiredSpecifier(e.right);
    if (specifier !== undefined) sketch.exportStars.push(specifier);
    else if (ts.isIdentifier(e.right)) sketch.exports.push({ name: 'default', local: e.right.text });
    else if (ts.isObjectLiteralExpression(e.right)) {
      for (const p of e.right.properties) {
        if (ts.isShorthandPropertyAssignment(p)) sketch.exports.push({ name: p.name.text, local: p.name.text });
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ts.isIdentifier(p.initializer)) sketch.exports.push({ name: p.name.text, local: p.initializer.text });
      }
    }
    return;
  }
  const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (m) {
    sketch.commonJs = true;
    sketch.declarations.push(variableSketch(m[1]!, undefined, e.right, typeRefOfInitializer));
    sketch.exports.push({ name: m[1]!, local: m[1]! });
  }
}
