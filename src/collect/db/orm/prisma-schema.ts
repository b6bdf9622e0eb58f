/**
 * Prisma schemas (`*.prisma`), parsed with @mrleebo/prisma-ast.
 * Input: the listed .prisma files. Output: one table per model (name from @@map, else the model name,
 * Prisma's default), columns (@map honoured) and @id / @@id primary keys, a foreign key per
 * @relation(fields: [...], references: [...]), the datasource provider (a dialect signal), and the
 * client accessor of each model (`prisma.orderLine` -> table) for the usage reader.
 * Junctions (orm-facts.ts OrmRelation), written through nested writes on either side: an implicit
 * many-to-many (list fields on both models, no `fields`) gets Prisma's table `_<A>To<B>` (model names
 * sorted) or `_<relation name>`, with columns A and B; an explicit relation model whose @@id is made of
 * the key columns of two or more relations is a junction of the models they reference.
 */
import { createRequire } from 'node:module';
import type { Diagnostic } from '../../../model/types.js';
import type { ListedFile } from '../../files/list-files.js';
import { readRegularFile } from '../../files/safe-read.js';
import type { OrmForeignKey, OrmRelation, OrmTable } from './orm-facts.js';

export interface PrismaFacts {
  tables: OrmTable[];
  foreignKeys: OrmForeignKey[];
  relations: OrmRelation[];
  providers: string[];
  /** Client accessor (model name with a lower-case first letter) -> table name. */
  clientModels: Map<string, string>;
  diagnostics: Diagnostic[];
}

type Loose = Record<string, unknown>;
const MAX_SCHEMA_BYTES = 8 * 1024 * 1024;

const unquote = (v: unknown): string | undefined => (typeof v === 'string' ? v.replace(/^"|"$/g, '') : undefined);

export function readPrismaSchemas(files: readonly ListedFile[]): PrismaFacts {
  const out: PrismaFacts = { tables: [], foreignKeys: [], relations: [], providers: [], clientModels: new Map(), diagnostics: [] };
  for (const file of files) {
    const read = readRegularFile(file.absolutePath, { resolved: true, maxBytes: MAX_SCHEMA_BYTES });
    if (!read.ok) {
      out.diagnostics.push({ severity: read.refusal === 'too-large' ? 'warning' : 'error', code: read.refusal === 'too-large' ? 'file-too-large' : 'unreadable-file', message: read.message, file: file.path });
      continue;
    }
    const text = read.buffer.toString('utf8');
    let list: Loose[];
    try {
      list = loadPrismaParser().getSchema(text).list as unknown as Loose[];
    } catch (error) {
      const token = (error as { token?: { startLine?: number } }).token;
      out.diagnostics.push({
        severity: 'error',
        code: 'prisma-parse-error',
        message: `cannot parse Prisma schema: ${String((error as Error).message).split('\n')[0]}`,
        file: file.path,
        ...(token?.startLine ? { line: token.startLine } : {}),
      });
      continue;
    }
    const lineOf = (needle: string) => Math.max(1, text.split('\n').findIndex((l) => l.includes(needle)) + 1);
    const models = list.filter((b) => b.type === 'model');
    const tableOf = new Map<string, string>();
    for (const m of models) {
      const mapped = (m.properties as Loose[]).find((p) => p.type === 'attribute' && p.name === 'map');
      tableOf.set(String(m.name), unquote(firstArg(mapped)) ?? String(m.name));
    }
    readJunctions(models, tableOf, file.path, lineOf, out);
    for (const block of list) {
      if (block.type === 'datasource') {
        for (const a of (block.assignments as Loose[]) ?? []) if (a.key === 'provider') out.providers.push(unquote(a.value) ?? '');
      }
      if (block.type !== 'model') continue;
      const model = String(block.name);
      const table = tableOf.get(model)!;
      out.clientModels.set(model.charAt(0).toLowerCase() + model.slice(1), table);
      const columns: OrmTable['columns'] = [];
      const primaryKey: string[] = [];
      const columnName = new Map<string, string>();
      const fields = (block.properties as Loose[]).filter((p) => p.type === 'field');
      for (const f of fields) {
        const attrs = (f.attributes as Loose[] | undefined) ?? [];
        const mapped = unquote(firstArg(attrs.find((a) => a.name === 'map')));
        columnName.set(String(f.name), mapped ?? String(f.name));
      }
      for (const f of fields) {
        const type = String(f.fieldType);
        const attrs = (f.attributes as Loose[] | undefined) ?? [];
        if (tableOf.has(type)) {
          const relation = attrs.find((a) => a.name === 'relation');
          const fieldsArg = keyValue(relation, 'fields');
          const refsArg = keyValue(relation, 'references');
          if (fieldsArg.length > 0) {
            const onDelete = scalarValue(relation, 'onDelete')?.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
            out.foreignKeys.push({
              from: { name: table },
              fk: { columns: fieldsArg.map((x) => columnName.get(x) ?? x), references: { name: tableOf.get(type)! }, referencedColumns: refsArg, ...(onDelete ? { onDelete } : {}) },
              evidence: { file: file.path, line: lineOf(`${String(f.name)} `), text: `${model}.${String(f.name)}` },
              source: 'prisma',
            });
          }
          continue;
        }
        const name = columnName.get(String(f.name))!;
        columns.push({ name, type: type.toUpperCase(), nullable: f.optional === true });
        if (attrs.some((a) => a.name === 'id')) primaryKey.push(name);
      }
      const compositeId = (block.properties as Loose[]).find((p) => p.type === 'attribute' && p.name === 'id');
      if (compositeId) primaryKey.push(...arrayArg(compositeId).map((x) => columnName.get(x) ?? x));
      out.tables.push({ ref: { name: table }, columns, primaryKey, evidence: { file: file.path, line: lineOf(`model ${model} `), text: `model ${model}` }, source: 'prisma' });
    }
  }
  return out;
}

function readJunctions(models: readonly Loose[], tableOf: ReadonlyMap<string, string>, file: string, lineOf: (needle: string) => number, out: PrismaFacts): void {
  const fieldsOf = (m: Loose) => (m.properties as Loose[]).filter((p) => p.type === 'field');
  const relationOf = (f: Loose) => ((f.attributes as Loose[] | undefined) ?? []).find((a) => a.name === 'relation');
  const relationName = (f: Loose) => unquote((relationOf(f)?.args as Loose[] | undefined)?.find((a) => typeof a.value === 'string')?.value);
  const seen = new Set<string>();
  for (const m of models) {
    const model = String(m.name);
    for (const f of fieldsOf(m)) {
      const other = String(f.fieldType);
      if (f.array !== true || !tableOf.has(other) || keyValue(relationOf(f), 'fields').length > 0) continue;
      // Implicit many-to-many: the other side holds a list of this model too (with the same relation name, if any).
      const back = models.find((x) => String(x.name) === other);
      const name = relationName(f);
      // (A self-relation's list is not its own back side; a relation with key fields anywhere is one-to-many.)
      const sameRelation = (g: Loose) => g !== f && String(g.fieldType) === model && relationName(g) === name;
      if (!back || !fieldsOf(back).some((g) => sameRelation(g) && g.array === true) || fieldsOf(back).some((g) => sameRelation(g) && keyValue(relationOf(g), 'fields').length > 0)) continue;
      const [a, b] = [model, other].sort();
      const junction = `_${name ?? `${a}To${b}`}`;
      if (seen.has(junction)) continue;
      seen.add(junction);
      const evidence = { file, line: lineOf(`${String(f.name)} `), text: `${model}.${String(f.name)} (implicit many-to-many)` };
      out.tables.push({ ref: { name: junction }, columns: [{ name: 'A' }, { name: 'B' }], primaryKey: [], evidence, source: 'prisma' });
      for (const [column, side] of [['A', a!], ['B', b!]] as const) {
        out.foreignKeys.push({ from: { name: junction }, fk: { columns: [column], references: { name: tableOf.get(side)! }, referencedColumns: ['id'] }, evidence, source: 'prisma' });
        out.relations.push({ from: tableOf.get(side)!, to: junction, kind: 'junction', cascade: true, evidence });
      }
    }
    // An explicit relation model: its composite id is the key columns of two or more relations.
    const compositeId = (m.properties as Loose[]).find((p) => p.type === 'attribute' && p.name === 'id');
    const idColumns = compositeId ? new Set(arrayArg(compositeId)) : undefined;
    if (!idColumns) continue;
    const keyed = fieldsOf(m).filter((f) => tableOf.has(String(f.fieldType)) && keyValue(relationOf(f), 'fields').length > 0 && keyValue(relationOf(f), 'fields').every((c) => idColumns.has(c)));
    if (keyed.length < 2) continue;
    for (const f of keyed) out.relations.push({ from: tableOf.get(String(f.fieldType))!, to: tableOf.get(model)!, kind: 'junction', cascade: true, evidence: { file, line: lineOf(`model ${model} `), text: `model ${model} (relation model)` } });
  }
}

/** Loaded on first use: the parser (chevrotain) costs ~150 ms to load, and most repositories have no .prisma file. */
let prismaParser: typeof import('@mrleebo/prisma-ast') | undefined;
function loadPrismaParser(): typeof import('@mrleebo/prisma-ast') {
  prismaParser ??= createRequire(import.meta.url)('@mrleebo/prisma-ast') as typeof import('@mrleebo/prisma-ast');
  return prismaParser;
}

function firstArg(attr: Loose | undefined): unknown {
  const args = attr?.args as Loose[] | undefined;
  return args?.[0]?.value;
}

function arrayArg(attr: Loose): string[] {
  const v = firstArg(attr) as Loose | undefined;
  return Array.isArray(v?.args) ? (v!.args as unknown[]).map(String) : [];
}

/** `onDelete: Cascade` -> 'Cascade'. */
function scalarValue(attr: Loose | undefined, key: string): string | undefined {
  for (const a of (attr?.args as Loose[] | undefined) ?? []) {
    const v = a.value as Loose | undefined;
    if (v?.type === 'keyValue' && v.key === key && typeof v.value === 'string') return v.value;
  }
  return undefined;
}

function keyValue(attr: Loose | undefined, key: string): string[] {
  for (const a of (attr?.args as Loose[] | undefined) ?? []) {
    const v = a.value as Loose | undefined;
    if (v?.type === 'keyValue' && v.key === key) {
      const value = v.value as Loose;
      return Array.isArray(value?.args) ? (value.args as unknown[]).map(String) : [];
    }
  }
  return [];
}
