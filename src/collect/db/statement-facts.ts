/**
 * What one parsed statement says about the schema and about data access.
 * Input: a node-sql-parser AST (any dialect; column shapes differ and are normalised here).
 * Output: tables created (columns, primary key, inline and table-level foreign keys), altered
 * (added foreign keys and columns, renames), dropped and renamed; tables read and written; pairs of
 * tables joined. Mode: the target of INSERT/UPDATE/DELETE/REPLACE/MERGE is written, every other table
 * reference is read. Joins: equality conditions (ON and WHERE) between columns of two different
 * tables, plus JOIN ... USING and unqualified ON, which pair a joined table with the one before it.
 * CTE names are not tables.
 */
import { compareStrings } from '../../model/compare.js';
import { DYNAMIC_TABLE } from './parse-sql.js';
import { pushAll } from '../../model/group.js';

export interface TableRef {
  schema?: string;
  name: string;
}

export interface ForeignKeyFact {
  columns: string[];
  references: TableRef;
  referencedColumns: string[];
  constraint?: string;
  /** ON DELETE action, lower-cased (`cascade`, `set null`, ...), when declared. */
  onDelete?: string;
}

export interface CreateTableFact {
  table: TableRef;
  columns: { name: string; type?: string; nullable?: boolean }[];
  primaryKey: string[];
  foreignKeys: ForeignKeyFact[];
  /** Unique constraints over two or more columns. */
  uniqueKeys?: string[][];
}

export interface StatementFacts {
  creates: CreateTableFact[];
  alters: { table: TableRef; foreignKeys: ForeignKeyFact[]; columns: CreateTableFact['columns']; renameTo?: TableRef }[];
  drops: TableRef[];
  renames: { from: TableRef; to: TableRef }[];
  /** With the columns the statement names on that table (`*` for all), where they can be told apart. */
  accesses: { table: TableRef; mode: 'read' | 'write'; columns?: string[] }[];
  joins: [TableRef, TableRef][];
  /** A table name came from a template substitution: the real table is unknown. */
  dynamicTable: boolean;
}

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);

/** Column names come as 'x', {expr: {value: 'x'}} or {value: 'x'} depending on dialect. */
export function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!isNode(v)) return undefined;
  if (typeof v.value === 'string') return v.value;
  if ('expr' in v) return nameOf(v.expr);
  if ('column' in v) return nameOf(v.column);
  return undefined;
}

function refOf(node: Node): TableRef | undefined {
  const name = nameOf(node.table);
  if (!name) return undefined;
  const schema = nameOf(node.db) ?? nameOf(node.schema);
  return schema ? { schema, name } : { name };
}

function columnsOf(list: unknown): string[] {
  return Array.isArray(list) ? list.map(nameOf).filter((x): x is string => !!x) : [];
}

function foreignKeyOf(columns: string[], ref: unknown, constraint: unknown): ForeignKeyFact | undefined {
  if (!isNode(ref)) return undefined;
  const tables = Array.isArray(ref.table) ? ref.table : [];
  const target = isNode(tables[0]) ? refOf(tables[0]) : undefined;
  if (!target) return undefined;
  const name = nameOf(constraint);
  const actions = Array.isArray(ref.on_action) ? ref.on_action.filter(isNode) : [];
  const onDelete = actions.find((a) => a.type === 'on delete');
  const action = onDelete ? nameOf(onDelete.value)?.toLowerCase() : undefined;
  return { columns, references: target, referencedColumns: columnsOf(ref.definition), ...(name ? { constraint: name } : {}), ...(action ? { onDelete: action } : {}) };
}

function definitionsOf(defs: unknown): { columns: CreateTableFact['columns']; primaryKey: string[]; foreignKeys: ForeignKeyFact[]; uniqueKeys?: string[][] } {
  const columns: CreateTableFact['columns'] = [];
  const primaryKey: string[] = [];
  const foreignKeys: ForeignKeyFact[] = [];
  const uniqueKeys: string[][] = [];
  for (const def of Array.isArray(defs) ? defs : [defs]) {
    if (!isNode(def)) continue;
    if (def.resource === 'column') {
      const name = nameOf(def.column);
      if (!name) continue;
      const definition = isNode(def.definition) ? def.definition : {};
      const nullable = isNode(def.nullable) ? def.nullable.type !== 'not null' : def.primary_key ? false : undefined;
      columns.push({ name, ...(typeof definition.dataType === 'string' ? { type: definition.dataType.toUpperCase() } : {}), ...(nullable !== undefined ? { nullable } : {}) });
      if (def.primary_key) primaryKey.push(name);
      const fk = foreignKeyOf([name], def.reference_definition, undefined);
      if (fk) foreignKeys.push(fk);
    } else if (def.resource === 'constraint') {
      const type = String(def.constraint_type ?? '').toLowerCase();
      const cols = columnsOf(def.definition);
      if (type.includes('primary')) primaryKey.push(...cols);
      if (type.includes('unique') && cols.length >= 2) uniqueKeys.push(cols);
      if (type.includes('foreign')) {
        const fk = foreignKeyOf(cols, def.reference_definition, def.constraint);
        if (fk) foreignKeys.push(fk);
      }
    }
  }
  return { columns, primaryKey, foreignKeys, ...(uniqueKeys.length > 0 ? { uniqueKeys } : {}) };
}

const WRITE_TYPES = new Set(['insert', 'update', 'delete', 'replace', 'merge']);

export function statementFacts(ast: Node): StatementFacts {
  const facts: StatementFacts = { creates: [], alters: [], drops: [], renames: [], accesses: [], joins: [], dynamicTable: false };
  const type = String(ast.type ?? '').toLowerCase();
  const keyword = String(ast.keyword ?? '').toLowerCase();
  const firstTable = (v: unknown): TableRef | undefined => {
    const list = Array.isArray(v) ? v : [v];
    return isNode(list[0]) ? refOf(list[0]) : undefined;
  };

  if (type === 'create' && keyword === 'table') {
    // A temporary table lives for one session: never a table of the domain.
    if (ast.temporary) return facts;
    const table = firstTable(ast.table);
    if (table) facts.creates.push({ table, ...definitionsOf(ast.create_definitions) });
    return facts;
  }
  if (type === 'alter' && (keyword === 'table' || keyword === '')) {
    const table = firstTable(ast.table);
    if (!table) return facts;
    const alter: StatementFacts['alters'][number] = { table, foreignKeys: [], columns: [] };
    for (const action of Array.isArray(ast.expr) ? ast.expr : []) {
      if (!isNode(action)) continue;
      if (action.action === 'rename' && action.resource === 'table') {
        const to = nameOf(action.table);
        if (to) alter.renameTo = { ...(table.schema ? { schema: table.schema } : {}), name: to };
      } else if (action.action === 'add') {
        const defs = definitionsOf(action.create_definitions ?? action);
        pushAll(alter.foreignKeys, defs.foreignKeys);
        pushAll(alter.columns, defs.columns);
      }
    }
    facts.alters.push(alter);
    return facts;
  }
  if (type === 'drop' && keyword === 'table') {
    for (const n of Array.isArray(ast.name) ? ast.name : []) if (isNode(n) && refOf(n)) facts.drops.push(refOf(n)!);
    return facts;
  }
  if (type === 'rename') {
    for (const pair of Array.isArray(ast.table) ? ast.table : []) {
      if (Array.isArray(pair) && isNode(pair[0]) && isNode(pair[1])) {
        const from = refOf(pair[0]);
        const to = refOf(pair[1]);
        if (from && to) facts.renames.push({ from, to });
      }
    }
    return facts;
  }
  if (type === 'create' || type === 'alter' || type === 'drop') return facts;

  // DML: every table reference, CTE names excluded; the statement's target is written.
  const cteNames = new Set<string>();
  const refs: { node: Node; ref: TableRef }[] = [];
  visitNodes(ast, LIST_KEYS, (v) => {
    if (Array.isArray(v.with)) for (const w of v.with) if (isNode(w)) cteNames.add((nameOf(w.name) ?? '').toLowerCase());
    if ('table' in v && 'db' in v && v.type !== 'column_ref') {
      const ref = refOf(v);
      if (ref) refs.push({ node: v, ref });
    }
  });
  const real = refs.filter(({ ref }) => !cteNames.has(ref.name.toLowerCase()));
  facts.dynamicTable = real.some(({ ref }) => ref.name === DYNAMIC_TABLE);
  const known = real.filter(({ ref }) => ref.name !== DYNAMIC_TABLE);
  let target: TableRef | undefined;
  if (WRITE_TYPES.has(type)) {
    target = firstTable(ast.table) ?? firstTable(ast.from);
    if (target?.name === DYNAMIC_TABLE) target = undefined;
  }
  const seen = new Set<string>();
  const key = tableKey;
  if (target) {
    facts.accesses.push({ table: target, mode: 'write' });
    seen.add(key(target) + ':write');
  }
  for (const { node, ref } of known) {
    // The target appears again as a plain reference (e.g. DELETE's from list): not a separate read.
    if (target && key(ref) === key(target) && (node === firstNode(ast.table) || node === firstNode(ast.from))) continue;
    const k = key(ref) + ':read';
    if (seen.has(k)) continue;
    seen.add(k);
    facts.accesses.push({ table: ref, mode: 'read' });
  }
  // One alias index for both: the joins pair tables through it, the columns are credited through it.
  const byAlias = aliasIndex(known);
  facts.joins = joinsOf(ast, byAlias, cteNames);
  const columns = columnsByTable(ast, known, byAlias, target);
  for (const a of facts.accesses) {
    const named = columns.get(key(a.table));
    if (named && named.size > 0) a.columns = [...named].sort(compareStrings);
  }
  return facts;
}

/**
 * The columns a DML statement names per table (key `schema.name`, lower-cased): qualified column
 * references through the table's name or alias, unqualified ones when the statement has one table,
 * INSERT column lists and UPDATE SET targets on the written table. Aliases are not scoped per
 * subquery: an alias reused inside a subquery names the outer table's columns too.
 */
function columnsByTable(ast: Node, refs: readonly { node: Node; ref: TableRef }[], byAlias: ReadonlyMap<string, TableRef>, target: TableRef | undefined): Map<string, Set<string>> {
  const key = tableKey;
  const tables = new Set(refs.map(({ ref }) => key(ref)));
  const only = tables.size === 1 ? refs[0]!.ref : undefined;
  const out = new Map<string, Set<string>>();
  const add = (table: TableRef | undefined, column: string | undefined) => {
    if (!table || !column) return;
    const k = key(table);
    (out.get(k) ?? out.set(k, new Set()).get(k)!).add(column === '*' ? '*' : column.toLowerCase());
  };
  if (target) for (const c of columnsOf(ast.columns)) add(target, c);
  visitNodes(ast, LIST_KEYS, (v) => {
    if (v.type !== 'column_ref') return;
    const alias = nameOf(v.table);
    add(alias === undefined ? (target ?? only) : byAlias.get(alias.toLowerCase()), nameOf(v.column));
  });
  return out;
}

function firstNode(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** `schema.name`, lower-cased: one table however a statement spells it. */
function tableKey(r: TableRef): string {
  return `${r.schema ?? ''}.${r.name}`.toLowerCase();
}

/** Table references by alias (or name when unaliased), lower-cased; a table's own name always finds it. */
function aliasIndex(refs: readonly { node: Node; ref: TableRef }[]): Map<string, TableRef> {
  const byAlias = new Map<string, TableRef>();
  for (const { node, ref } of refs) {
    byAlias.set((nameOf(node.as) ?? ref.name).toLowerCase(), ref);
    if (!byAlias.has(ref.name.toLowerCase())) byAlias.set(ref.name.toLowerCase(), ref);
  }
  return byAlias;
}

function joinsOf(ast: Node, byAlias: ReadonlyMap<string, TableRef>, cteNames: Set<string>): [TableRef, TableRef][] {
  const pairs = new Map<string, [TableRef, TableRef]>();
  const add = (a: TableRef | undefined, b: TableRef | undefined) => {
    if (!a || !b) return;
    const ka = tableKey(a);
    const kb = tableKey(b);
    if (ka === kb) return;
    pairs.set(ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`, ka < kb ? [a, b] : [b, a]);
  };
  const tableOfColumn = (v: unknown): TableRef | undefined => {
    if (!isNode(v) || v.type !== 'column_ref' || typeof v.table !== 'string') return undefined;
    return byAlias.get(v.table.toLowerCase());
  };
  const equalities = (v: unknown, out: [unknown, unknown][]): void =>
    visitNodes(v, SUBQUERY_AND_LIST_KEYS, (n) => {
      if (n.type === 'binary_expr' && n.operator === '=') out.push([n.left, n.right]);
    });
  const visitScope = (scope: Node): void => {
    const from = Array.isArray(scope.from) ? scope.from.filter(isNode) : [];
    const target = firstNode(scope.table);
    const items = isNode(target) && refOf(target) ? [target, ...from.filter((f) => f !== target)] : from;
    items.forEach((item, i) => {
      if (!item.join || i === 0) return;
      const here = refOf(item);
      if (!here || cteNames.has(here.name.toLowerCase())) return;
      const eq: [unknown, unknown][] = [];
      equalities(item.on, eq);
      let paired = false;
      for (const [l, r] of eq) {
        const a = tableOfColumn(l);
        const b = tableOfColumn(r);
        if (a && b) {
          add(a, b);
          paired = true;
        }
      }
      if (!paired) {
        const prev = items[i - 1] && refOf(items[i - 1]!);
        if (prev) add(prev, here);
      }
    });
    const eq: [unknown, unknown][] = [];
    equalities(scope.where, eq);
    for (const [l, r] of eq) add(tableOfColumn(l), tableOfColumn(r));
  };
  visitNodes(ast, LIST_KEYS, (v) => {
    if ('from' in v || 'where' in v) visitScope(v);
  });
  return [...pairs.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, p]) => p);
}

const LIST_KEYS: ReadonlySet<string> = new Set(['tableList', 'columnList']);
const SUBQUERY_AND_LIST_KEYS: ReadonlySet<string> = new Set(['ast', 'tableList', 'columnList']);

/**
 * Visits every object below `root` in the order a recursive pre-order walk would, with an explicit
 * stack: a statement's depth (a UNION chain, nested expressions) is the repository's choice.
 */
function visitNodes(root: unknown, skip: ReadonlySet<string>, visit: (node: Node) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (!isNode(v)) continue;
    visit(v);
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) if (!skip.has(keys[i]!)) stack.push(v[keys[i]!]);
  }
}
