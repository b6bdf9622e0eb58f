/**
 * A tolerant reader for CREATE TABLE statements no dialect of node-sql-parser accepts (SQLite's
 * `references user` without a column list, vendor column options, odd defaults).
 * Input: one statement. Output: the table, its columns (name, first type word, NOT NULL / PRIMARY KEY)
 * and its foreign keys (column-level REFERENCES and table-level FOREIGN KEY ... REFERENCES), or
 * undefined when it is not a CREATE TABLE of a persistent table (temporary tables are never tables of
 * the domain). It reads tokens, not the grammar: the caller says so in a diagnostic.
 * Linear in the statement's length: one masking pass, one scan for the body, one split.
 */
import type { CreateTableFact, ForeignKeyFact, TableRef } from './statement-facts.js';
import { stripSqlComments } from './sql-comments.js';

const HEAD = /^\s*create\s+(?:or\s+replace\s+)?((?:global\s+|local\s+)?(?:temporary|temp)\s+)?table\s+(?:if\s+not\s+exists\s+)?([`"[]?[\w$]+[`"\]]?(?:\s*\.\s*[`"[]?[\w$]+[`"\]]?)?)\s*\(/i;
const NAME = /^[`"[]?([\w$]+)[`"\]]?/;
const TABLE_CONSTRAINTS = /^(unique|check|index|key|fulltext|spatial|exclude|period)\b/i;

export function readCreateTableTolerantly(statement: string): CreateTableFact | undefined {
  // Quoted strings masked (same length) so that commas and parentheses inside defaults do not count.
  const text = stripSqlComments(statement).replace(/'(?:[^']|'')*'/g, (s) => `'${'x'.repeat(Math.max(0, s.length - 2))}'`);
  const head = HEAD.exec(text);
  if (!head || head[1]) return undefined;
  const table = ref(head[2]!);
  const open = head.index + head[0].length - 1;
  const close = matching(text, open);
  if (close < 0) return undefined;
  const fact: CreateTableFact = { table, columns: [], primaryKey: [], foreignKeys: [] };
  for (let item of splitTopLevel(text.slice(open + 1, close))) {
    item = item.trim();
    if (item === '') continue;
    if (/^constraint\s+/i.test(item)) item = item.replace(/^constraint\s+[`"[]?[\w$]+[`"\]]?\s*/i, '');
    const pk = /^primary\s+key\s*\(([^)]*)\)/i.exec(item);
    if (pk) {
      fact.primaryKey = names(pk[1]!);
      continue;
    }
    const fk = /^foreign\s+key\s*\(([^)]*)\)\s*references\s+([`"[]?[\w$]+[`"\]]?(?:\s*\.\s*[`"[]?[\w$]+[`"\]]?)?)\s*(?:\(([^)]*)\))?/i.exec(item);
    if (fk) {
      fact.foreignKeys.push({ columns: names(fk[1]!), references: ref(fk[2]!), referencedColumns: fk[3] ? names(fk[3]) : [], ...onDeleteOf(item) });
      continue;
    }
    if (TABLE_CONSTRAINTS.test(item)) continue;
    const name = NAME.exec(item)?.[1];
    if (!name) continue;
    const rest = item.slice(NAME.exec(item)![0].length).trim();
    const type = /^([A-Za-z_][\w]*)/.exec(rest)?.[1];
    const primary = /\bprimary\s+key\b/i.test(rest);
    fact.columns.push({ name, ...(type ? { type: type.toUpperCase() } : {}), ...(primary || /\bnot\s+null\b/i.test(rest) ? { nullable: false } : {}) });
    if (primary) fact.primaryKey.push(name);
    const references = /\breferences\s+([`"[]?[\w$]+[`"\]]?(?:\s*\.\s*[`"[]?[\w$]+[`"\]]?)?)\s*(?:\(([^)]*)\))?/i.exec(rest);
    if (references) fact.foreignKeys.push({ columns: [name], references: ref(references[1]!), referencedColumns: references[2] ? names(references[2]) : [], ...onDeleteOf(rest) } satisfies ForeignKeyFact);
  }
  return fact;
}

function onDeleteOf(text: string): { onDelete?: string } {
  const m = /\bon\s+delete\s+(cascade|set\s+null|set\s+default|restrict|no\s+action)\b/i.exec(text);
  return m ? { onDelete: m[1]!.toLowerCase().replace(/\s+/g, ' ') } : {};
}

function ref(raw: string): TableRef {
  const parts = raw.split('.').map((p) => p.trim().replace(/^[`"[]|[`"\]]$/g, ''));
  return parts.length > 1 ? { schema: parts[0]!, name: parts[1]! } : { name: parts[0]! };
}

function names(list: string): string[] {
  return list
    .split(',')
    .map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, '').split(/\s+/)[0]!)
    .filter((c) => c !== '');
}

/** Index of the parenthesis closing the one at `open`, or -1. */
function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}
