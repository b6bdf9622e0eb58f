/**
 * The history collector: one streaming pass over `git log` of the analysed folder.
 * Input: the folder (a git work tree or a folder inside one) and history options. Output: commits with
 * their changed files (paths relative to the analysed folder, renames chained to today's name),
 * canonical authors (.mailmap applied by git's %aN/%aE, then merged by e-mail), bot commits counted
 * apart, and notes/diagnostics: not a repository, git missing, empty repository, shallow clone (with
 * its depth), unreadable objects (those commits are skipped one by one, found by bisecting batches).
 * Renames: the log runs newest first; a rename old -> new makes every older change of `old` count for
 * whatever `new` is called today.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../model/types.js';
import { gitClient, runGit, streamGit } from './git-process.js';
import type { HistoryCommit, HistoryFacts } from './history-facts.js';
import { GitLogParser, type RawCommit } from './parse-git-log.js';

export type { HistoryCommit, HistoryFacts } from './history-facts.js';

export interface HistoryOptions {
  /** Only commits after this date (anything `git log --since` accepts). */
  since?: string;
  /** Only commits before this date. */
  until?: string;
  /** At most this many commits (newest first). */
  maxCommits?: number;
  /** Branch or revision to read; default HEAD. */
  branch?: string;
  /** Include merge commits (their first-parent diff is not read). Default false. */
  includeMerges: boolean;
  /** Read added/deleted line counts (`--numstat`, slower). Default false. */
  churn: boolean;
  /** Authors whose name or e-mail contains one of these (case-insensitive) are bots. */
  botPatterns: string[];
}

const BATCH = 2000;

export async function collectHistory(root: string, options: HistoryOptions): Promise<HistoryFacts> {
  const empty = (note: string, diagnostics: Diagnostic[] = []): HistoryFacts => ({
    available: false,
    note,
    commits: [],
    authors: new Map(),
    botCommits: 0,
    renamesFollowed: 0,
    gone: new Set(),
    diagnostics,
  });
  const top = await runGit(root, ['rev-parse', '--show-toplevel']);
  if (top.spawnError) {
    return empty('git is not installed or not on PATH: no history signal', [
      { severity: 'warning', code: 'git-not-found', message: `cannot run git (${top.spawnError}); install git to get the history signal` },
    ]);
  }
  if (top.code !== 0) return empty('not inside a git work tree: no history signal');
  const git = gitClient(root);
  const head = await runGit(root, ['rev-parse', '--verify', '--quiet', options.branch ?? 'HEAD']);
  if (head.code !== 0) {
    if (options.branch) return empty(`no such branch or revision: ${options.branch}`, [{ severity: 'error', code: 'unknown-revision', message: `git cannot resolve '${options.branch}'` }]);
    return empty('empty repository: no commits yet');
  }
  const diagnostics: Diagnostic[] = [];
  let shallowDepth: number | undefined;
  if ((await git.revparse(['--is-shallow-repository'])) === 'true') {
    shallowDepth = Number((await git.raw(['rev-list', '--count', 'HEAD'])).trim());
    diagnostics.push({
      severity: 'warning',
      code: 'shallow-clone',
      message: `shallow clone: only the last ${shallowDepth} commits are available; history signals are partial (git fetch --unshallow gives the full history)`,
    });
  }

  const range = [
    ...(options.includeMerges ? [] : ['--no-merges']),
    ...(options.since ? [`--since=${options.since}`] : []),
    ...(options.until ? [`--until=${options.until}`] : []),
    ...(options.maxCommits ? [`--max-count=${options.maxCommits}`] : []),
  ];
  const mode = options.churn ? 'numstat' : 'name-status';
  const format = ['-c', 'core.quotePath=false', 'log', '-z', mode === 'numstat' ? '--numstat' : '--name-status', '-M', '--relative', '--format=%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%s'];

  const raw: RawCommit[] = [];
  const pass = async (extra: string[], input?: string): Promise<{ ok: boolean; stderr: string; got: RawCommit[] }> => {
    const got: RawCommit[] = [];
    const parser = new GitLogParser(mode, (c) => got.push(c));
    const r = await streamGit(root, [...format, ...extra], (chunk) => parser.push(chunk), input);
    parser.end();
    return { ok: r.code === 0, stderr: r.stderr, got };
  };
  const first = await pass([...range, options.branch ?? 'HEAD', '--', '.']);
  if (first.ok) raw.push(...first.got);
  else {
    // Some objects cannot be read (partial clone, stripped snapshot): list the commits, then read them in
    // batches, bisecting failing batches down to the single commits that cannot be read.
    // rev-list without a pathspec reads commit objects only, which survive where trees do not.
    const list = await runGit(root, ['rev-list', ...range, options.branch ?? 'HEAD']);
    const shas = list.stdout.split('\n').filter(Boolean);
    if (list.code !== 0 && shas.length === 0) {
      return empty('the history cannot be read', [
        ...diagnostics,
        { severity: 'error', code: 'history-unreadable', message: `git log and git rev-list failed: ${firstLine(first.stderr)}` },
      ]);
    }
    const readBatch = async (batch: string[]): Promise<void> => {
      const r = await pass(['--no-walk=unsorted', '--stdin', '--', '.'], batch.join('\n') + '\n');
      if (r.ok) raw.push(...r.got);
      else if (batch.length === 1) {
        diagnostics.push({ severity: 'warning', code: 'unreadable-commit', message: `commit ${batch[0]} skipped: ${firstLine(r.stderr)}` });
      } else {
        const mid = Math.ceil(batch.length / 2);
        await readBatch(batch.slice(0, mid));
        await readBatch(batch.slice(mid));
      }
    };
    for (let i = 0; i < shas.length; i += BATCH) await readBatch(shas.slice(i, i + BATCH));
  }

  const botRe = options.botPatterns.map((p) => p.toLowerCase());
  const isBot = (name: string, email: string) => botRe.some((p) => name.toLowerCase().includes(p) || email.toLowerCase().includes(p));
  const alias = new Map<string, string>();
  const current = (p: string) => alias.get(p) ?? p;
  const nameCounts = new Map<string, Map<string, number>>();
  const commits: HistoryCommit[] = [];
  let botCommits = 0;
  let renamesFollowed = 0;
  for (const c of raw) {
    // Renames first, so that a commit's own changes use today's names too.
    const files = new Map<string, { path: string; added?: number; deleted?: number }>();
    for (const ch of c.changes) {
      let p: string;
      if (ch.status === 'R' && ch.from !== undefined) {
        p = current(ch.path);
        if (ch.from !== ch.path) {
          alias.set(ch.from, p);
          renamesFollowed++;
        }
      } else p = current(ch.path);
      const posix = p.split(path.sep).join('/');
      const prev = files.get(posix);
      files.set(posix, {
        path: posix,
        ...(ch.added !== undefined ? { added: (prev?.added ?? 0) + ch.added, deleted: (prev?.deleted ?? 0) + (ch.deleted ?? 0) } : {}),
      });
    }
    if (files.size === 0) continue;
    if (isBot(c.name, c.email)) {
      botCommits++;
      continue;
    }
    const author = c.email.toLowerCase() || c.name.toLowerCase();
    const names = nameCounts.get(author) ?? new Map<string, number>();
    names.set(c.name, (names.get(c.name) ?? 0) + 1);
    nameCounts.set(author, names);
    commits.push({ sha: c.sha, author, date: c.date, subject: c.subject, files: [...files.values()] });
  }
  const authors = new Map<string, string>();
  for (const [id, names] of nameCounts) {
    authors.set(id, [...names.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  }
  const gone = new Set<string>();
  for (const c of commits) for (const f of c.files) if (!gone.has(f.path) && !fs.existsSync(path.join(root, f.path))) gone.add(f.path);
  return {
    available: true,
    gone,
    ...(shallowDepth !== undefined ? { note: `shallow clone: ${shallowDepth} commits` } : {}),
    commits,
    authors,
    botCommits,
    renamesFollowed,
    ...(shallowDepth !== undefined ? { shallowDepth } : {}),
    diagnostics,
  };
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim()) ?? 'unknown error').trim().slice(0, 200);
}
