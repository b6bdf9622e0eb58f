/**
 * Syntactic scan of one Java file with tree-sitter (web-tree-sitter + the tree-sitter-java grammar's
 * wasm). The parser recovers from errors: a broken file still yields what parses, and each ERROR or
 * MISSING node becomes a diagnostic.
 * Output: package, imports (single, wildcard, static), top-level types with annotations, supertypes
 * and generic arguments, type references (fields, parameters, `new`, static calls, calls on typed
 * fields), string literals and @Query values, JPA mapping facts of @Entity classes.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';
import type { Diagnostic } from '../../../model/types.js';
import { excerpt } from '../excerpt.js';

export interface JavaAnnotation {
  name: string;
  /** Element values by key (`value` for the single unnamed one), strings unquoted. */
  args: Record<string, string>;
}

export interface JavaType {
  name: string;
  kind: 'class' | 'interface' | 'enum' | 'record' | 'annotation';
  line: number;
  annotations: JavaAnnotation[];
  extends: { name: string; typeArgs: string[] }[];
  implements: { name: string; typeArgs: string[] }[];
  /** Fields: name, declared type (simple, generic arguments kept apart), annotations. */
  fields: { name: string; type: string; typeArgs: string[]; annotations: JavaAnnotation[]; line: number }[];
  /** Methods with annotations (for @Query). */
  methods: { name: string; annotations: JavaAnnotation[]; line: number; endLine: number }[];
}

/** Receivers whose calls read or write entities: JPA's EntityManager and Hibernate's Session. */
/** Spring's programmatic transactions (and the reactive one). */
const TRANSACTION_TEMPLATES = new Set(['TransactionTemplate', 'TransactionalOperator']);
const CRITERIA_CALLS = new Set(['createQuery', 'from', 'createCriteriaUpdate', 'createCriteriaDelete']);
const PERSISTENCE_RECEIVERS = new Set(['EntityManager', 'Session', 'StatelessSession', 'MongoTemplate', 'MongoOperations', 'ReactiveMongoTemplate', 'ReactiveMongoOperations']);

export interface JavaScan {
  packageName: string;
  imports: { name: string; wildcard: boolean; isStatic: boolean; line: number; text: string }[];
  types: JavaType[];
  /** Simple type names used in the code, with where and how. */
  refs: { name: string; line: number; how: 'type' | 'new' | 'static-call' | 'field-call'; text: string }[];
  strings: { text: string; line: number }[];
  /** Calls on a JPA EntityManager or Hibernate Session, with what their arguments say (class literals, typed values, strings). */
  persistenceCalls: { method: string; args: { kind: 'class' | 'value' | 'string'; name: string }[]; line: number; text: string }[];
  /** Programmatic transactions: `transactionTemplate.execute(status -> ...)` and the like, with their lines. */
  transactionCalls: { line: number; endLine: number; text: string }[];
  diagnostics: Diagnostic[];
  /** Decision points (if, loops, case labels, catch, ?:, &&, ||): McCabe's count without the +1 per method. */
  decisions?: number;
}

let parserPromise: Promise<Parser> | undefined;

/** One parser for the process; the wasm grammar loads once. */
export function javaParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const wasm = path.join(path.dirname(require.resolve('tree-sitter-java/package.json')), 'tree-sitter-java.wasm');
    const parser = new Parser();
    parser.setLanguage(await Language.load(wasm));
    return parser;
  })();
  return parserPromise;
}

const TYPE_DECLS: Record<string, JavaType['kind']> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  enum_declaration: 'enum',
  record_declaration: 'record',
  annotation_type_declaration: 'annotation',
};

const lineOf = (n: Node) => n.startPosition.row + 1;

function unquote(text: string): string {
  if (text.startsWith('"""')) return text.slice(3, -3).replace(/^\s*\n/, '');
  if (text.startsWith('"')) return text.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\t/g, '\t');
  return text;
}

/** The simple name of a type node (`java.util.List<Owner>` -> List, with Owner as an argument). */
function typeName(n: Node | null): { name: string; typeArgs: string[] } {
  if (!n) return { name: '', typeArgs: [] };
  if (n.type === 'generic_type') {
    const base = n.namedChildren.find((c) => c && c.type !== 'type_arguments');
    const args = n.namedChildren.find((c) => c && c.type === 'type_arguments');
    return { name: typeName(base ?? null).name, typeArgs: (args?.namedChildren ?? []).filter((c): c is Node => !!c).map((c) => typeName(c).name).filter(Boolean) };
  }
  if (n.type === 'scoped_type_identifier') return { name: n.text.split('.').pop() ?? n.text, typeArgs: [] };
  if (n.type === 'array_type') return typeName(n.childForFieldName('element'));
  return { name: n.text, typeArgs: [] };
}

function annotationsOf(modifiers: Node | null | undefined): JavaAnnotation[] {
  const out: JavaAnnotation[] = [];
  for (const c of modifiers?.namedChildren ?? []) {
    if (!c || (c.type !== 'annotation' && c.type !== 'marker_annotation')) continue;
    const name = (c.childForFieldName('name')?.text ?? '').split('.').pop() ?? '';
    const args: Record<string, string> = {};
    const list = c.childForFieldName('arguments');
    for (const a of list?.namedChildren ?? []) {
      if (!a) continue;
      if (a.type === 'element_value_pair') {
        const key = a.childForFieldName('key')?.text ?? 'value';
        args[key] = valueText(a.childForFieldName('value'));
      } else args.value = valueText(a);
    }
    out.push({ name, args });
  }
  return out;
}

/** A string (or concatenation of strings) as its text; anything else as written. */
function valueText(n: Node | null): string {
  if (!n) return '';
  if (n.type === 'string_literal' || n.type === 'text_block') return unquote(n.text);
  if (n.type === 'binary_expression') return valueText(n.childForFieldName('left')) + valueText(n.childForFieldName('right'));
  return n.text;
}

export async function scanJava(file: string, text: string): Promise<JavaScan> {
  const parser = await javaParser();
  const tree = parser.parse(text);
  const out: JavaScan = { packageName: '', imports: [], types: [], refs: [], strings: [], persistenceCalls: [], transactionCalls: [], diagnostics: [] };
  if (!tree) {
    out.diagnostics.push({ severity: 'error', code: 'parse-error', message: 'tree-sitter could not parse this file', file });
    return out;
  }
  const root = tree.rootNode;
  let errors = 0;
  const fieldTypes = new Map<string, string>();

  // Syntax errors: ERROR nodes and MISSING tokens, found through the subtrees that contain them.
  const findErrors = (n: Node): void => {
    if (n.type === 'ERROR' || n.isMissing) {
      if (errors++ < 3) {
        out.diagnostics.push({
          severity: 'error',
          code: 'parse-error',
          message: `syntax error ${n.isMissing ? `(missing '${n.type}')` : `near '${excerpt(n.text).slice(0, 40)}'`} (the rest of the file is still analysed)`,
          file,
          line: lineOf(n),
        });
      }
      if (n.type === 'ERROR') return;
    }
    for (const c of n.children) if (c && (c.hasError || c.isMissing || c.type === 'ERROR')) findErrors(c);
  };
  if (root.hasError) findErrors(root);

  const visit = (n: Node, inType: JavaType | undefined): void => {
    switch (n.type) {
      case 'package_declaration':
        out.packageName = n.namedChildren.find((c) => c && (c.type === 'scoped_identifier' || c.type === 'identifier'))?.text ?? '';
        return;
      case 'import_declaration': {
        const m = /^import\s+(static\s+)?([\w.]+?)(\.\*)?\s*;?$/.exec(n.text.replace(/\s+/g, ' ').trim());
        if (m) out.imports.push({ name: m[2]!, wildcard: !!m[3], isStatic: !!m[1], line: lineOf(n), text: excerpt(n.text) });
        return;
      }
      case 'string_literal':
      case 'text_block':
        out.strings.push({ text: unquote(n.text), line: lineOf(n) });
        return;
      case 'object_creation_expression': {
        const t = typeName(n.childForFieldName('type'));
        if (t.name) out.refs.push({ name: t.name, line: lineOf(n), how: 'new', text: excerpt(n.text) });
        break;
      }
      case 'method_invocation': {
        const object = n.childForFieldName('object');
        const receiver = object?.type === 'identifier' ? object.text : object?.type === 'field_access' && object.childForFieldName('object')?.type === 'this' ? (object.childForFieldName('field')?.text ?? '') : '';
        const method = n.childForFieldName('name')?.text ?? '';
        // The Criteria API names its entity with a class literal on any receiver: cb.createQuery(Order.class),
        // query.from(Order.class), cb.createCriteriaUpdate(Order.class).
        const criteria = CRITERIA_CALLS.has(method) && (n.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a?.type === 'class_literal');
        if (TRANSACTION_TEMPLATES.has(fieldTypes.get(receiver) ?? '') && /^execute/.test(method)) out.transactionCalls.push({ line: lineOf(n), endLine: n.endPosition.row + 1, text: excerpt(n.text) });
        if (criteria || PERSISTENCE_RECEIVERS.has(fieldTypes.get(receiver) ?? '')) {
          const args = (n.childForFieldName('arguments')?.namedChildren ?? []).flatMap((a): JavaScan['persistenceCalls'][number]['args'] => {
            if (!a) return [];
            if (a.type === 'class_literal') return [{ kind: 'class', name: typeName(a.namedChildren[0] ?? null).name }];
            if (a.type === 'identifier' && fieldTypes.has(a.text)) return [{ kind: 'value', name: fieldTypes.get(a.text)! }];
            if (a.type === 'string_literal') return [{ kind: 'string', name: unquote(a.text) }];
            return [];
          });
          out.persistenceCalls.push({ method, args, line: lineOf(n), text: excerpt(n.text) });
        }
        if (object && object.type === 'identifier') {
          const name = object.text;
          if (fieldTypes.has(name)) out.refs.push({ name: fieldTypes.get(name)!, line: lineOf(n), how: 'field-call', text: excerpt(n.text) });
          else if (/^[A-Z]/.test(name)) out.refs.push({ name, line: lineOf(n), how: 'static-call', text: excerpt(n.text) });
        } else if (object && object.type === 'field_access' && object.childForFieldName('object')?.type === 'this') {
          const field = object.childForFieldName('field')?.text ?? '';
          if (fieldTypes.has(field)) out.refs.push({ name: fieldTypes.get(field)!, line: lineOf(n), how: 'field-call', text: excerpt(n.text) });
        }
        break;
      }
      case 'formal_parameter': {
        const t = typeName(n.childForFieldName('type'));
        for (const name of [t.name, ...t.typeArgs]) if (name) out.refs.push({ name, line: lineOf(n), how: 'type', text: excerpt(n.text) });
        const param = n.childForFieldName('name')?.text;
        if (param && t.name) fieldTypes.set(param, t.name);
        break;
      }
      case 'field_declaration': {
        const t = typeName(n.childForFieldName('type'));
        const annotations = annotationsOf(n.namedChildren.find((c) => c?.type === 'modifiers'));
        for (const d of n.namedChildren) {
          if (!d || d.type !== 'variable_declarator') continue;
          const name = d.childForFieldName('name')?.text ?? '';
          fieldTypes.set(name, t.name);
          inType?.fields.push({ name, type: t.name, typeArgs: t.typeArgs, annotations, line: lineOf(n) });
        }
        for (const name of [t.name, ...t.typeArgs]) if (name) out.refs.push({ name, line: lineOf(n), how: 'type', text: excerpt(n.text) });
        break;
      }
      case 'method_declaration': {
        inType?.methods.push({ name: n.childForFieldName('name')?.text ?? '', annotations: annotationsOf(n.namedChildren.find((c) => c?.type === 'modifiers')), line: lineOf(n), endLine: n.endPosition.row + 1 });
        const t = typeName(n.childForFieldName('type'));
        for (const name of [t.name, ...t.typeArgs]) if (name && name !== 'void') out.refs.push({ name, line: lineOf(n), how: 'type', text: excerpt(n.text.split('{')[0] ?? n.text) });
        break;
      }
      case 'local_variable_declaration': {
        const t = typeName(n.childForFieldName('type'));
        for (const d of n.namedChildren) if (d?.type === 'variable_declarator' && t.name) fieldTypes.set(d.childForFieldName('name')?.text ?? '', t.name);
        for (const name of [t.name, ...t.typeArgs]) if (name && name !== 'var') out.refs.push({ name, line: lineOf(n), how: 'type', text: excerpt(n.text) });
        break;
      }
    }
    const kind = TYPE_DECLS[n.type];
    if (kind) {
      const type: JavaType = {
        name: n.childForFieldName('name')?.text ?? '',
        kind,
        line: lineOf(n),
        annotations: annotationsOf(n.namedChildren.find((c) => c?.type === 'modifiers')),
        extends: [],
        implements: [],
        fields: [],
        methods: [],
      };
      const supers = (node: Node | null | undefined) =>
        (node?.namedChildren ?? [])
          .flatMap((c) => (c?.type === 'type_list' ? c.namedChildren : [c]))
          .filter((c): c is Node => !!c && c.type !== 'type_list')
          .map((c) => typeName(c));
      const superclass = n.childForFieldName('superclass');
      if (superclass) type.extends.push(...supers(superclass));
      const interfaces = n.childForFieldName('interfaces') ?? n.namedChildren.find((c) => c?.type === 'super_interfaces' || c?.type === 'extends_interfaces');
      const list = supers(interfaces);
      if (kind === 'interface') type.extends.push(...list);
      else type.implements.push(...list);
      for (const s of [...type.extends, ...type.implements]) for (const name of [s.name, ...s.typeArgs]) out.refs.push({ name, line: type.line, how: 'type', text: `${type.name} : ${s.name}` });
      // Only top-level types are modules' public faces; nested ones stay inside.
      if (!inType) out.types.push(type);
      for (const c of n.namedChildren) if (c) visit(c, inType ?? type);
      return;
    }
    for (const c of n.namedChildren) if (c) visit(c, inType);
  };
  visit(root, undefined);
  out.decisions = countDecisions(root);
  if (errors > 3) out.diagnostics.push({ severity: 'error', code: 'parse-error', message: `${errors - 3} more syntax errors not listed`, file });
  tree.delete();
  return out;
}

const DECISION_TYPES = ['if_statement', 'for_statement', 'enhanced_for_statement', 'while_statement', 'do_statement', 'catch_clause', 'switch_label', 'ternary_expression'];

/** Decision points, found by the parser's own search (no walk in JavaScript over every node). */
function countDecisions(root: Node): number {
  const logical = root.descendantsOfType('binary_expression').filter((b) => {
    const op = b?.childForFieldName('operator')?.type;
    return op === '&&' || op === '||';
  }).length;
  // `default:` is a switch label too but adds no path.
  const labels = root.descendantsOfType(DECISION_TYPES).filter((n) => n !== null && !(n.type === 'switch_label' && n.text.trim().startsWith('default'))).length;
  return labels + logical;
}
