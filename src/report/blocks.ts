/**
 * Plain report blocks (a heading, a paragraph, a capped table) that report.md escapes and prints and
 * report.html shows as text: the split checks, the decisions and the changes since an earlier analysis
 * are written once as blocks and read the same in both reports.
 */

/** A heading (level 2 or 3), a paragraph, or a table (with the number of rows before the cap). */
export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'table'; head: string[]; rows: (string | number)[][]; total: number };

/** Rows shown per table; analysis.json has the rest. */
export const ROW_LIMIT = 25;

export const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text });
export const h3 = (text: string): Block => ({ kind: 'heading', level: 3, text });
export const note = (text: string): Block => ({ kind: 'note', text });
/** The first `limit` rows, and how many there were. */
export const table = (head: string[], rows: (string | number)[][], limit = ROW_LIMIT, total = rows.length): Block => ({ kind: 'table', head, rows: rows.slice(0, limit), total });
