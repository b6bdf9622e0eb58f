/**
 * Decides whether a string literal is worth handing to the SQL parser (a later stage parses it for real).
 * Input: literal text. Output: true when it opens with a SQL statement keyword and carries the clause
 * that statement needs (SELECT..FROM, UPDATE..SET, INSERT INTO, DELETE FROM, DDL on TABLE/INDEX/VIEW).
 * Cheap by design: it runs on every literal of every file.
 */
import { skipSqlCommentsAndSpace } from '../../db/sql-comments.js';

const STATEMENT_START = /^\(?\s*(select|insert|update|delete|with|create|alter|drop|merge|replace|truncate|upsert)\b/i;

export function looksLikeSql(text: string): boolean {
  if (text.length < 10) return false;
  const start = skipSqlCommentsAndSpace(text);
  const m = STATEMENT_START.exec(text.slice(start, start + 64));
  if (!m) return false;
  const keyword = m[1]!.toLowerCase();
  const rest = text.slice(start + m[0].length);
  switch (keyword) {
    case 'select':
      return /\bfrom\b/i.test(rest) || /^\s+(?:\d|now\(|current_|1\b)/i.test(rest);
    case 'insert':
    case 'replace':
      return /^\s+(?:ignore\s+)?into\b/i.test(rest);
    case 'update':
      return /\bset\b/i.test(rest);
    case 'delete':
      return /^\s+from\b/i.test(rest) || /^\s+\w+\s+from\b/i.test(rest);
    case 'with':
      return /\bselect\b/i.test(rest) && /\bas\s*\(/i.test(rest);
    case 'create':
    case 'alter':
    case 'drop':
      return /^\s+(?:or\s+replace\s+|temporary\s+|temp\s+|unique\s+|if\s+(?:not\s+)?exists\s+)*(?:table|index|view|schema|sequence|trigger|type|materialized)\b/i.test(rest);
    case 'truncate':
      return /^\s+(?:table\s+)?[\w."`[\]]+/i.test(rest);
    case 'merge':
      return /^\s+into\b/i.test(rest);
    case 'upsert':
      return /\binto\b/i.test(rest);
    default:
      return false;
  }
}
