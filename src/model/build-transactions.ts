/**
 * Transactions and the tables they write.
 * Input: the transaction boundaries code adapters found (file, lines), the file-level code edges and
 * table accesses, the file -> module mapping. Output: TransactionNode per boundary that writes a table.
 * Rule: own writes = write accesses in its file within its lines; through = write accesses of the files
 * its lines call (`call` edges whose evidence line is inside), and of the files those call, two calls
 * deep (a service method -> repository -> the ORM call that writes); a called interface or base class
 * stands for its implementations; entity classes are not followed (they write nothing themselves).
 * Read-only transactions are left out.
 * Linear in edges + accesses per transaction's callees (each file's calls and writes are indexed once).
 */
import type { FileTableAccess } from './facts/db-facts.js';
import type { FileEdge, TransactionFact } from './facts/code-facts.js';
import { compareStrings } from './compare.js';
import { pushTo } from './group.js';
import type { TransactionNode } from './types.js';

const CALL_DEPTH = 2;

/** The method a call site names: `cargoRepository.store(cargo)` -> store; undefined for `new X()` or unknown text. */
function calledMethod(text: string | undefined): string | undefined {
  if (!text || /^\s*new\s/.test(text)) return undefined;
  return /\.\s*([A-Za-z_$][\w$]*)\s*\(/.exec(text)?.[1] ?? /^\s*([A-Za-z_$][\w$]*)\s*\(/.exec(text)?.[1];
}

export function buildTransactions(
  facts: readonly TransactionFact[],
  edges: readonly FileEdge[],
  accesses: readonly FileTableAccess[],
  entityFiles: ReadonlySet<string>,
  moduleFor: (file: string) => string,
): TransactionNode[] {
  if (facts.length === 0) return [];
  // A call to an interface (or a base class) runs one of its implementations: they are callees too.
  const implementers = new Map<string, string[]>();
  for (const e of edges) if ((e.kind === 'implements' || e.kind === 'extends') && e.from !== e.to) pushTo(implementers, e.to, e.from);
  const writesOf = new Map<string, FileTableAccess[]>();
  for (const a of accesses) if (a.mode === 'write') pushTo(writesOf, a.file, a);
  const callsOf = new Map<string, FileEdge[]>();
  for (const e of edges) if (e.kind === 'call' && e.from !== e.to) pushTo(callsOf, e.from, e);
  const out = new Map<string, TransactionNode>();
  for (const tx of facts) {
    if (tx.readOnly) continue;
    const inside = (line: number) => line >= tx.line && line <= tx.endLine;
    const writes = [...new Set((writesOf.get(tx.file) ?? []).filter((a) => inside(a.evidence.line)).map((a) => a.table))].sort(compareStrings);
    const through = new Map<string, { table: string; module: string }>();
    // Callees with the methods called on them ('all' when the call names none): only what those
    // methods write counts, where the collector knows which method a write sits in.
    let frontier = new Map<string, Set<string> | 'all'>();
    const call = (into: Map<string, Set<string> | 'all'>, file: string, method: string | undefined) => {
      const had = into.get(file);
      if (had === 'all') return;
      if (method === undefined) into.set(file, 'all');
      else into.set(file, (had ?? new Set()).add(method));
    };
    for (const e of callsOf.get(tx.file) ?? []) if (inside(e.evidence.line)) call(frontier, e.to, calledMethod(e.evidence.text));
    const seen = new Set([tx.file]);
    for (let depth = 0; depth < CALL_DEPTH && frontier.size > 0; depth++) {
      const next = new Map<string, Set<string> | 'all'>();
      for (const [file, methods] of frontier) {
        if (seen.has(file) || entityFiles.has(file)) continue;
        seen.add(file);
        const called = (member: string | undefined) => methods === 'all' || member === undefined || methods.has(member);
        for (const impl of implementers.get(file) ?? []) if (!seen.has(impl)) for (const m of methods === 'all' ? [undefined] : methods) call(frontier, impl, m);
        for (const a of writesOf.get(file) ?? []) {
          if (!called(a.evidence.member)) continue;
          const module = moduleFor(file);
          through.set(`${a.table}\0${module}`, { table: a.table, module });
        }
        for (const e of callsOf.get(file) ?? []) if (called(e.evidence.member)) call(next, e.to, calledMethod(e.evidence.text));
      }
      frontier = next;
    }
    if (writes.length === 0 && through.size === 0) continue;
    const module = moduleFor(tx.file);
    const id = `${module}#${tx.member ? `${tx.member}:` : ''}${tx.line}`;
    out.set(id, {
      id,
      module,
      ...(tx.member ? { member: tx.member } : {}),
      kind: tx.kind,
      ...(tx.propagation ? { propagation: tx.propagation } : {}),
      writes,
      writesThrough: [...through.values()].sort((a, b) => compareStrings(a.table, b.table) || compareStrings(a.module, b.module)),
      evidence: { file: tx.file, line: tx.line, text: `${tx.kind}${tx.member ? ` ${tx.member}` : ''}`, ...(tx.member ? { member: tx.member } : {}) },
    });
  }
  return [...out.values()].sort((a, b) => compareStrings(a.id, b.id));
}
