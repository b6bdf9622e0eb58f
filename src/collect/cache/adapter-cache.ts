/**
 * The facts cache of one language adapter: namespace = adapter name + the fingerprint of the adapters'
 * code + the options that change its per-file facts. No location (--no-cache): a cache that
 * remembers nothing.
 */
import { fileURLToPath } from 'node:url';
import { codeFingerprint } from './code-fingerprint.js';
import { noCache, openFactsCache, type CacheLocation, type FactsCache } from './facts-cache.js';

const ADAPTERS_FOLDER = fileURLToPath(new URL('../code/', import.meta.url));

export function openAdapterCache<T>(location: CacheLocation | undefined, adapter: string, optionsKey: string, isValid: (value: unknown) => value is T): FactsCache<T> {
  if (!location) return noCache();
  return openFactsCache(location, `${adapter}:${optionsKey}:${codeFingerprint([ADAPTERS_FOLDER], location.toolVersion)}`, isValid);
}

/** A light shape test for cached facts: an object whose named fields are arrays. */
export function hasArrays(value: unknown, fields: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return fields.every((f) => Array.isArray(record[f]));
}
