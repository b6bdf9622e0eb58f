/**
 * Loads a large CommonJS package of the tool's own (the TypeScript compiler: 9 MB, ~0.35 s to load,
 * a quarter of a `check --since`) with V8's code cache: the compiled code is kept in the user's cache
 * folder and handed back to V8, which checks that it belongs to this exact source and V8 and otherwise
 * rejects it (then the package compiles as usual and the cache is written again).
 * Only the CLI turns it on (`allowCodeCache`), once it knows the analyzed folder and that the cache
 * folder is not inside it: a code cache is code, and nothing in the analyzed repository may become code
 * this tool runs. The library API, --no-cache, and a cache folder inside the repository load the package
 * with a plain `require`. Every failure (unreadable, rejected, unwritable) falls back to the plain load.
 */
import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import Module from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { writeAtomically } from './files/write-atomically.js';

let folder: string | undefined;
/** Caches to write when the run ends, and what happened so far (tests read it). */
const pending = new Map<string, () => Buffer>();
export const codeCacheStats = { used: 0, written: 0, rejected: 0 };

/** Called by the CLI before the collectors load: the code cache goes in `dir`, outside the repository. */
export function allowCodeCache(dir: string | undefined): void {
  folder = dir === undefined ? undefined : path.join(dir, 'v8');
}

/** `require(request)` from `from` (a module URL), through the code cache when the CLI allowed it. */
export function requireWithCodeCache(request: string, from: string): unknown {
  const load = createRequire(from);
  if (folder === undefined) return load(request);
  try {
    return loadCached(load.resolve(request), folder) ?? load(request);
  } catch {
    return load(request);
  }
}

function loadCached(file: string, dir: string): unknown {
  const cache = (Module as unknown as { _cache: Record<string, NodeJS.Module> })._cache;
  if (cache[file]) return cache[file].exports;
  const source = fs.readFileSync(file);
  const st = fs.statSync(file);
  // V8 checks a cache against the source's length only: any write to the file (ctime) makes a new key.
  const key = crypto.createHash('sha256').update(`${file}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}\0${st.ino}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32);
  const cachePath = path.join(dir, `${path.basename(path.dirname(path.dirname(file)))}-${key}.v8`);
  let cachedData: Buffer | undefined;
  try {
    const st = fs.lstatSync(cachePath);
    if (st.isFile() && st.size < 256 * 1024 * 1024) cachedData = fs.readFileSync(cachePath);
  } catch {
    // No cache yet.
  }
  // An ASCII source (TypeScript's is) decodes faster as Latin-1, to the same string.
  const text = isAscii(source) ? source.toString('latin1') : source.toString('utf8');
  const script = new vm.Script(Module.wrap(text), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(file, undefined) as NodeJS.Module & { paths: string[] };
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  cache[file] = module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    module.loaded = true;
  } catch (error) {
    delete cache[file];
    throw error;
  }
  if (script.cachedDataRejected === true) codeCacheStats.rejected++;
  else if (cachedData !== undefined) codeCacheStats.used++;
  // Written when the run ends, not now: by then V8 has compiled the functions this run called (the
  // parser, the scanner), so the next run skips those too.
  if (cachedData === undefined || script.cachedDataRejected === true) {
    if (pending.size === 0) process.once('exit', flushCodeCaches);
    pending.set(cachePath, () => script.createCachedData());
  }
  return module.exports;
}


/** Writes the caches this run produced (at exit; tests call it directly). */
export function flushCodeCaches(): void {
  // A concurrent run reads a whole cache or none.
  for (const [cachePath, data] of pending) if (writeAtomically(cachePath, data())) codeCacheStats.written++;
  pending.clear();
}
