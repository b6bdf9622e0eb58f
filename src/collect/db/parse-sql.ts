/**
 * Parses one SQL statement with node-sql-parser, in the chosen dialect first and then in the others
 * (RETRY_ORDER), before giving up. Placeholders are normalised first so that the grammar sees valid
 * SQL: `?`, `$1`, `:name`, MyBatis `#{x}` and template `${expr}` become named parameters, except
 * `${expr}` where a table name belongs (after FROM/JOIN/INTO/UPDATE/TABLE), which becomes the
 * identifier `msa_dynamic_table` (reported as a dynamic table, never as a real one).
 * Results are cached by text and dialect: ORMs repeat the same statements many times.
 * The grammar (node-sql-parser, ~0.25 s to load as an ES module import) is loaded through `require` at
 * the first statement: a run with no SQL to parse (most of `check --since`) never loads it.
 */
import { createRequire } from 'node:module';
import type * as SqlParserModule from 'node-sql-parser';
import type { Dialect } from '../../model/dialects.js';
import { RETRY_ORDER } from './sql-dialects.js';

export const DYNAMIC_TABLE = 'msa_dynamic_table';

export type ParseOutcome = { ok: true; ast: Record<string, unknown>; dialect: Dialect } | { ok: false; error: string };

export interface SqlStatementParser {
  parse(statement: string): ParseOutcome;
}

/**
 * Statements longer than this are not given to the grammar: node-sql-parser recurses on long chains
 * (UNION, nested expressions) and costs ~linear time per dialect tried; the tolerant table reader
 * takes them instead.
 */
export const MAX_PARSE_CHARS = 256 * 1024;

export function createSqlParser(primary: Dialect): SqlStatementParser {
  let loaded: SqlParserModule.Parser | undefined;
  const parser = { astify: (text: string, opt: SqlParserModule.Option) => (loaded ??= new (createRequire(import.meta.url)('node-sql-parser') as typeof SqlParserModule).Parser()).astify(text, opt) };
  const order = [primary, ...RETRY_ORDER.filter((d) => d !== primary)];
  const cache = new Map<string, ParseOutcome>();
  return {
    parse(statement) {
      if (statement.length > MAX_PARSE_CHARS) return { ok: false, error: `statement of ${statement.length} characters is over the ${MAX_PARSE_CHARS}-character parse limit` };
      const text = normalizePlaceholders(statement);
      const hit = cache.get(text);
      if (hit) return hit;
      let firstError = '';
      let outcome: ParseOutcome | undefined;
      for (const dialect of order) {
        try {
          const ast = parser.astify(text, { database: dialect }) as unknown;
          const single = Array.isArray(ast) ? ast[0] : ast;
          if (single && typeof single === 'object') {
            outcome = { ok: true, ast: single as Record<string, unknown>, dialect };
            break;
          }
        } catch (error) {
          if (!firstError) firstError = `${dialect}: ${firstLine((error as Error).message)}`;
        }
      }
      outcome ??= { ok: false, error: firstError || 'empty statement' };
      cache.set(text, outcome);
      return outcome;
    },
  };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.length > 100 ? line.slice(0, 97) + '...' : line;
}

const TABLE_KEYWORD = /\b(?:from|join|into|update|table|using)\s*$/i;

/** Rewrites placeholders outside quotes; see the header. */
export function normalizePlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote = '';
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      out += ch;
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
      continue;
    }
    // `${expr}` (template literal or MyBatis) and `#{x}` (MyBatis).
    if ((ch === '$' || ch === '#') && sql[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (sql[j] === '{') depth++;
        else if (sql[j] === '}' && --depth === 0) break;
      }
      out += TABLE_KEYWORD.test(out) ? DYNAMIC_TABLE : `:p${++n}`;
      i = j;
      continue;
    }
    if (ch === '?' && !/[?|&]/.test(sql[i + 1] ?? '')) {
      out += `:p${++n}`;
      continue;
    }
    if (ch === '$' && /\d/.test(sql[i + 1] ?? '') && !/[\w$]/.test(sql[i - 1] ?? '')) {
      let j = i + 1;
      while (j < sql.length && /\d/.test(sql[j]!)) j++;
      out += `:p${sql.slice(i + 1, j)}`;
      i = j - 1;
      continue;
    }
    out += ch;
  }
  return out;
}
