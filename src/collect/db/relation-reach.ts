/** Tables reached through entity relations, for the database collector. */
import { pushTo, pushAll } from '../../model/group.js';
import { tableId, type FileTableAccess } from '../../model/facts/db-facts.js';
import { excerpt } from '../code/excerpt.js';
import type { OrmRelation } from './orm/orm-facts.js';

/**
 * Accesses through an entity's relations: code that writes an owner writes its junction and collection
 * tables, and its children when the relation cascades; code that reads it reads the eager ones (a
 * secondary or parent table, an eagerly fetched collection); a lazy one is read only on demand. Followed up to RELATION_HOPS relations deep (a child's own children),
 * each derived access once per file, table and mode; evidence: the owner's access and the relation.
 */
const RELATION_HOPS = 3;

export function throughRelations(accesses: readonly FileTableAccess[], relations: readonly OrmRelation[]): FileTableAccess[] {
  if (relations.length === 0) return [];
  const byOwner = new Map<string, OrmRelation[]>();
  for (const r of relations) pushTo(byOwner, tableId({ name: r.from }), r);
  const seen = new Set(accesses.map((a) => `${a.file}\0${a.table}\0${a.mode}`));
  const out: FileTableAccess[] = [];
  let frontier: readonly FileTableAccess[] = accesses;
  for (let hop = 0; hop < RELATION_HOPS && frontier.length > 0; hop++) {
    const next: FileTableAccess[] = [];
    for (const a of frontier) {
      for (const r of byOwner.get(a.table) ?? []) {
        const writes = a.mode === 'write' && (r.kind !== 'child' || r.cascade);
        if (!writes && !r.eager) continue;
        const mode = writes ? 'write' : 'read';
        const table = tableId({ name: r.to });
        const key = `${a.file}\0${table}\0${mode}`;
        if (table === a.table || seen.has(key)) continue;
        seen.add(key);
        next.push({ file: a.file, table, mode, via: 'orm', evidence: { ...a.evidence, text: excerpt(`${r.kind} table ${table} through ${r.evidence.text}; ${a.evidence.text}`) } });
      }
    }
    pushAll(out, next);
    frontier = next;
  }
  return out;
}

