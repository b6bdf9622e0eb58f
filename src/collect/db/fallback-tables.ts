/**
 * Last resort when no dialect parses a statement (Oracle PL/SQL, vendor extensions): table names
 * after FROM / JOIN / INTO / UPDATE / TABLE / USING / MERGE INTO, comments and quoted strings removed
 * first. Everything it returns is marked `fallback` by the caller and comes with a diagnostic: it is
 * a hint for the workshop, not a parse.
 */
import { stripSqlComments } from './sql-comments.js';
import type { TableRef } from './statement-facts.js';

const KEYWORDS = /\b(from|join|into|update|table|using)\s+((?:[`"[]?[A-Za-z_][\w$]*[`"\]]?\.)?[`"[]?[A-Za-z_][\w$]*[`"\]]?)/gi;
const NOT_TABLES = new Set(['select', 'where', 'set', 'values', 'dual', 'lateral', 'only', 'if', 'exists', 'not', 'as', 'on', 'the', 'each', 'row']);

export function fallbackTables(statement: string): { table: TableRef; mode: 'read' | 'write' }[] {
  const clean = stripSqlComments(statement).replace(/'(?:[^']|'')*'/g, "''");
  const found = new Map<string, { table: TableRef; mode: 'read' | 'write' }>();
  for (const m of clean.matchAll(KEYWORDS)) {
    const keyword = m[1]!.toLowerCase();
    const parts = m[2]!.replace(/[`"[\]]/g, '').split('.');
    const name = parts[parts.length - 1]!;
    if (NOT_TABLES.has(name.toLowerCase())) continue;
    const table: TableRef = parts.length > 1 ? { schema: parts[0]!, name } : { name };
    const mode = keyword === 'into' || keyword === 'update' ? 'write' : 'read';
    const key = `${parts.join('.').toLowerCase()}:${mode}`;
    if (!found.has(key)) found.set(key, { table, mode });
  }
  return [...found.values()];
}
