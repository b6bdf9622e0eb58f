/**
 * Resolved import specifiers, cached across runs for one state of the repository's layout: the key is
 * the code files read, every listed path, each folder's compiler options (extends applied) and every
 * package.json (what module resolution depends on inside the repository), so editing a file's content keeps every answer, while adding, removing or
 * renaming a file, or changing a config, misses as a whole. Gauzy: resolution was 2.8 s of a warm run.
 * What resolution refused to read outside the repository is cached with the answers, so its
 * diagnostic is given on a warm run too. Packages under node_modules are not part of the key: a
 * bare specifier resolves to the same external package name with or without them installed.
 */
import { openAdapterCache } from '../../cache/adapter-cache.js';
import { cacheEntry, type CacheEntry, type CacheLocation } from '../../cache/facts-cache.js';
import type { Resolution } from './resolve-import.js';

export interface CachedResolutions {
  results: [string, Resolution][];
  refused: string[];
}

export function openResolutionCache(location: CacheLocation | undefined, layout: string): CacheEntry<CachedResolutions> {
  return cacheEntry(openAdapterCache(location, 'typescript-resolution', '', isCachedResolutions), 'resolutions', layout);
}

const KINDS = new Set(['local', 'external', 'asset', 'unresolved']);

function isCachedResolutions(value: unknown): value is CachedResolutions {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { results?: unknown; refused?: unknown };
  return (
    Array.isArray(v.refused) &&
    v.refused.every((r) => typeof r === 'string') &&
    Array.isArray(v.results) &&
    v.results.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'object' && e[1] !== null && KINDS.has((e[1] as { kind?: string }).kind ?? ''))
  );
}
