/**
 * Runs the ORM readers of orm/registry.ts: each reads its schema (tables, foreign keys, the code names
 * of tables), then one walk over the code finds the uses; the facts are merged in registry order.
 */
import type ts from 'typescript';
import type { FileListing } from '../../files/list-files.js';
import { readOrmUsage } from './call-chains.js';
import { parseSource, type OrmFacts, type ParseSource } from './orm-facts.js';
import type { OrmReader } from './orm-reader.js';
import { ORM_READERS } from './registry.js';

/** `onStep` hears each reader finish (a long ORM stage is not silent). */
export function collectOrmFacts(listing: FileListing, texts: ReadonlyMap<string, string>, readers: readonly OrmReader[] = ORM_READERS, onStep: (what: string) => void = () => {}, usesIn?: ReadonlySet<string>): OrmFacts {
  // Each reader parses only the files its own filter picks; a file picked by several is parsed once.
  const parsed = new Map<string, ts.SourceFile>();
  const parse: ParseSource = (file, text) => {
    let sf = parsed.get(file);
    if (!sf) parsed.set(file, (sf = parseSource(file, text)));
    return sf;
  };
  const schemas = readers.map((reader) => {
    const schema = reader.readSchema(listing, texts, parse);
    onStep(`${reader.name} mappings read`);
    return { reader, schema };
  });
  const usage = readOrmUsage(texts, schemas.map(({ reader, schema }) => ({ reader, names: schema.names })), parse, (done, total) => onStep(`ORM calls: ${done} of ${total} files`), usesIn);
  onStep('ORM calls read');
  return {
    tables: schemas.flatMap(({ schema }) => schema.tables),
    foreignKeys: schemas.flatMap(({ schema }) => schema.foreignKeys),
    relations: schemas.flatMap(({ schema }) => schema.relations ?? []),
    accesses: usage.accesses,
    joins: usage.joins,
    prismaProviders: schemas.flatMap(({ schema }) => schema.providers ?? []),
    diagnostics: schemas.flatMap(({ schema }) => schema.diagnostics ?? []),
  };
}
