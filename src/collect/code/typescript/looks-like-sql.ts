/**
 * Decides whether a string literal is worth handing to the SQL parser (a later stage parses it for real).
 * Input: literal text. Output: true when it opens with a SQL statement keyword and carries the clause
 * that statement needs (SELECT..FROM, UPDATE..SET, INSERT INTO, DELETE FROM, DDL on TABLE/INDEX/VIEW).
 * Prose and CSS class lists that open with such a word are not SQL: a sentence ending in . ! or ?,
 * FROM followed by an article (`select an option from the list`), TRUNCATE followed by anything but a
 * table list (`truncate flex-1` is a Tailwind class list), CREATE/DROP TABLE without a table name and a
 * body or end (`create table if you want`).
 * Cheap by design: it runs on every literal of every file.
 */
import { skipSqlCommentsAndSpace } from '../../db/sql-comments.js';

const TRANSACTION_START = /^(?:begin(?: transaction| work)?|start transaction) ?;/i;
const STATEMENT_START = /^\(?\s*(select|insert|update|delete|with|create|alter|drop|merge|replace|truncate|upsert)\b/i;
const IDENT = '(?:[A-Za-z_][\\w$]*|"[^"]+"|`[^`]+`|\\[[^\\]]+\\])(?:\\.(?:[A-Za-z_][\\w$]*|"[^"]+"|`[^`]+`|\\[[^\\]]+\\]))?';
const TRUNCATE_REST = new RegExp(`^\\s+(?:table\\s+)?(?:only\\s+)?${IDENT}(?:\\s*,\\s*${IDENT})*\\s*(?:(?:restart|continue)\\s+identity\\s*)?(?:cascade|restrict)?\\s*;?\\s*$`, 'i');
const CREATE_TABLE = new RegExp(`^\\s+(?:or\\s+replace\\s+)?(?:(?:global|local)\\s+)?(?:temporary\\s+|temp\\s+|unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?${IDENT}\\s*(?:\\(|as\\b|like\\b|;|$)`, 'i');
const DROP_TABLE = new RegExp(`^\\s+(?:temporary\\s+)?table\\s+(?:if\\s+exists\\s+)?${IDENT}(?:\\s*,\\s*${IDENT})*\\s*(?:cascade|restrict|purge)?\\s*;?\\s*$`, 'i');
/** FROM followed by an article or a possessive: English, not a table. */
const FROM_PROSE = /\bfrom\s+(?:the|a|an|this|that|these|those|your|our|my|their|its|each|every|any|some|all|here|there)\b/i;

export function looksLikeSql(text: string): boolean {
  if (text.length < 10) return false;
  const start = skipSqlCommentsAndSpace(text);
  // A transaction written in SQL: what follows `BEGIN;` decides.
  const begin = TRANSACTION_START.exec(text.slice(start, start + 32));
  if (begin) return looksLikeSql(text.slice(start + begin[0].length));
  const m = STATEMENT_START.exec(text.slice(start, start + 64));
  if (!m) return false;
  const keyword = m[1]!.toLowerCase();
  const rest = text.slice(start + m[0].length);
  // A sentence: SQL does not end in a full stop, an exclamation, or a question mark right after a word
  // (`where id = ?` is a placeholder).
  if (/(?:[.!]|[A-Za-z]\?)\s*$/.test(rest)) return false;
  switch (keyword) {
    case 'select':
      if (FROM_PROSE.test(rest)) return false;
      return /\bfrom\b/i.test(rest) || /^\s+(?:\d|now\(|current_|1\b)/i.test(rest);
    case 'insert':
    case 'replace':
      return /^\s+(?:ignore\s+)?into\b/i.test(rest);
    case 'update':
      return /\bset\b/i.test(rest);
    case 'delete':
      if (FROM_PROSE.test(rest)) return false;
      return /^\s+from\b/i.test(rest) || /^\s+\w+\s+from\b/i.test(rest);
    case 'with':
      return /\bselect\b/i.test(rest) && /\bas\s*\(/i.test(rest);
    case 'alter':
      return /^\s+(?:table|index|view|schema|sequence|trigger|type|materialized)\b/i.test(rest);
    case 'drop':
      if (/^\s+(?:temporary\s+)?table\b/i.test(rest)) return DROP_TABLE.test(rest);
      return /^\s+(?:if\s+exists\s+)?(?:index|view|schema|sequence|trigger|type|materialized)\b/i.test(rest);
    case 'create':
      if (/^\s+(?:or\s+replace\s+)?(?:(?:global|local)\s+)?(?:temporary\s+|temp\s+|unlogged\s+)?table\b/i.test(rest)) return CREATE_TABLE.test(rest);
      return /^\s+(?:or\s+replace\s+|temporary\s+|temp\s+|unique\s+|if\s+(?:not\s+)?exists\s+)*(?:table|index|view|schema|sequence|trigger|type|materialized)\b/i.test(rest);
    case 'truncate':
      return TRUNCATE_REST.test(rest);
    case 'merge':
      return /^\s+into\b/i.test(rest);
    case 'upsert':
      return /\binto\b/i.test(rest);
    default:
      return false;
  }
}
