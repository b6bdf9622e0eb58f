/**
 * A verdict per table (or collection) for the workshop: who owns it, who else reads or writes it, which
 * foreign keys, joins and transactions cross its owner's boundary, and what to do about it.
 * Input: the model's data edges, the decomposition (table owners, module -> context), the crossing
 * transactions. Output: one row per table some context accesses or owns, sorted by table.
 * Strategy, first rule that applies:
 * - no owner (no context writes it, or every writer is set aside) -> `decide`; owned through its entity
 *   mapping while only other contexts write it -> `decide` (move the writers or the mapping);
 * - another context writes it: `split-table` when some other writer does at least a third as many
 *   writes as the owner (two real owners of different rows or columns), else `api-call` (the other
 *   writers send commands to the owner's API);
 * - other contexts read it: `replicate-read-model` when they join it with their own tables or three or
 *   more contexts read it (an API call cannot serve a join or that many readers), else `api-call`;
 * - only the owner uses it -> `move` (it moves with its owner's database).
 * Crossing foreign keys and transactions are listed with the verdict: each is work of the data split
 * (drop the key and check in code; a saga or eventual consistency); a key from another context's table
 * with ON DELETE CASCADE adds that deletes must become events; a unique key over keys into two
 * contexts' tables adds that one service must enforce it.
 */
import { compareStrings } from '../model/compare.js';
import type { DataEdge, Decomposition, SystemModel } from '../model/types.js';
import { pushTo } from '../model/group.js';
import type { CrossingTransaction } from './cross-context-transactions.js';

export type TableStrategy = 'move' | 'api-call' | 'replicate-read-model' | 'split-table' | 'decide';

export interface TableVerdict {
  table: string;
  /** The context that owns it (absent: nobody does). */
  owner?: string;
  /** Other contexts writing it, with their write counts. */
  otherWriters: { context: string; writes: number }[];
  /** Other contexts only reading it, with their read counts. */
  otherReaders: { context: string; reads: number }[];
  /** Foreign keys between it and a table another context owns (`onDelete` when declared). */
  crossingForeignKeys: { from: string; to: string; onDelete?: string }[];
  /** Tables of other contexts it is joined with. */
  crossingJoins: string[];
  /** Transactions writing it together with another context's tables (ids). */
  crossingTransactions: string[];
  /** Unique keys whose columns reference tables of two or more contexts. */
  crossingUniqueKeys?: { columns: string[]; contexts: string[] }[];
  strategy: TableStrategy;
  reason: string;
}

const SPLIT_SHARE = 1 / 3;
const MANY_READERS = 3;

export function tableVerdicts(model: SystemModel, d: Decomposition, owner: ReadonlyMap<string, string>, ctxOf: ReadonlyMap<string, string>, crossing: readonly CrossingTransaction[]): TableVerdict[] {
  const name = new Map(d.contexts.map((c) => [c.id, c.name]));
  const writes = new Map<string, Map<string, number>>();
  const reads = new Map<string, Map<string, number>>();
  const fks = new Map<string, { from: string; to: string; onDelete?: string }[]>();
  const joins = new Map<string, Set<string>>();
  const add = (m: Map<string, Map<string, number>>, table: string, c: string, n: number) => {
    const row = m.get(table) ?? m.set(table, new Map()).get(table)!;
    row.set(c, (row.get(c) ?? 0) + n);
  };
  // Every key by the table it starts from (for unique keys over them), in the same one pass.
  const keysFrom = new Map<string, DataEdge[]>();
  for (const e of model.data?.edges ?? []) {
    if (e.kind === 'table-access') {
      const c = ctxOf.get(e.from);
      if (c !== undefined) add(e.mode === 'write' ? writes : reads, e.to, c, e.weight);
      continue;
    }
    if (e.kind === 'foreign-key') pushTo(keysFrom, e.from, e);
    const a = owner.get(e.from);
    const b = owner.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    if (e.kind === 'foreign-key') for (const t of [e.from, e.to]) (fks.get(t) ?? fks.set(t, []).get(t)!).push({ from: e.from, to: e.to, ...(e.columns?.onDelete ? { onDelete: e.columns.onDelete } : {}) });
    if (e.kind === 'join') {
      (joins.get(e.from) ?? joins.set(e.from, new Set()).get(e.from)!).add(e.to);
      (joins.get(e.to) ?? joins.set(e.to, new Set()).get(e.to)!).add(e.from);
    }
  }
  const tableNode = new Map((model.data?.tables ?? []).map((t) => [t.id, t]));
  const txOf = new Map<string, string[]>();
  for (const tx of crossing) for (const x of tx.byContext) for (const t of x.tables) (txOf.get(t) ?? txOf.set(t, []).get(t)!).push(tx.transaction);
  const tables = [...new Set([...owner.keys(), ...writes.keys(), ...reads.keys()])].sort(compareStrings);
  return tables.map((table) => {
    const own = owner.get(table);
    const w = writes.get(table) ?? new Map<string, number>();
    const r = reads.get(table) ?? new Map<string, number>();
    const otherWriters = [...w.entries()].filter(([c]) => c !== own).sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([context, n]) => ({ context, writes: n }));
    const otherReaders = [...r.entries()].filter(([c]) => c !== own && !w.has(c)).sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([context, n]) => ({ context, reads: n }));
    const crossingJoins = [...(joins.get(table) ?? [])].sort(compareStrings);
    const label = (c: string) => name.get(c) ?? c;
    let strategy: TableStrategy;
    let reason: string;
    if (own === undefined) {
      strategy = 'decide';
      reason = 'no candidate context owns it: decide in the workshop who writes it';
    } else if (otherWriters.length > 0) {
      const ownWrites = w.get(own) ?? 0;
      const top = otherWriters[0]!;
      if (ownWrites === 0) {
        // Owned through its entity mapping, written only elsewhere: the entity and its writers disagree.
        strategy = 'decide';
        reason = `${label(own)} maps it but only ${otherWriters.map((x) => label(x.context)).join(', ')} write${otherWriters.length === 1 ? 's' : ''} it: move the writers to ${label(own)} or the mapping to its writer`;
      } else if (top.writes >= SPLIT_SHARE * ownWrites) {
        strategy = 'split-table';
        reason = `${label(top.context)} writes it too (${top.writes} writes against ${ownWrites} by ${label(own)}): split it by the rows or columns each context owns, or merge the contexts`;
      } else {
        strategy = 'api-call';
        reason = `${otherWriters.map((x) => label(x.context)).join(', ')} also write${otherWriters.length === 1 ? 's' : ''} it (${otherWriters.reduce((n, x) => n + x.writes, 0)} writes against ${ownWrites}): turn those writes into commands to ${label(own)}'s API`;
      }
    } else if (otherReaders.length > 0) {
      if (crossingJoins.length > 0 || otherReaders.length >= MANY_READERS) {
        strategy = 'replicate-read-model';
        reason = crossingJoins.length > 0 ? `joined with ${crossingJoins.join(', ')} of other contexts: an API call cannot serve a join; give the readers a replicated read model (events from ${label(own)})` : `${otherReaders.length} other contexts read it: publish changes and let each keep a read model`;
      } else {
        strategy = 'api-call';
        reason = `${otherReaders.map((x) => label(x.context)).join(', ')} read${otherReaders.length === 1 ? 's' : ''} it: ask ${label(own)}'s API instead`;
      }
    } else {
      strategy = 'move';
      reason = `only ${label(own)} uses it: it moves to ${label(own)}'s database`;
    }
    // A unique key over keys into two contexts' tables: one service alone can no longer enforce it.
    const crossingUniqueKeys = (tableNode.get(table)?.uniqueKeys ?? [])
      .map((columns) => ({ columns, contexts: [...new Set((keysFrom.get(table) ?? []).filter((k) => k.columns?.from.some((c) => columns.includes(c))).map((k) => owner.get(k.to)).filter((c): c is string => c !== undefined))].sort(compareStrings) }))
      .filter((u) => u.contexts.length >= 2);
    if (crossingUniqueKeys.length > 0) reason += `; unique (${crossingUniqueKeys.map((u) => u.columns.join(', ')).join('), (')}) spans ${crossingUniqueKeys[0]!.contexts.map(label).join(' and ')}: once split, one service must enforce it (or a read model checks it)`;
    // A delete that cascades across the boundary removes another context's rows: once split, an event.
    const cascading = (fks.get(table) ?? []).filter((k) => k.onDelete === 'cascade' && k.to === table);
    if (cascading.length > 0) reason += `; deleting a row here cascades into ${cascading.map((k) => `${k.from}${owner.has(k.from) ? ` (${label(owner.get(k.from)!)})` : ''}`).join(', ')}: publish a deletion event instead of ON DELETE CASCADE`;
    return {
      table,
      ...(own !== undefined ? { owner: own } : {}),
      otherWriters,
      otherReaders,
      crossingForeignKeys: fks.get(table) ?? [],
      crossingJoins,
      crossingTransactions: txOf.get(table) ?? [],
      ...(crossingUniqueKeys.length > 0 ? { crossingUniqueKeys } : {}),
      strategy,
      reason,
    };
  });
}
