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
}

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
        this.append(ch);
        if (ch === '/' && this.buffer.endsWith('*/') && this.buffer.length > this.tagEndsAt) this.state = 'code';
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
        if (ch === '$' && this.buffer.length - this.tag.length >= this.tagEndsAt && this.buffer.endsWith(this.tag)) this.state = 'code';
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
      this.state = 'single';
    } else if (ch === '"') {
      this.state = 'double';
    } else if (ch === '`') {
      this.state = 'backtick';
    } else if (ch === '[' && this.options.bracketQuotes) {
      this.state = 'bracket';
    } else if (ch === '$' && (next === '$' || /[A-Za-z_]/.test(next))) {
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

  private append(ch: string): void {
    if (this.buffer.length === 0) {
      if (/\s/.test(ch)) return;
      this.startLine = this.line;
    }
    this.buffer += ch;
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
      this.buffer = this.buffer.replace(/\s*(?:go|\/)$/i, '');
      this.emit();
    }
  }

  private emit(): void {
    const text = this.buffer.trim();
    const line = this.startLine || this.line;
    this.buffer = '';
    this.depth = 0;
    this.sawBegin = false;
    this.procedural = undefined;
    this.afterEnd = false;
    this.pendingIf = false;
    this.word = '';
    this.startLine = 0;
    if (/^(?:--[^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\s|;)*$/.test(text)) return;
    this.out.push({ text, line });
    if (/^copy\b[\s\S]*\bfrom\s+stdin\b/i.test(text)) {
      this.state = 'copy-data';
      this.startLine = this.line + 1;
    }
  }
}

/** Splits a whole text. */
export function splitStatements(text: string, options: SplitterOptions = {}): SplitStatement[] {
  const splitter = new StatementSplitter(options);
  return [...splitter.push(text), ...splitter.end()];
}
