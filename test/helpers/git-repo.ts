/**
 * Builds real git repositories for tests: fixed authors, e-mails and dates, no global config needed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempRepo } from './temp-repo.js';

export interface CommitSpec {
  author?: string;
  email?: string;
  /** ISO date; each commit should get its own. */
  date: string;
  message?: string;
  /** path -> content; null deletes the file. */
  files?: Record<string, string | null>;
  /** [from, to] pairs moved with `git mv`. */
  renames?: [string, string][];
}

export function git(repo: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: repo,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

export function initRepo(name = 'repo'): string {
  const repo = tempRepo({}, name);
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['config', 'commit.gpgsign', 'false']);
  return repo;
}

export function commit(repo: string, spec: CommitSpec): string {
  for (const [from, to] of spec.renames ?? []) {
    fs.mkdirSync(path.dirname(path.join(repo, to)), { recursive: true });
    git(repo, ['mv', from, to]);
  }
  for (const [rel, content] of Object.entries(spec.files ?? {})) {
    const abs = path.join(repo, rel);
    if (content === null) fs.rmSync(abs);
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
  }
  const author = spec.author ?? 'Ada Lovelace';
  const email = spec.email ?? 'ada@example.test';
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '--allow-empty', '-m', spec.message ?? `change at ${spec.date}`], {
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: spec.date,
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: spec.date,
  });
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

/** A date `n` hours after 2024-01-01T00:00Z. */
export function hour(n: number): string {
  return new Date(Date.UTC(2024, 0, 1) + n * 3600 * 1000).toISOString();
}
