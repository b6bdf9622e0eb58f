/**
 * Resolved import specifiers, cached across runs for one state of the repository's layout: the key is
 * every listed path plus the text of every tsconfig and package.json (what module resolution depends
 * on inside the repository), so editing a file's content keeps every answer, while adding, removing or
 * renaming a file, or changing a config, misses as a whole. Gauzy: resolution was 2.8 s of a warm run.
 * What resolution refused to read outside the repository is cached with the answers, so its
 * diagnostic is given on a warm run too. Packages under node_modules are not part of the key: a
 * bare specifier resolves to the same external package name with or without them installed.
 */
import { openAdapterCache } from '../../cache/adapter-cache.js';
import type { CacheLocation, FactsCache } from '../../cache/facts-cache.js';
import type { Resolution } from './resolve-import.js';

export interface CachedResolutions {
  results: [string, Resolution][];
  refused: string[];
}

export interface ResolutionCache {
  /** The answers of a previous run with the same layout, if any. */
  cached: CachedResolutions | undefined;
  save(value: CachedResolutions): void;
}

export function openResolutionCache(location: CacheLocation | undefined, layout: string): ResolutionCache {
  const cache: FactsCache<CachedResolutions> = openAdapterCache(location, 'typescript-resolution', '', isCachedResolutions);
  const cached = cache.get('resolutions', layout);
  return {
    cached,
    save: (value) => {
      if (cached) return;
      cache.put('resolutions', layout, value);
      cache.save();
    },
  };
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
