/**
 * Splits SQL text into statements, chunk by chunk, so a 50 MB dump never has to sit in memory whole.
 * Input: text chunks. Output: statements with the 1-based line they start on.
 * A `;` ends a statement except inside '...' / "..." / `...` / [...] (T-SQL) quotes, -- and /* *\/ and
 * (MySQL) # comments, $tag$ ... $tag$ bodies, and procedural bodies of CREATE PROCEDURE/FUNCTION/
 * TRIGGER/PACKAGE (BEGIN/CASE/LOOP/IF ... END nesting). A line holding only `GO` (T-SQL) or `/`
 * (Oracle SQL*Plus) also ends a statement. After `COPY ... FROM stdin;` the data lines up to `\.`
 * are skipped (pg_dump format) and reported as one bulk statement.
 */

export interface SplitStatement {
  text: string;
  /** 1-based line of the statement's first significant character. */
  line: number;
  /** True for the data block of a COPY ... FROM stdin (text is empty). */
  copyData?: boolean;
  /**
   * Set when the statement outgrew MAX_STATEMENT_CHARS (an unterminated quote or dollar body, most
   * likely): its text is the first part only, and splitting went on as code after the cut.
   */
  cutAt?: number;
  /**
   * Set when a quote or dollar body opened at this line never closed: the statement is the text before
   * it, and splitting went on as SQL right after the opening quote (so the rest of the file is not lost).
   */
  unterminatedQuoteLine?: number;
}

/** At most this many unterminated quotes are recovered per file; past it, a runaway statement is cut. */
export const MAX_RECOVERIES = 100;
const QUOTE_STATES = new Set(['single', 'double', 'backtick', 'bracket', 'dollar-open', 'dollar']);

/** A statement growing past this many characters is cut, reported, and splitting resumes after it. */
export const MAX_STATEMENT_CHARS = 8 * 1024 * 1024;

export interface SplitterOptions {
  /** Backslash escapes inside '...' (MySQL, MariaDB). Default false. */
  backslashEscapes?: boolean;
  /** `#` starts a comment (MySQL, MariaDB). Default false. */
  hashComments?: boolean;
  /** `[...]` quotes identifiers (T-SQL). Default false. */
  bracketQuotes?: boolean;
}

type State = 'code' | 'single' | 'double' | 'backtick' | 'bracket' | 'line-comment' | 'block-comment' | 'dollar-open' | 'dollar' | 'copy-data';

const PROCEDURAL_HEAD = /^create\s+(?:or\s+(?:replace|alter)\s+)?(?:definer\s*=\s*\S+\s+)?(?:procedure|function|trigger|package|proc)\b/i;
const WORD_CHAR = /[A-Za-z0-9_]/;
const BLOCK_WORDS = new Set(['BEGIN', 'CASE', 'LOOP', 'IF', 'THEN', 'END']);

export class StatementSplitter {
  private state: State = 'code';
  private buffer = '';
  private line = 1;
  private startLine = 0;
  private tag = '';
  private tagEndsAt = 0;
  private word = '';
  private depth = 0;
  private sawBegin = false;
  private procedural: boolean | undefined;
  private escapeNext = false;
  private lineText = '';
  /** The last character of a chunk waits for the next one, so that two-character tokens never split. */
  private carry = '';
  private readonly out: SplitStatement[] = [];

  constructor(private readonly options: SplitterOptions = {}) {}

  /** Feeds a chunk; returns the statements completed by it. */
  push(chunk: string): SplitStatement[] {
    const text = this.carry + chunk;
    this.carry = text.slice(-1);
    for (let i = 0; i < text.length - 1; i++) this.step(text[i]!, text[i + 1]!);
    return this.out.splice(0);
  }

  /** Flushes what is left (a last statement without `;`). */
  end(): SplitStatement[] {
    if (this.carry) this.step(this.carry, '');
    this.carry = '';
    while (QUOTE_STATES.has(this.state) && this.recoveries < MAX_RECOVERIES) this.recover();
    this.finishWord();
    if (this.state !== 'copy-data') this.emit();
    return this.out.splice(0);
  }

  private step(ch: string, next: string): void {
    if (ch === '\n') {
      this.onNewline();
      if (this.state === 'copy-data') return;
    } else {
      this.lineText += ch;
    }
    switch (this.state) {
      case 'copy-data':
        return;
      case 'line-comment':
        this.append(ch);
        if (ch === '\n') this.state = 'code';
        return;
      case 'block-comment':
        if (ch === '/' && this.prev === '*' && this.buffer.length > this.tagEndsAt) this.state = 'code';
        this.append(ch);
        return;
      case 'single':
        this.append(ch);
        if (this.escapeNext) this.escapeNext = false;
        else if (ch === '\\' && this.options.backslashEscapes) this.escapeNext = true;
        else if (ch === "'") this.state = 'code';
        return;
      case 'double':
      case 'backtick':
      case 'bracket':
        this.append(ch);
        if (ch === { double: '"', backtick: '`', bracket: ']' }[this.state]) this.state = 'code';
        return;
      case 'dollar-open':
        if (ch === '$') {
          this.append(ch);
          this.tag += '$';
          this.tagEndsAt = this.buffer.length;
          this.state = 'dollar';
          return;
        }
        if (/[A-Za-z_]/.test(ch)) {
          this.append(ch);
          this.tag += ch;
          return;
        }
        // `$1` or `$x ` : a placeholder, not a dollar quote.
        this.state = 'code';
        this.stepCode(ch, next);
        return;
      case 'dollar':
        this.append(ch);
        // Only the last tag-length characters matter: never compare against the whole (maybe huge) buffer.
        if (ch === '$' && this.buffer.length - this.tag.length >= this.tagEndsAt && this.buffer.slice(-this.tag.length) === this.tag) this.state = 'code';
        return;
      case 'code':
        this.stepCode(ch, next);
    }
  }

  private stepCode(ch: string, next: string): void {
    if (WORD_CHAR.test(ch)) {
      this.word += ch;
      this.append(ch);
      return;
    }
    this.finishWord();
    if ((ch === '-' && next === '-') || (ch === '#' && this.options.hashComments)) {
      this.state = 'line-comment';
    } else if (ch === '/' && next === '*') {
      this.state = 'block-comment';
      this.tagEndsAt = this.buffer.length + 2;
    } else if (ch === "'") {
      this.openQuote();
      this.state = 'single';
    } else if (ch === '"') {
      this.openQuote();
      this.state = 'double';
    } else if (ch === '`') {
      this.openQuote();
      this.state = 'backtick';
    } else if (ch === '[' && this.options.bracketQuotes) {
      this.openQuote();
      this.state = 'bracket';
    } else if (ch === '$' && (next === '$' || /[A-Za-z_]/.test(next))) {
      this.openQuote();
      this.state = 'dollar-open';
      this.tag = '$';
      this.append(ch);
      return;
    } else if (ch === ';') {
      this.pendingIf = false;
      this.afterEnd = false;
      if (!this.inProceduralBody()) {
        this.append(ch);
        this.emit();
        return;
      }
    }
    this.append(ch);
  }

  private prev = '';

  private append(ch: string): void {
    this.prev = ch;
    if (this.buffer.length === 0) {
      if (/\s/.test(ch)) return;
      this.startLine = this.line;
    }
    this.buffer += ch;
    if (this.buffer.length > MAX_STATEMENT_CHARS) {
      if (QUOTE_STATES.has(this.state) && this.recoveries < MAX_RECOVERIES) this.recover();
      else this.cut();
    }
  }

  private quoteAt = 0;
  private quoteLine = 0;
  private recoveries = 0;

  /** Remembers where a quote opens (the next character appended is the quote itself). */
  private openQuote(): void {
    this.quoteAt = this.buffer.length;
    this.quoteLine = this.line;
  }

  /**
   * A quote that never closed: reports the statement before it, and reads everything after the opening
   * quote again as SQL, so one stray apostrophe does not swallow the rest of a file.
   */
  private recover(): void {
    this.recoveries++;
    const head = this.buffer.slice(0, this.quoteAt);
    const rest = this.buffer.slice(this.quoteAt + 1);
    this.out.push({ text: head.trim(), line: this.startLine || this.quoteLine, unterminatedQuoteLine: this.quoteLine });
    this.startStatement();
    this.state = 'code';
    this.escapeNext = false;
    this.line = this.quoteLine;
    this.lineText = '';
    for (let i = 0; i < rest.length; i++) this.step(rest[i]!, rest[i + 1] ?? '');
  }

  /** Ends a runaway statement: reports its start, drops the rest, and reads on as code. */
  private cut(): void {
    const line = this.startLine || this.line;
    const size = this.buffer.length;
    this.out.push({ text: this.buffer.slice(0, 4096), line, cutAt: size });
    this.startStatement();
    this.state = 'code';
    this.escapeNext = false;
  }

  private isProcedural(): boolean {
    if (this.procedural === undefined && this.buffer.length > 120) this.procedural = PROCEDURAL_HEAD.test(this.buffer);
    return this.procedural ?? PROCEDURAL_HEAD.test(this.buffer);
  }

  /**
   * Block nesting inside procedural bodies: BEGIN opens; CASE and LOOP open once a BEGIN was seen;
   * IF opens at its THEN (so `DROP ... IF EXISTS` opens nothing); END closes, and the IF/LOOP/CASE
   * right after END (`END IF`) belongs to it.
   */
  private finishWord(): void {
    if (!this.word) return;
    const w = this.word.toUpperCase();
    this.word = '';
    if (!BLOCK_WORDS.has(w) || !this.isProcedural()) {
      this.afterEnd = false;
      return;
    }
    if (this.afterEnd) {
      this.afterEnd = false;
      if (w === 'IF' || w === 'LOOP' || w === 'CASE') return;
    }
    if (w === 'BEGIN') {
      this.sawBegin = true;
      this.depth++;
    } else if ((w === 'CASE' || w === 'LOOP') && this.sawBegin) {
      this.depth++;
    } else if (w === 'IF' && this.sawBegin) {
      this.pendingIf = true;
    } else if (w === 'THEN' && this.pendingIf) {
      this.pendingIf = false;
      this.depth++;
    } else if (w === 'END') {
      this.depth = Math.max(0, this.depth - 1);
      this.afterEnd = true;
    }
  }

  private afterEnd = false;
  private pendingIf = false;

  private inProceduralBody(): boolean {
    if (!this.isProcedural()) return false;
    // `CREATE FUNCTION f() ... AS 'body' LANGUAGE sql;` has no BEGIN: it ends at its first `;`.
    return this.depth > 0;
  }

  private onNewline(): void {
    const trimmed = this.lineText.trim();
    this.lineText = '';
    this.line++;
    if (this.state === 'copy-data') {
      if (trimmed === '\\.') {
        this.out.push({ text: '', line: this.startLine, copyData: true });
        this.state = 'code';
        this.startLine = 0;
      }
      return;
    }
    if (this.state === 'code' && (/^go$/i.test(trimmed) || trimmed === '/')) {
      // Drop the separator line's word (trailing white space first), without a backtracking pattern.
      const kept = this.buffer.trimEnd();
      this.buffer = /go$/i.test(kept.slice(-2)) ? kept.slice(0, -2) : kept.endsWith('/') ? kept.slice(0, -1) : kept;
      this.emit();
    }
  }

  /** Forgets the statement being read: the next significant character starts a new one. */
  private startStatement(): void {
    this.buffer = '';
    this.depth = 0;
    this.sawBegin = false;
    this.procedural = undefined;
    this.afterEnd = false;
    this.pendingIf = false;
    this.word = '';
    this.startLine = 0;
  }

  private emit(): void {
    const text = this.buffer.trim();
    const line = this.startLine || this.line;
    this.startStatement();
    if (isOnlyCommentsAndSpace(text)) return;
    this.out.push({ text, line });
    if (/^copy\b[\s\S]*\bfrom\s+stdin\b/i.test(text)) {
      this.state = 'copy-data';
      this.startLine = this.line + 1;
    }
  }
}

/**
 * True when `text` holds nothing but comments (--, #, /* *\/), white space and `;`. A linear scan: the
 * regular expression it replaces backtracked exponentially on runs of comments.
 */
export function isOnlyCommentsAndSpace(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ';' || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') i++;
    else if ((ch === '-' && text[i + 1] === '-') || ch === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return false;
      i = close + 2;
    } else if (/\s/.test(ch)) i++;
    else return false;
  }
  return true;
}

/** Splits a whole text. */
export function splitStatements(text: string, options: SplitterOptions = {}): SplitStatement[] {
  const splitter = new StatementSplitter(options);
  return [...splitter.push(text), ...splitter.end()];
}
