/**
 * The read history, cached by the commit it was read from: a re-run on an unchanged HEAD replays the
 * digested commits instead of running `git log` again.
 * Key: the resolved commit of the revision, the analysed path inside the work tree and every option
 * that changes what is read (range, merges, churn, bots); with a relative --since/--until ("6 months
 * ago") also today's date, since the same words name another range tomorrow. Namespace: the
 * fingerprint of the history collector's code. What is cached is what the log gave (commits, authors,
 * bots, renames, diagnostics of unreadable commits); what depends on the working tree (paths gone
 * today) is computed again on every run.
 */
import { fileURLToPath } from 'node:url';
import type { HistoryCommit } from '../../model/facts/history-facts.js';
import type { Diagnostic } from '../../model/types.js';
import { codeFingerprint } from '../cache/code-fingerprint.js';
import { cacheEntry, noCache, openFactsCache, type CacheEntry, type CacheLocation, type FactsCache } from '../cache/facts-cache.js';

export interface CachedLog {
  commits: HistoryCommit[];
  authors: [string, string][];
  botCommits: number;
  renamesFollowed: number;
  diagnostics: Diagnostic[];
}

const HISTORY_FOLDER = fileURLToPath(new URL('./', import.meta.url));
const ABSOLUTE_DATE = /^(\d{4}-\d{2}-\d{2}|@\d+)/;

export function openHistoryCache(location: CacheLocation | undefined, key: { head: string; prefix: string; args: readonly string[]; since?: string; until?: string }): CacheEntry<CachedLog> {
  const relative = [key.since, key.until].some((d) => d !== undefined && !ABSOLUTE_DATE.test(d));
  const text = JSON.stringify([key.head, key.prefix, key.args, relative ? new Date().toISOString().slice(0, 10) : '']);
  const cache: FactsCache<CachedLog> = location ? openFactsCache(location, `history:${codeFingerprint([HISTORY_FOLDER], location.toolVersion)}`, isCachedLog) : noCache();
  return cacheEntry(cache, 'history', text);
}

function isCachedLog(value: unknown): value is CachedLog {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.commits) &&
    v.commits.every((c) => typeof c === 'object' && c !== null && typeof (c as HistoryCommit).sha === 'string' && Array.isArray((c as HistoryCommit).files)) &&
    Array.isArray(v.authors) &&
    typeof v.botCommits === 'number' &&
    typeof v.renamesFollowed === 'number' &&
    Array.isArray(v.diagnostics)
  );
}
