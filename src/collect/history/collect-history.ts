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
import type { AnalyzeOptions } from '../../config/options.js';
import { UsageError } from '../../model/usage-error.js';
import type { Diagnostic } from '../../model/types.js';
import { isInside } from '../../model/ids.js';
import { firstLine, openGitSession, type GitSession } from './safe-git.js';
import type { HistoryCommit, HistoryFacts } from '../../model/facts/history-facts.js';
import { GitLogParser, type RawCommit } from './parse-git-log.js';
import { openHistoryCache } from './history-cache.js';
import type { CacheLocation } from '../cache/facts-cache.js';


/** The history options of AnalyzeOptions (documented there). */
export type HistoryOptions = Pick<AnalyzeOptions, 'since' | 'until' | 'maxCommits' | 'branch' | 'includeMerges' | 'churn' | 'botPatterns' | 'allowOutsideGitDir' | 'git'> & {
  /** Where the read log is cached (by the commit read); absent: no cache. */
  cache?: CacheLocation;
  /** Stop a git process that prints nothing for this long (ms). Default GIT_IDLE_MS. */
  gitIdleMs?: number;
};

const BATCH = 2000;
/** A git process silent for this long is stopped: a real log streams continuously, a blocked read never does. */
export const GIT_IDLE_MS = 120_000;

/** Receives commits as they are digested; reset() when reading starts over. */
export interface HistorySink {
  add(commit: HistoryCommit): void;
  reset(): void;
}

/** The facts of an analysis without a history signal, with the note saying why. */
function noHistory(note: string, diagnostics: Diagnostic[] = []): HistoryFacts {
  return { available: false, note, commits: [], authors: new Map(), botCommits: 0, renamesFollowed: 0, gone: new Set(), diagnostics };
}

export async function collectHistory(root: string, options: HistoryOptions, sink?: HistorySink): Promise<HistoryFacts> {
  const opened = await openGitSession(root, { ...(options.allowOutsideGitDir ? { allowOutsideGitDir: true } : {}), ...(options.git ? { git: options.git } : {}) });
  if (!opened.ok) return noHistory(opened.note, opened.diagnostics);
  const git = opened.session;
  try {
    return await readHistory(root, git, options, sink);
  } finally {
    git.close();
  }
}

async function readHistory(
  root: string,
  git: GitSession,
  options: HistoryOptions,
  sink: HistorySink | undefined,
): Promise<HistoryFacts> {
  const diagnostics: Diagnostic[] = [...git.diagnostics];
  const idle = { idleMs: options.gitIdleMs ?? GIT_IDLE_MS };
  const stopped = (what: string): Diagnostic => ({
    severity: 'warning',
    code: 'git-timeout',
    message: `git printed nothing for ${Math.round(idle.idleMs / 1000)} s while ${what} and was stopped (a blocked file in the git folder?); the history is partial or missing`,
  });
  // The two repository checks run side by side: each is a git process of its own.
  const revision = options.branch ?? 'HEAD';
  const [head, shallow] = await Promise.all([
    git.capture(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], idle),
    git.capture(['rev-parse', '--is-shallow-repository'], idle),
  ]);
  if (head.spawnError) {
    return noHistory('git is not installed or not on PATH: no history signal', [
      { severity: 'warning', code: 'git-not-found', message: `cannot run git (${head.spawnError}); install git to get the history signal` },
    ]);
  }
  if (head.timedOut || shallow.timedOut) return noHistory('git did not answer: no history signal', [...diagnostics, stopped('checking the repository')]);
  if (head.code !== 0) {
    if (options.branch) {
      // A revision the user named that does not exist is a usage error (exit 2), not a missing signal.
      // Branches first (most recent first), then tags: the names a user most likely meant.
      const list = async (prefix: string) =>
        (await git.capture(['for-each-ref', '--count=13', '--sort=-committerdate', '--format=%(refname:short)', prefix], idle)).stdout.split('\n').map((s) => s.trim()).filter(Boolean);
      const names = [...(await list('refs/heads')), ...(await list('refs/tags'))];
      const shown = names.length === 0 ? 'the repository has no branches' : `branches and tags: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''}`;
      throw new UsageError(`--branch '${options.branch}' is not a branch, tag or commit of this repository; ${shown}`);
    }
    const unborn = await git.capture(['symbolic-ref', '--quiet', 'HEAD'], idle);
    const ref = unborn.stdout.trim();
    const refs = await git.capture(['for-each-ref', '--count=1', '--format=%(refname)'], idle);
    if (refs.stdout.trim() === '') return noHistory('empty repository: no commits yet', diagnostics);
    return noHistory(`HEAD points at ${ref || 'a commit'} that does not exist: no history signal`, [
      ...diagnostics,
      { severity: 'warning', code: 'broken-head', message: `HEAD names ${ref || 'a missing commit'}, which does not exist although the repository has commits; pass --branch to read another branch` },
    ]);
  }
  let shallowDepth: number | undefined;
  if (shallow.stdout.trim() === 'true') {
    shallowDepth = Number((await git.capture(['rev-list', '--count', 'HEAD'], idle)).stdout.trim());
    diagnostics.push({
      severity: 'warning',
      code: 'shallow-clone',
      message: `shallow clone: only the last ${shallowDepth} commits are available; history signals are partial (git fetch --unshallow gives the full history)`,
    });
  }
  const prefix = git.location.prefix;
  const pathspec = ['--', prefix === '' ? '.' : prefix];

  const range = [
    ...(options.includeMerges ? [] : ['--no-merges']),
    ...(options.since ? [`--since=${options.since}`] : []),
    ...(options.until ? [`--until=${options.until}`] : []),
    ...(options.maxCommits ? [`--max-count=${options.maxCommits}`] : []),
  ];
  const mode = options.churn ? 'numstat' : 'name-status';
  const format = ['log', '-z', '--no-show-signature', '--no-ext-diff', '--no-textconv', mode === 'numstat' ? '--numstat' : '--name-status', '-M', ...(prefix === '' ? [] : [`--relative=${prefix}`]), '--format=%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%s'];

  const historyCache = openHistoryCache(options.cache, { head: head.stdout.trim(), prefix, args: [...range, ...format, ...options.botPatterns], ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) });
  const cachedLog = historyCache.value;
  if (cachedLog) {
    for (const c of cachedLog.commits) sink?.add(c);
    return finishHistory(root, { ...cachedLog, authors: new Map(cachedLog.authors), diagnostics: [...diagnostics, ...historyCache.diagnostics, ...cachedLog.diagnostics] }, shallowDepth);
  }
  const logDiagnostics = diagnostics.length;

  // Commits are digested as git streams them (renames chained, bots set apart), so the work overlaps
  // with git's own; a failed pass starts the digest again from scratch.
  const botRe = options.botPatterns.map((p) => p.toLowerCase());
  const isBot = (name: string, email: string) => botRe.some((p) => name.toLowerCase().includes(p) || email.toLowerCase().includes(p));
  const fresh = () => ({ alias: new Map<string, string>(), nameCounts: new Map<string, Map<string, number>>(), commits: [] as HistoryCommit[], botCommits: 0, renamesFollowed: 0 });
  let state = fresh();
  const consume = (c: RawCommit): void => {
    const { alias } = state;
    // Renames first, so that a commit's own changes use today's names too.
    const files = new Map<string, { path: string; added?: number; deleted?: number }>();
    for (const ch of c.changes) {
      const p = alias.get(ch.path) ?? ch.path;
      if (ch.status === 'R' && ch.from !== undefined && ch.from !== ch.path) {
        alias.set(ch.from, p);
        state.renamesFollowed++;
      }
      const prev = files.get(p);
      files.set(p, { path: p, ...(ch.added !== undefined ? { added: (prev?.added ?? 0) + ch.added, deleted: (prev?.deleted ?? 0) + (ch.deleted ?? 0) } : {}) });
    }
    if (files.size === 0) return;
    if (isBot(c.name, c.email)) {
      state.botCommits++;
      return;
    }
    const author = c.email.toLowerCase() || c.name.toLowerCase();
    let names = state.nameCounts.get(author);
    if (!names) state.nameCounts.set(author, (names = new Map()));
    names.set(c.name, (names.get(c.name) ?? 0) + 1);
    const renameOnly = c.changes.length > 0 && c.changes.every((ch) => ch.status === 'R');
    const commit = { sha: c.sha, author, date: c.date, subject: c.subject, files: [...files.values()], ...(renameOnly ? { renameOnly: true as const } : {}) };
    state.commits.push(commit);
    sink?.add(commit);
  };
  const pass = async (extra: string[], input?: string): Promise<{ ok: boolean; stderr: string; timedOut: boolean }> => {
    const parser = new GitLogParser(mode, consume);
    const r = await git.run([...format, ...extra], (chunk) => parser.push(chunk), { ...idle, ...(input !== undefined ? { input } : {}) });
    parser.end();
    return { ok: r.code === 0, stderr: r.stderr, timedOut: r.timedOut === true };
  };
  const first = await pass([...range, '--end-of-options', revision, ...pathspec]);
  if (first.timedOut) {
    state = fresh();
    sink?.reset();
    return noHistory('git did not answer: no history signal', [...diagnostics, stopped('reading the log')]);
  }
  if (!first.ok) {
    state = fresh();
    sink?.reset();
    // Some objects cannot be read (partial clone, stripped snapshot): list the commits, then read them in
    // batches, bisecting failing batches down to the single commits that cannot be read.
    // rev-list without a pathspec reads commit objects only, which survive where trees do not.
    const list = await git.capture(['rev-list', ...range, '--end-of-options', revision], idle);
    const shas = list.stdout.split('\n').filter(Boolean);
    if (list.code !== 0 && shas.length === 0) {
      return noHistory('the history cannot be read', [
        ...diagnostics,
        { severity: 'error', code: 'history-unreadable', message: `git log and git rev-list failed: ${firstLine(first.stderr)}` },
      ]);
    }
    const readBatch = async (batch: string[]): Promise<void> => {
      // A batch is digested only once it reads whole, so a failure leaves no half-digested commits.
      const got: RawCommit[] = [];
      const parser = new GitLogParser(mode, (c) => got.push(c));
      const r = await git.run([...format, '--no-walk=unsorted', '--stdin', ...pathspec], (chunk) => parser.push(chunk), { ...idle, input: batch.join('\n') + '\n' });
      parser.end();
      if (r.code === 0) got.forEach(consume);
      else if (r.timedOut) diagnostics.push(stopped(`reading ${batch.length} commits`));
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
  const { commits, nameCounts, botCommits, renamesFollowed } = state;
  const authors = new Map<string, string>();
  for (const [id, names] of nameCounts) {
    authors.set(id, [...names.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  }
  // A log read whole is cached; one git stopped reading (a timeout) is not.
  if (!diagnostics.some((d) => d.code === 'git-timeout')) {
    historyCache.store({ commits, authors: [...authors], botCommits, renamesFollowed, diagnostics: diagnostics.slice(logDiagnostics) });
  }
  return finishHistory(root, { commits, authors, botCommits, renamesFollowed, diagnostics: [...diagnostics, ...historyCache.diagnostics] }, shallowDepth);
}

/** The facts of a read log, with what depends on today's working tree (paths gone) computed now. */
function finishHistory(
  root: string,
  log: { commits: HistoryCommit[]; authors: Map<string, string>; botCommits: number; renamesFollowed: number; diagnostics: Diagnostic[] },
  shallowDepth: number | undefined,
): HistoryFacts {
  const { commits, authors, botCommits, renamesFollowed, diagnostics } = log;
  const paths = new Set<string>();
  for (const c of commits) for (const f of c.files) paths.add(f.path);
  // Paths come from the repository's objects: one leading outside the folder is never looked up.
  const gone = new Set([...paths].filter((p) => !isInside(root, path.join(root, p)) || !fs.existsSync(path.join(root, p))));
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
