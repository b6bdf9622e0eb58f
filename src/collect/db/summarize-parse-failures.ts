/** One summary instead of a flood of per-statement parse diagnostics, for the database collector. */
import { compareStrings } from '../../model/compare.js';
import { pushTo } from '../../model/group.js';
import type { Diagnostic } from '../../model/types.js';

/** Per-statement parse diagnostics kept per code before the rest become one summary line. */
const PARSE_DIAGNOSTICS_KEPT = 10;

/**
 * A dialect node-sql-parser lacks (ClickHouse, Oracle PL/SQL, ...) fails on every statement: the
 * first PARSE_DIAGNOSTICS_KEPT failures of each kind are listed, the rest summarised in one diagnostic
 * (count, files) instead of one line per statement.
 */
export function summarizeParseFailures(diagnostics: Diagnostic[]): Diagnostic[] {
  const codes = ['sql-parse-failed', 'sql-not-parsed', 'ddl-read-tolerantly'];
  const seen = new Map<string, number>();
  const rest = new Map<string, Diagnostic[]>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!codes.includes(d.code)) {
      out.push(d);
      continue;
    }
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= PARSE_DIAGNOSTICS_KEPT) out.push(d);
    else pushTo(rest, d.code, d);
  }
  for (const [code, list] of rest) {
    const files = [...new Set(list.map((d) => d.file).filter((f): f is string => !!f))].sort(compareStrings);
    const what = code === 'ddl-read-tolerantly' ? 'CREATE TABLE statements read by the tolerant DDL reader' : code === 'sql-parse-failed' ? 'statements no dialect parses (tables recovered by the fallback extractor)' : 'SQL-looking strings no dialect parses and that name no known table';
    out.push({
      severity: list.some((d) => d.severity === 'warning') ? 'warning' : 'info',
      code,
      message: `${list.length} more ${what}, in ${files.length} files (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', ...' : ''}); a dialect the SQL parser lacks (ClickHouse, Oracle PL/SQL) fails this way`,
    });
  }
  return out;
}

