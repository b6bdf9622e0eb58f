/**
 * Incremental parser of `git log -z --format=%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%s` followed by either
 * `--name-status -M` (STATUS \0 path [\0 new path] \0 ...) or `--numstat -M`
 * (added \t deleted \t path \0, or added \t deleted \t \0 old \0 new \0 for renames).
 * Input: stdout chunks in any sizes. Output: one raw commit per record, in log order.
 */

export interface RawChange {
  /** A, M, D, T, R, C (first letter of the status); numstat mode reports M or R. */
  status: string;
  path: string;
  /** For renames and copies: the path before. */
  from?: string;
  added?: number;
  deleted?: number;
}

export interface RawCommit {
  sha: string;
  name: string;
  email: string;
  date: string;
  subject: string;
  changes: RawChange[];
}

export class GitLogParser {
  private pending = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly mode: 'name-status' | 'numstat',
    private readonly onCommit: (c: RawCommit) => void,
  ) {}

  push(chunk: Buffer): void {
    this.pending += this.decoder.decode(chunk, { stream: true });
    let start = this.pending.indexOf('\x1e');
    let next = start >= 0 ? this.pending.indexOf('\x1e', start + 1) : -1;
    while (start >= 0 && next >= 0) {
      this.record(this.pending.slice(start + 1, next));
      start = next;
      next = this.pending.indexOf('\x1e', start + 1);
    }
    this.pending = start >= 0 ? this.pending.slice(start) : this.pending;
  }

  end(): void {
    this.pending += this.decoder.decode();
    if (this.pending.startsWith('\x1e')) this.record(this.pending.slice(1));
    this.pending = '';
  }

  private record(text: string): void {
    const headerEnd = text.indexOf('\0');
    const header = headerEnd >= 0 ? text.slice(0, headerEnd) : text;
    const [sha = '', name = '', email = '', date = '', ...subject] = header.split('\x1f');
    const tokens = headerEnd >= 0 ? text.slice(headerEnd + 1).replace(/^\n/, '').split('\0') : [];
    const changes: RawChange[] = [];
    if (this.mode === 'name-status') {
      for (let i = 0; i < tokens.length; i++) {
        const status = tokens[i]!.trim();
        if (!status) continue;
        const letter = status[0]!;
        if (letter === 'R' || letter === 'C') {
          const from = tokens[++i] ?? '';
          const path = tokens[++i] ?? '';
          changes.push({ status: letter, path, from });
        } else {
          changes.push({ status: letter, path: tokens[++i] ?? '' });
        }
      }
    } else {
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!.replace(/^\n/, '');
        if (!t) continue;
        const m = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(t);
        if (!m) continue;
        const added = m[1] === '-' ? 0 : Number(m[1]);
        const deleted = m[2] === '-' ? 0 : Number(m[2]);
        if (m[3] === '') {
          const from = tokens[++i] ?? '';
          const path = tokens[++i] ?? '';
          changes.push({ status: 'R', path, from, added, deleted });
        } else {
          changes.push({ status: 'M', path: m[3]!, added, deleted });
        }
      }
    }
    if (sha) this.onCommit({ sha, name, email, date, subject: subject.join('\x1f'), changes });
  }
}
