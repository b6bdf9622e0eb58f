/**
 * Calls, `new`, JSX elements and heritage clauses across files, resolved from syntax alone: the
 * default symbol stage (the type checker runs only with --deep).
 * Input: each file's SymbolSketch and the specifier -> local file map of the import stage.
 * Output: file-level edges `call` / `extends` / `implements` with file:line evidence, the same shape
 * and evidence as the checker stage gives.
 * How: a use is a chain from a root (a name in file scope, `this`, `super`, a value of a declared
 * type); the root is looked up through import bindings and re-exports (barrels, `export *`) to the file
 * that declares it; each link of the chain moves to the declared type of the member (properties,
 * constructor parameter properties, getters, method return types), looking members up along
 * `extends`/`implements`; the edge goes to the file that declares the last link. What the syntax
 * does not say (inferred return types, generics) ends the chain without an edge, never with a guess,
 * except one: a member of an object-literal constant is taken to live in that constant's file.
 * Budgets: MAX_DEPTH nested lookups per question (re-export cycles, long base chains), answers memoised.
 */
import type { FileEdge } from '../../../model/facts/code-facts.js';
import type { Chain, DeclSketch, MemberSketch, SymbolSketch, TypeRef, UseSketch } from './symbol-sketch.js';

const MAX_DEPTH = 32;

/** Something a name or a member denotes: a declaration in a file, a whole module, or just a file. */
interface Found {
  file: string;
  decl?: DeclSketch;
  /** A module bound as a namespace (`import * as x`, `require`): members are its exports. */
  namespace?: boolean;
}

/** A member found on a Found: where it is declared, and its sketch when there is one. */
interface MemberHit {
  file: string;
  member?: MemberSketch;
  /** When the member is itself a module export (namespace members). */
  value?: Found;
}

interface FileIndex {
  sketch: SymbolSketch;
  declarations: Map<string, DeclSketch>;
  imports: Map<string, { specifier: string; imported: string }>;
  exports: Map<string, SymbolSketch['exports'][number]>;
}

export function resolveSymbolEdges(
  sketches: ReadonlyMap<string, SymbolSketch>,
  resolvedImports: ReadonlyMap<string, ReadonlyMap<string, string>>,
): FileEdge[] {
  const index = new Map<string, FileIndex>();
  for (const [file, sketch] of sketches) {
    const declarations = new Map<string, DeclSketch>();
    for (const d of sketch.declarations) {
      const seen = declarations.get(d.name);
      // Declaration merging (class + interface of one name): members of both.
      if (seen && seen.kind !== 'class' && d.kind === 'class') declarations.set(d.name, { ...d, members: [...(d.members ?? []), ...(seen.members ?? [])] });
      else if (!seen) declarations.set(d.name, d);
    }
    index.set(file, {
      sketch,
      declarations,
      imports: new Map(sketch.imports.map((b) => [b.local, b])),
      exports: new Map(sketch.exports.map((e) => [e.name, e])),
    });
  }
  const target = (file: string, specifier: string): string | undefined => resolvedImports.get(file)?.get(specifier);

  /** A lookup by (file, name), memoised; a cycle (a re-export loop) answers "unknown". */
  type Lookup = (file: string, name: string, depth: number) => Found | undefined;
  const memoised = (lookup: Lookup): Lookup => {
    const memo = new Map<string, Found | undefined>();
    return (file, name, depth) => {
      const key = file + '\0' + name;
      if (memo.has(key)) return memo.get(key);
      memo.set(key, undefined);
      const result = lookup(file, name, depth);
      memo.set(key, result);
      return result;
    };
  };

  /** What `imported` of the module `specifier` names in `file`: the whole module (`*`), or one of its exports. */
  const follow = (file: string, specifier: string, imported: string, depth: number): Found | undefined => {
    const to = target(file, specifier);
    if (to === undefined) return undefined;
    return imported === '*' ? { file: to, namespace: true } : lookupExport(to, imported, depth + 1);
  };

  /** A name in a file's scope: a declaration of the file, or an import binding followed to its declaration. */
  const lookupValue: Lookup = memoised((file, name, depth) => {
    const fi = index.get(file);
    if (!fi || depth > MAX_DEPTH) return undefined;
    const decl = fi.declarations.get(name);
    if (decl) return { file, decl };
    const binding = fi.imports.get(name);
    return binding ? follow(file, binding.specifier, binding.imported, depth) : undefined;
  });

  /** What a module exports under a name, through re-exports and `export *`. */
  const lookupExport: Lookup = memoised((file, name, depth) => {
    const fi = index.get(file);
    if (!fi || depth > MAX_DEPTH) return undefined;
    const exp = fi.exports.get(name);
    if (exp) return 'local' in exp ? (lookupValue(file, exp.local, depth + 1) ?? { file }) : follow(file, exp.specifier, exp.imported, depth);
    for (const spec of fi.sketch.exportStars) {
      const hit = name === 'default' ? undefined : follow(file, spec, name, depth);
      if (hit) return hit;
    }
    const decl = fi.declarations.get(name);
    if (decl) return { file, decl };
    // CommonJS modules and anonymous default exports: the member lives in the module itself.
    if (fi.sketch.commonJs || name === 'default') return { file };
    return undefined;
  });

  /** The declaration whose members apply to a value of the given type. */
  const instanceOf = (file: string, ref: TypeRef | undefined, depth: number): Found | undefined => {
    if (!ref || depth > MAX_DEPTH) return undefined;
    let found: Found | undefined;
    if ('chain' in ref) found = evaluate(file, ref.chain, depth + 1).state;
    else {
      found = lookupValue(file, ref.type, depth + 1);
      for (const name of ref.path ?? []) {
        if (!found) return undefined;
        found = memberOf(found, name, depth + 1)?.value;
      }
    }
    if (!found?.decl) return found;
    // A type alias or a variable stands for the type it names.
    if (found.decl.kind === 'type' || (found.decl.kind === 'variable' && found.decl.type)) return instanceOf(found.file, found.decl.type, depth + 1) ?? found;
    return found;
  };

  /** Where a member of something is declared: its own members, then its bases; a namespace's export. */
  const memberOf = (on: Found, name: string, depth: number): MemberHit | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    if (on.namespace) {
      const value = lookupExport(on.file, name, depth + 1);
      return value ? { file: value.file, value } : undefined;
    }
    const decl = on.decl;
    if (!decl) return { file: on.file };
    const own = decl.members?.find((m) => m.name === name);
    if (own) return { file: on.file, member: own };
    if (decl.kind === 'class' || decl.kind === 'interface') {
      for (const base of decl.bases ?? []) {
        const b = instanceOf(on.file, base, depth + 1);
        const hit = b ? memberOf(b, name, depth + 1) : undefined;
        if (hit) return hit;
      }
      return undefined;
    }
    if (decl.kind === 'variable' || decl.kind === 'type') {
      const typed = decl.type ? instanceOf(on.file, decl.type, depth + 1) : undefined;
      if (typed && typed.decl !== decl) return memberOf(typed, name, depth + 1);
      // An object-literal constant: its members live in its file.
      return decl.kind === 'variable' && decl.members ? { file: on.file } : undefined;
    }
    // Enum members, a function's static properties.
    return { file: on.file };
  };

  /** Follows a chain; `file` is where its last link is declared, `state` what it evaluates to. */
  const evaluate = (file: string, chain: Chain, depth: number): { file?: string; state?: Found } => {
    if (depth > MAX_DEPTH) return {};
    const root = chain.root;
    let state: Found | undefined;
    if ('value' in root) state = lookupValue(file, root.value, depth + 1);
    else if ('typed' in root) state = instanceOf(file, root.typed, depth + 1);
    else if ('module' in root) state = follow(file, root.module, '*', depth);
    else {
      const cls = index.get(file)?.declarations.get('this' in root ? root.this : root.super);
      if (!cls) return {};
      state = 'this' in root ? { file, decl: cls } : instanceOf(file, cls.bases?.[0], depth + 1);
    }
    if (!state) return {};
    let at = state.file;
    let pending: MemberHit | undefined;
    for (const link of chain.path) {
      if (link === '()') {
        // The result of a call: a method's or a function's declared return type.
        const called = pending ? pending.value : state;
        if (pending?.member) state = instanceOf(pending.file, pending.member.type, depth + 1);
        else if (called?.decl?.kind === 'function') state = resultOf(called.file, called.decl, depth);
        else state = undefined;
        pending = undefined;
        if (!state) return {};
        continue;
      }
      if (pending) state = stateOf(pending, depth);
      if (!state) return {};
      const hit = memberOf(state, link, depth + 1);
      if (!hit) return {};
      at = hit.file;
      pending = hit;
    }
    if (pending) state = stateOf(pending, depth);
    return { file: at, state };
  };

  /** What calling a function gives: its declared return type, or the object literal it returns. */
  const resultOf = (file: string, fn: DeclSketch, depth: number): Found | undefined => {
    if (fn.type) return instanceOf(file, fn.type, depth + 1);
    return fn.returned ? { file, decl: { name: fn.name, kind: 'variable', members: fn.returned } } : undefined;
  };

  /** What a member evaluates to when used as a value (not called). */
  const stateOf = (hit: MemberHit, depth: number): Found | undefined => {
    if (hit.value) return hit.value;
    if (hit.member && !hit.member.method) return instanceOf(hit.file, hit.member.type, depth + 1);
    return undefined;
  };

  const edges: FileEdge[] = [];
  for (const [file, fi] of index) {
    for (const use of fi.sketch.uses) {
      const to = evaluate(file, use.chain, 0).file;
      if (to !== undefined && to !== file && index.has(to)) edges.push(edgeOf(use, file, to));
    }
  }
  return edges;
}

function edgeOf(use: UseSketch, from: string, to: string): FileEdge {
  return { kind: use.kind, from, to, evidence: { file: from, line: use.line, text: use.text, ...(use.member ? { member: use.member } : {}) } };
}
