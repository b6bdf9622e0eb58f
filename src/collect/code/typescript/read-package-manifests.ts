/**
 * Reads every package.json of the repository (never executing anything it names).
 * Input: repo root and listed package.json paths. Output: local packages by name (workspace packages
 * of npm/yarn/pnpm monorepos, resolved to their source), declared dependency names, package `imports`
 * maps, and the entry-point files they declare (main, module, types, bin, exports).
 */
import path from 'node:path';
import type { Diagnostic } from '../../../model/types.js';
import { readRepositoryFile } from '../../files/safe-read.js';

export interface PackageManifest {
  /** Repo-relative folder ('' for the root). */
  dir: string;
  name?: string;
  json: Record<string, unknown>;
}

export interface PackageManifests {
  /** Sorted by dir. */
  manifests: PackageManifest[];
  /** Local packages by name. */
  byName: Map<string, PackageManifest>;
  /** Every dependency name declared anywhere. */
  declared: Set<string>;
  /** Repo-relative folders of all packages ('' for the root). */
  packageRoots: string[];
  diagnostics: Diagnostic[];
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export function readPackageManifests(root: string, manifestPaths: readonly string[]): PackageManifests {
  const manifests: PackageManifest[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const rel of [...manifestPaths].sort()) {
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    try {
      const read = readRepositoryFile(root, rel, MAX_MANIFEST_BYTES);
      if (!read.ok) throw new Error(read.message);
      const json = JSON.parse(read.buffer.toString('utf8')) as unknown;
      if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a JSON object');
      const record = json as Record<string, unknown>;
      manifests.push({ dir, json: record, ...(typeof record.name === 'string' ? { name: record.name } : {}) });
    } catch (error) {
      diagnostics.push({ severity: 'warning', code: 'package-json-error', message: `cannot read package.json: ${(error as Error).message}`, file: rel });
    }
  }
  const byName = new Map<string, PackageManifest>();
  const declared = new Set<string>();
  for (const m of manifests) {
    if (m.name && !byName.has(m.name)) byName.set(m.name, m);
    for (const field of DEPENDENCY_FIELDS) {
      const deps = m.json[field];
      if (deps && typeof deps === 'object') Object.keys(deps).forEach((d) => declared.add(d));
    }
  }
  return { manifests, byName, declared, packageRoots: manifests.map((m) => m.dir), diagnostics };
}

/** Repo-relative paths that a manifest declares as entry points (may not exist; callers check). */
export function declaredEntryPoints(m: PackageManifest): string[] {
  const targets: string[] = [];
  for (const field of ['main', 'module', 'browser', 'source']) {
    const v = m.json[field];
    if (typeof v === 'string') targets.push(v);
  }
  const bin = m.json.bin;
  if (typeof bin === 'string') targets.push(bin);
  else if (bin && typeof bin === 'object') Object.values(bin).forEach((v) => typeof v === 'string' && targets.push(v));
  collectStrings(m.json.exports, targets);
  return targets.map((t) => joinRel(m.dir, t));
}

/**
 * Files the npm scripts run (`"start": "node server/server.js"`, `"seed": "tsx scripts/seed.ts"`): every
 * word of a script command that names a code file, with the script's name.
 */
export function scriptEntryPoints(m: PackageManifest): { target: string; script: string }[] {
  const scripts = m.json.scripts;
  if (!scripts || typeof scripts !== 'object') return [];
  const out: { target: string; script: string }[] = [];
  for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof command !== 'string' || command.length > 2000) continue;
    for (const word of command.split(/[\s;&|()]+/)) {
      const file = word.replace(/^['"]|['"]$/g, '');
      if (/^[\w./@-]+\.[cm]?[jt]sx?$/.test(file) && !file.startsWith('-')) out.push({ target: joinRel(m.dir, file), script: name });
    }
  }
  return out;
}

/** All string leaves of an `exports`/`imports` value (conditions, arrays, subpaths). */
export function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, out));
}

/** Joins a package folder and a package-relative target into a normalized repo-relative path. */
export function joinRel(dir: string, target: string): string {
  const joined = path.posix.normalize(path.posix.join(dir || '.', target));
  return joined.startsWith('./') ? joined.slice(2) : joined;
}

/** Conditions tried, in order, when a package maps a path by condition; source-like ones first. */
const CONDITION_ORDER = ['source', 'types', 'typescript', 'import', 'module', 'node', 'require', 'default'];

/** Picks one target out of an exports/imports value for `key` (with `*` patterns). */
export function matchPackageMap(map: unknown, key: string): string[] {
  if (typeof map === 'string' || Array.isArray(map)) return key === '.' ? pickTargets(map) : [];
  if (!map || typeof map !== 'object') return [];
  const record = map as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!keys.some((k) => k.startsWith('.') || k.startsWith('#'))) return key === '.' ? pickTargets(record) : [];
  if (key in record) return pickTargets(record[key]);
  // Longest matching pattern wins, as in Node's resolver.
  let best: { prefix: string; suffix: string; value: unknown } | undefined;
  for (const k of keys) {
    const star = k.indexOf('*');
    if (star < 0) continue;
    const prefix = k.slice(0, star);
    const suffix = k.slice(star + 1);
    if (key.startsWith(prefix) && key.endsWith(suffix) && key.length >= prefix.length + suffix.length) {
      if (!best || prefix.length > best.prefix.length) best = { prefix, suffix, value: record[k] };
    }
  }
  if (!best) return [];
  const middle = key.slice(best.prefix.length, key.length - best.suffix.length);
  return pickTargets(best.value).map((t) => t.split('*').join(middle));
}

function pickTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(pickTargets);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: string[] = [];
    for (const c of CONDITION_ORDER) if (c in record) out.push(...pickTargets(record[c]));
    return out;
  }
  return [];
}
