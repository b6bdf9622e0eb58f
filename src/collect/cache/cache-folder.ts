/**
 * Where the cache lives by default: the user's cache folder (XDG_CACHE_HOME or ~/.cache on Linux,
 * ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), under msa-split/. Never inside the analyzed
 * repository: a cache folder there is refused before any work (the repository is never written).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isInside } from '../../model/ids.js';
import { UsageError } from '../../model/usage-error.js';

export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'msa-split');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'msa-split');
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'msa-split', 'Cache');
  return path.join(os.homedir(), '.cache', 'msa-split');
}

/** The cache folder to use for `root`; a UsageError when it lies inside the analyzed repository. */
export function checkCacheFolder(folder: string, root: string): string {
  const abs = path.resolve(folder);
  // Through links too: the deepest existing folder on the way, as the file system resolves it.
  let existing = abs;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const real = path.join(fs.realpathSync(existing), path.relative(existing, abs));
  if ([abs, real].some((p) => p === root || isInside(root, p))) {
    throw new UsageError(`the cache folder ${folder} lies inside the analyzed repository, which is never written to; choose a folder outside it (--cache-dir) or --no-cache`);
  }
  return abs;
}

/**
 * Where a run on `root` may keep V8's code cache (collect/code-cache.ts) and checked decision files:
 * the cache folder in use, unless caching is off or the folder lies inside the analyzed repository (a
 * code cache is code: the repository must not be able to plant one).
 */
export function codeCacheFolder(options: { cache: boolean; cacheDir?: string }, root: string): string | undefined {
  if (!options.cache) return undefined;
  const dir = options.cacheDir !== undefined ? path.resolve(options.cacheDir) : defaultCacheFolder();
  let real = dir;
  try {
    real = fs.realpathSync(dir);
  } catch {
    // Not created yet: the path as given.
  }
  return [dir, real].some((p) => p === root || isInside(root, p)) ? undefined : dir;
}
