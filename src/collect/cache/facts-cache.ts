/**
 * A cache of per-file facts (what one file's parse gave) in a folder outside the analyzed repository,
 * so a re-run after a small change parses only what changed.
 * Key: the file's path and the digest of its text, inside a namespace that names the tool version,
 * the code that computed the facts (a fingerprint of its compiled files) and the options that change
 * them: any of those changing is a miss, never a stale hit.
 * Storage: one pack per (repository, namespace): a header line (format, version, namespace, digest of
 * the entries) and the entries as JSON, gzip'd. A pack that does not parse, is not ours, is of another namespace or
 * fails its checksum is ignored with a diagnostic and rewritten; entries are also checked against
 * the caller's shape test before use. Writing: compressed off the main thread, to a temporary file
 * created exclusively (no link is ever followed), then renamed over the pack: two concurrent runs each
 * leave a whole pack (the last one wins), never a torn one; analyze awaits the writes before it
 * returns. Only the entries this run used are written, so a pack never grows stale.
 * Budget: packs over MAX_PACK_BYTES are neither read nor written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Diagnostic } from '../../model/types.js';

const FORMAT = 'msa-split-facts-cache';
const VERSION = 1;
const MAX_PACK_BYTES = 512 * 1024 * 1024;

export interface FactsCache<T> {
  /** The cached facts of `file` with this text, if any (counted as a hit or a miss). */
  get(file: string, text: string): T | undefined;
  /** Remembers the facts computed for `file` with this text. */
  put(file: string, text: string, value: T): void;
  /** Starts writing the pack (entries used by this run); problems come back from the location's writes, never as exceptions. */
  save(): void;
  readonly stats: { hits: number; misses: number };
  readonly diagnostics: Diagnostic[];
}

/** The cached facts, or `compute`'s (then remembered). */
export function cached<T>(cache: FactsCache<T>, file: string, text: string, compute: () => T): T {
  const hit = cache.get(file, text);
  if (hit !== undefined) return hit;
  const value = compute();
  cache.put(file, text, value);
  return value;
}

/** One value under one key (a whole history, a whole layout's resolutions): read once, stored at most once. */
export interface CacheEntry<T> {
  /** The value a previous run stored under this key, if any. */
  readonly value: T | undefined;
  /** Stores the value (when none was found) and starts writing the pack. */
  store(value: T): void;
  readonly diagnostics: Diagnostic[];
}

export function cacheEntry<T>(cache: FactsCache<T>, name: string, key: string): CacheEntry<T> {
  const value = cache.get(name, key);
  return {
    value,
    store: (fresh) => {
      if (value !== undefined) return;
      cache.put(name, key, fresh);
      cache.save();
    },
    diagnostics: cache.diagnostics,
  };
}

export interface CacheLocation {
  /** The cache folder (created when missing). */
  dir: string;
  /** Which repository the pack is for (its absolute path). */
  repository: string;
  /** The tool's version: part of every namespace. */
  toolVersion: string;
  /** The writes of this analysis. */
  writes: CacheWrites;
  /**
   * Read, never written: a run that parses only some files (check --since) would otherwise replace the
   * packs with its few entries (a pack keeps only what its run used).
   */
  readOnly?: boolean;
}

/** A cache that remembers nothing (--no-cache). */
export function noCache<T>(): FactsCache<T> {
  const stats = { hits: 0, misses: 0 };
  return { get: () => void stats.misses++, put: () => {}, save: () => {}, stats, diagnostics: [] };
}

export function openFactsCache<T>(location: CacheLocation, namespace: string, isValid: (value: unknown) => value is T): FactsCache<T> {
  const diagnostics: Diagnostic[] = [];
  const packPath = path.join(location.dir, `${sha256(`${location.repository}\0${namespace}`).slice(0, 32)}.json.gz`);
  const stored = readPack(packPath, namespace, diagnostics);
  const used = new Map<string, T>();
  const stats = { hits: 0, misses: 0 };
  let dirty = false;
  // put() follows the get() of the same file: its key is not computed twice.
  let last: { file: string; text: string; key: string } | undefined;
  const keyOf = (file: string, text: string): string => {
    if (last?.file !== file || last.text !== text) last = { file, text, key: `${file}\0${contentDigest(text)}` };
    return last.key;
  };
  return {
    get(file, text) {
      const key = keyOf(file, text);
      const hit = stored.get(key);
      if (hit !== undefined && isValid(hit)) {
        stats.hits++;
        used.set(key, hit);
        return hit;
      }
      stats.misses++;
      return undefined;
    },
    put(file, text, value) {
      dirty = true;
      used.set(keyOf(file, text), value);
    },
    save() {
      if (location.readOnly === true || (!dirty && used.size === stored.size)) return;
      writePack(location, packPath, namespace, used);
    },
    stats,
    diagnostics,
  };
}

function readPack(packPath: string, namespace: string, diagnostics: Diagnostic[]): Map<string, unknown> {
  const ignored = (why: string): Map<string, unknown> => {
    diagnostics.push({ severity: 'info', code: 'cache-ignored', message: `the cache file ${path.basename(packPath)} in the cache folder was ignored (${why}); it is rebuilt by this run` });
    return new Map();
  };
  let raw: Buffer;
  try {
    const stat = fs.lstatSync(packPath);
    if (!stat.isFile()) return ignored('not a regular file');
    if (stat.size > MAX_PACK_BYTES) return ignored(`larger than ${MAX_PACK_BYTES} bytes`);
    raw = fs.readFileSync(packPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    return ignored((error as Error).message);
  }
  // A header line, then the entries; the header's checksum covers the entries' text.
  let header: unknown;
  let entriesText: string;
  try {
    const text = zlib.gunzipSync(raw, { maxOutputLength: MAX_PACK_BYTES }).toString('utf8');
    const newline = text.indexOf('\n');
    if (newline < 0) return ignored('damaged');
    header = JSON.parse(text.slice(0, newline));
    entriesText = text.slice(newline + 1);
  } catch (error) {
    return ignored(`not a readable cache: ${(error as Error).message}`);
  }
  if (!isRecord(header) || header.format !== FORMAT || header.version !== VERSION) return ignored('not a cache file of this tool');
  if (header.namespace !== namespace) return ignored('written by another version or with other options');
  if (header.checksum !== contentDigest(entriesText)) return ignored('its checksum does not match: damaged');
  let entries: unknown;
  try {
    entries = JSON.parse(entriesText);
  } catch (error) {
    return ignored(`damaged: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) return ignored('damaged');
  const map = new Map<string, unknown>();
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return ignored('damaged entry');
    map.set(entry[0], entry[1]);
  }
  return map;
}

/**
 * The pack writes one analysis started (compression runs off the main thread) and what went wrong in
 * them; the analysis awaits them before it returns, and reports the problems.
 */
export class CacheWrites {
  private readonly pending = new Set<Promise<void>>();
  private readonly problems: Diagnostic[] = [];

  add(write: Promise<void>): void {
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  failed(problem: Diagnostic): void {
    this.problems.push(problem);
  }

  async settle(): Promise<Diagnostic[]> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    return this.problems.splice(0);
  }
}

function writePack(location: CacheLocation, packPath: string, namespace: string, used: ReadonlyMap<string, unknown>): void {
  const dir = location.dir;
  const entriesText = JSON.stringify([...used]);
  const body = `${JSON.stringify({ format: FORMAT, version: VERSION, namespace, checksum: contentDigest(entriesText) })}\n${entriesText}`;
  const temp = `${packPath}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const failed = (error: unknown) => {
    fs.rmSync(temp, { force: true });
    location.writes.failed({ severity: 'info', code: 'cache-not-written', message: `the cache could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); the next run parses every file again` });
  };
  const write = (async () => {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const gz = await gzip(body, { level: 1 });
      if (gz.length > MAX_PACK_BYTES) return;
      const handle = await fs.promises.open(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
      try {
        await handle.writeFile(gz);
      } finally {
        await handle.close();
      }
      await fs.promises.rename(temp, packPath);
    } catch (error) {
      failed(error);
    }
  })();
  location.writes.add(write);
}

const gzip = promisify(zlib.gzip) as (body: string, options: zlib.ZlibOptions) => Promise<Buffer>;

/**
 * The digest of a file's text and of a pack's entries: SHA-1, twice as fast as SHA-256 on the
 * megabytes a large repository holds; a collision could only give a file the facts of another
 * version of itself (the path is part of the key), so its weakness buys an attacker nothing.
 */
function contentDigest(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
