/**
 * SQL comments and white space, skipped or removed by linear scans: the regular expressions these
 * replace (`(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*`) backtrack polynomially or worse on text a
 * repository controls (runs of unclosed `/*`, long white space).
 */

/** Index of the first character of `text` at or after `from` that is neither white space nor inside a comment. */
export function skipSqlCommentsAndSpace(text: string, from = 0): number {
  let i = from;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || (ch >= 9 && ch <= 13) || ch === 0xa0 || ch === 0xfeff) i++;
    else if (ch === 45 /* - */ && text.charCodeAt(i + 1) === 45) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return i;
      i = close + 2;
    } else return i;
  }
  return i;
}

/** `text` with every `-- …` and closed `/* … *\/` comment replaced by one space. */
export function stripSqlComments(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const line = text.indexOf('--', i);
    const block = text.indexOf('/*', i);
    const next = line < 0 ? block : block < 0 ? line : Math.min(line, block);
    if (next < 0) return out + text.slice(i);
    out += text.slice(i, next) + ' ';
    if (next === line) {
      const nl = text.indexOf('\n', next);
      i = nl < 0 ? text.length : nl;
    } else {
      const close = text.indexOf('*/', next + 2);
      if (close < 0) return out + text.slice(next + 2);
      i = close + 2;
    }
  }
}
