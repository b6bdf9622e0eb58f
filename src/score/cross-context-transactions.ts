/**
 * Transactions that cross contexts: the data split's hardest work. A transaction that writes tables
 * owned by two or more contexts cannot stay one ACID transaction once those contexts are services:
 * it becomes a saga (compensating steps) or eventual consistency (events), a decision for the workshop.
 * Input: the model's transactions (tables written directly and through calls), the decomposition's
 * table owners (model/context-index.ts tableOwners) and module -> context index. Output: one row per crossing transaction, with the
 * written tables grouped by owning context (tables nobody owns are left out), sorted by id.
 */
import { compareStrings } from '../model/compare.js';
import type { Evidence, SystemModel } from '../model/types.js';

export interface CrossingTransaction {
  transaction: string;
  module: string;
  member?: string;
  kind: string;
  /** The context of the module that opens it (undefined when the module is set aside). */
  context?: string;
  /** Tables it writes, by the context that owns them, sorted by context. */
  byContext: { context: string; tables: string[] }[];
  evidence: Evidence;
}

export function crossContextTransactions(model: SystemModel, owner: ReadonlyMap<string, string>, ctxOf: ReadonlyMap<string, string>): CrossingTransaction[] {
  const out: CrossingTransaction[] = [];
  for (const tx of model.data?.transactions ?? []) {
    const byContext = new Map<string, Set<string>>();
    for (const table of [...tx.writes, ...tx.writesThrough.map((w) => w.table)]) {
      const c = owner.get(table);
      if (c !== undefined) (byContext.get(c) ?? byContext.set(c, new Set()).get(c)!).add(table);
    }
    if (byContext.size < 2) continue;
    const context = ctxOf.get(tx.module);
    out.push({
      transaction: tx.id,
      module: tx.module,
      ...(tx.member ? { member: tx.member } : {}),
      kind: tx.kind,
      ...(context !== undefined ? { context } : {}),
      byContext: [...byContext.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([c, tables]) => ({ context: c, tables: [...tables].sort(compareStrings) })),
      evidence: tx.evidence,
    });
  }
  return out.sort((a, b) => compareStrings(a.transaction, b.transaction));
}
