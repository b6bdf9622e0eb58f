/**
 * The shape of what one file says about its symbols, read from syntax alone (sketch-symbols.ts) and
 * resolved across files without a type checker (resolve-symbol-edges.ts). Plain JSON (no object keyed
 * by a source name: a class may well be called `constructor` or `__proto__`), so it can be cached.
 */

/** Where a chain of member accesses starts. */
export type ChainRoot =
  /** A name in the file's scope used as a value: a class (static access, `new`), a function, a namespace. */
  | { value: string }
  /** `this` inside the named top-level class. */
  | { this: string }
  /** `super` inside the named top-level class. */
  | { super: string }
  /** A value of a known type: a typed parameter or variable, `new X()`, `x as X`. */
  | { typed: TypeRef }
  /** A module loaded in place: `require('./db').init()`. */
  | { module: string };

/**
 * `root.a.b()` is `{ root, path: ['a', 'b'] }`; `()` in the path is the result of a call
 * (`getRepo().find` -> `['()', 'find']`, with the root being getRepo).
 */
export interface Chain {
  root: ChainRoot;
  path: string[];
}

/** A type as written (`OrderService`, `ns.Order`; generics and Promise<> dropped), or the type of a chain. */
export type TypeRef = { type: string; path?: string[] } | { chain: Chain };

export interface MemberSketch {
  name: string;
  /** Declared or inferred type of a property, parameter property or getter; a method's return type. */
  type?: TypeRef;
  /** A method (so `m()` is its return type) rather than a property. */
  method?: boolean;
}

export type DeclKind = 'class' | 'interface' | 'function' | 'variable' | 'enum' | 'type';

export interface DeclSketch {
  name: string;
  kind: DeclKind;
  /** `extends` / `implements` targets (type names in this file's scope). */
  bases?: TypeRef[];
  members?: MemberSketch[];
  /** A variable's declared or inferred type; a function's return type; a type alias's target. */
  type?: TypeRef;
  /** A function without a declared return type that returns an object literal (a factory, a composable): its members. */
  returned?: MemberSketch[];
}

export type ExportSketch =
  /** `export { local as name }`, `export class Name`, `export default local`. */
  | { name: string; local: string }
  /** `export { imported as name } from 'specifier'`; imported `*` for `export * as name from`. */
  | { name: string; specifier: string; imported: string };

export interface ImportBinding {
  local: string;
  specifier: string;
  /** The exported name, `default`, or `*` for the whole module (`import * as`, `require`). */
  imported: string;
}

/** One call, `new`, JSX element or heritage clause, with the evidence the edge will carry. */
export interface UseSketch {
  kind: 'call' | 'extends' | 'implements';
  chain: Chain;
  line: number;
  text: string;
  member?: string;
}

export interface SymbolSketch {
  imports: ImportBinding[];
  exports: ExportSketch[];
  /** `export * from 'specifier'`. */
  exportStars: string[];
  declarations: DeclSketch[];
  uses: UseSketch[];
  /** CommonJS: `module.exports = name` (or an object of names); members resolve to this file. */
  commonJs?: boolean;
}
