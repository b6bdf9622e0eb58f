/** Markdown building blocks shared by the report's sections: escaping, tables, "N more" notes. */

export const LIST_LIMIT = 25;

/** Escapes text for a Markdown table cell or paragraph: no HTML, no table breaks, no emphasis surprises. */
export function mdText(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]])/g, '\\$1')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** A code span: literal text on GitHub (no HTML, no emphasis); only backticks, pipes and newlines need care. */
export function mdCode(value: string): string {
  return '`' + value.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ') + '`';
}

export function table(header: string[], rows: (string | number)[][]): string {
  if (rows.length === 0) return '_None._\n';
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((h) => (/^[#\d]|count|lines|fan|instab|spread|weight/i.test(h) ? '---:' : '---')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.map((c) => (typeof c === 'number' ? String(c) : c)).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

export function more(total: number, shown: number): string {
  return total > shown ? `\n_${total - shown} more in analysis.json._\n` : '';
}
