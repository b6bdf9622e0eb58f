/**
 * Resolves an import specifier to a file of the repository, an external package, or nothing.
 * Input: specifier, importing file, the governing tsconfig options, local packages.
 * Order: Node builtins; package.json `imports` (#x); workspace packages (to their source, also when
 * their manifest points at build output); TypeScript's own resolver (paths with or without baseUrl,
 * `.js` -> `.ts`, index files, extends already applied) with a Bundler-mode retry for projects whose
 * configured mode would reject extensionless specifiers. Results are cached per folder + specifier.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import { isInside, relativeId } from '../../../model/ids.js';
import type { TsconfigSet } from './load-tsconfigs.js';
import { createRepositoryHost, type RepositoryHost } from './repository-host.js';
import { joinRel, matchPackageMap, type PackageManifests } from './read-package-manifests.js';

export type Resolution =
  | { kind: 'local'; file: string }
  | { kind: 'external'; name: string; builtin: boolean }
  | { kind: 'asset' }
  | { kind: 'unresolved'; reason: string };

const BUILTINS = new Set(builtinModules);
const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];
/** `.js` written in an ESM specifier may stand for any of these sources. */
const EXTENSION_SWAPS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

export interface ImportResolver {
  resolve(specifier: string, fromFile: string, form: 'import' | 'require'): Resolution;
  /** Every answer given so far (with the seed), for a cache. */
  answers(): [string, Resolution][];
  /** A repo-relative path named by a package manifest (maybe build output) mapped to a local source file. */
  resolveManifestTarget(target: string, packageDir: string): string | undefined;
}

/**
 * `localFiles`: repo-relative paths of the code files being analysed (the only valid local targets).
 * `seed`: answers of a previous run over the same layout (resolution-cache.ts).
 */
export function createImportResolver(
  root: string,
  localFiles: ReadonlySet<string>,
  configs: TsconfigSet,
  packages: PackageManifests,
  repositoryHost: RepositoryHost = createRepositoryHost(root),
  seed: readonly [string, Resolution][] = [],
): ImportResolver {
  const existsCache = new Map<string, boolean>();
  const dirCache = new Map<string, boolean>();
  const host: TS.ModuleResolutionHost = {
    fileExists: (f) => {
      let hit = existsCache.get(f);
      if (hit === undefined) {
        const rel = relativeId(root, f);
        hit = localFiles.has(rel) || repositoryHost.fileExists(f);
        existsCache.set(f, hit);
      }
      return hit;
    },
    directoryExists: (d) => {
      let hit = dirCache.get(d);
      if (hit === undefined) {
        hit = repositoryHost.directoryExists(d);
        dirCache.set(d, hit);
      }
      return hit;
    },
    readFile: (f) => repositoryHost.readFile(f),
    realpath: (f) => repositoryHost.realpath(f),
    getCurrentDirectory: () => root,
  };
  const tsCaches = new Map<string, { options: TS.CompilerOptions; fallback: TS.CompilerOptions; cache: TS.ModuleResolutionCache }>();
  const results = new Map<string, Resolution>(seed);
  const aliasPatterns = new Map<string, string[]>();

  const settingsFor = (fromFile: string) => {
    const config = configs.configFor(fromFile);
    const key = config?.path ?? '';
    let s = tsCaches.get(key);
    if (!s) {
      const base: TS.CompilerOptions = { ...(config?.options ?? {}), allowJs: true, resolveJsonModule: true, noEmit: true };
      const mode = base.moduleResolution;
      const options =
        mode === undefined || mode === ts.ModuleResolutionKind.Classic
          ? { ...base, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext }
          : base;
      const fallback = { ...base, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext };
      s = { options, fallback, cache: ts.createModuleResolutionCache(root, (x) => x, options) };
      tsCaches.set(key, s);
      aliasPatterns.set(key, Object.keys(config?.options.paths ?? {}));
    }
    return { ...s, aliases: aliasPatterns.get(key) ?? [] };
  };

  /** Maps a candidate repo-relative path (maybe without extension, maybe build output) to a local file. */
  const tryLocal = (candidate: string): string | undefined => {
    if (localFiles.has(candidate)) return candidate;
    const ext = path.posix.extname(candidate);
    const stem = candidate.slice(0, candidate.length - ext.length);
    for (const swap of EXTENSION_SWAPS[ext] ?? []) if (localFiles.has(stem + swap)) return stem + swap;
    if (candidate.endsWith('.d.ts')) {
      const s = candidate.slice(0, -5);
      for (const e of ['.ts', '.tsx', '.js']) if (localFiles.has(s + e)) return s + e;
    }
    for (const e of CODE_EXTENSIONS) if (localFiles.has(candidate + e)) return candidate + e;
    for (const e of CODE_EXTENSIONS) if (localFiles.has(`${candidate}/index${e}`)) return `${candidate}/index${e}`;
    return undefined;
  };

  /** Build output (`dist/x.js`) mapped back to source (`src/x.ts`). */
  const tryLocalOrSource = (candidate: string, pkgDir: string): string | undefined => {
    const direct = tryLocal(candidate);
    if (direct) return direct;
    const inPkg = pkgDir ? candidate.slice(pkgDir.length + 1) : candidate;
    const m = /^(?:\.\/)?(dist|lib|build|out|esm|cjs)\/(.*)$/.exec(inPkg);
    if (m) {
      const rest = m[2]!.replace(/\.d\.ts$/, '').replace(/\.(?:m|c)?js$/, '');
      return tryLocal(joinRel(pkgDir, `src/${rest}`)) ?? tryLocal(joinRel(pkgDir, rest));
    }
    return undefined;
  };

  const resolveWorkspace = (specifier: string): Resolution | undefined => {
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const pkg = packages.byName.get(name);
    if (!pkg) return undefined;
    const sub = specifier.slice(name.length);
    const key = sub ? '.' + sub : '.';
    const exportsField = pkg.json.exports;
    const candidates: string[] = exportsField !== undefined ? matchPackageMap(exportsField, key) : [];
    if (key === '.') {
      for (const f of ['source', 'types', 'typings', 'module', 'main']) {
        const v = pkg.json[f];
        if (typeof v === 'string') candidates.push(v);
      }
      candidates.push('src/index', 'index');
    } else {
      candidates.push(sub.slice(1), `src/${sub.slice(1)}`);
    }
    for (const c of candidates) {
      const hit = tryLocalOrSource(joinRel(pkg.dir, c), pkg.dir);
      if (hit) return { kind: 'local', file: hit };
    }
    return { kind: 'unresolved', reason: `workspace package ${name} has no source file for '${key}'` };
  };

  const resolveHashImport = (specifier: string, fromFile: string): Resolution => {
    // The nearest package.json above the importing file owns the `imports` map.
    const owner = packages.manifests
      .filter((m) => m.dir === '' || fromFile.startsWith(m.dir + '/'))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
    if (!owner || owner.json.imports === undefined) return { kind: 'unresolved', reason: 'no package.json "imports" map above this file' };
    for (const target of matchPackageMap(owner.json.imports, specifier)) {
      if (!target.startsWith('.')) return classifyBare(target);
      const hit = tryLocalOrSource(joinRel(owner.dir, target), owner.dir);
      if (hit) return { kind: 'local', file: hit };
    }
    return { kind: 'unresolved', reason: `package.json "imports" of ${owner.dir || '.'} has no file for ${specifier}` };
  };

  const classifyBare = (specifier: string): Resolution => {
    const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    const parts = bare.split('/');
    if (specifier.startsWith('node:') || BUILTINS.has(parts[0]!) || BUILTINS.has(bare)) {
      return { kind: 'external', name: `node:${parts[0]}`, builtin: true };
    }
    const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    return { kind: 'external', name, builtin: false };
  };

  const resolveWithTypescript = (specifier: string, fromFile: string, form: 'import' | 'require'): Resolution | undefined => {
    const s = settingsFor(fromFile);
    const fromAbs = path.join(root, fromFile);
    const mode = form === 'require' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext;
    const attempt = (options: TS.CompilerOptions, cache?: TS.ModuleResolutionCache) =>
      ts.resolveModuleName(specifier, fromAbs, options, host, cache, undefined, mode).resolvedModule;
    const resolved = attempt(s.options, s.cache) ?? (s.options === s.fallback ? undefined : attempt(s.fallback));
    if (!resolved) return undefined;
    const abs = resolved.resolvedFileName;
    if (resolved.isExternalLibraryImport || !isInside(root, abs) || abs.includes(`${path.sep}node_modules${path.sep}`)) {
      return classifyBare(resolved.packageId?.name ?? specifier);
    }
    const local = tryLocal(relativeId(root, abs));
    return local ? { kind: 'local', file: local } : undefined;
  };

  const resolveUncached = (specifier: string, fromFile: string, form: 'import' | 'require'): Resolution => {
    if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!)) {
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) return classifyBare(specifier);
    }
    if (specifier.startsWith('#')) return resolveHashImport(specifier, fromFile);
    const relative = specifier.startsWith('.') || specifier.startsWith('/');
    if (!relative) {
      const ws = resolveWorkspace(specifier);
      if (ws?.kind === 'local') return ws;
    }
    const viaTs = resolveWithTypescript(specifier, fromFile, form);
    if (viaTs) return viaTs;
    if (relative) {
      const base = specifier.startsWith('/') ? specifier.slice(1) : joinRel(fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '', specifier);
      const local = tryLocal(base);
      if (local) return { kind: 'local', file: local };
      // A launcher importing the build output (`../dist/cli/main.js`) depends on the source behind it.
      const owner = packages.manifests.filter((m) => m.dir === '' || base.startsWith(m.dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
      const fromSource = tryLocalOrSource(base, owner?.dir ?? '');
      if (fromSource) return { kind: 'local', file: fromSource };
      if (isInside(root, path.join(root, base)) && fs.existsSync(path.join(root, base))) return { kind: 'asset' };
      return { kind: 'unresolved', reason: 'no such file' };
    }
    const { aliases } = settingsFor(fromFile);
    if (aliases.some((a) => matchesAlias(a, specifier))) {
      return { kind: 'unresolved', reason: 'matches a tsconfig "paths" alias but no file exists there' };
    }
    const ws = resolveWorkspace(specifier);
    if (ws) return ws;
    return classifyBare(specifier);
  };

  return {
    resolve(specifier, fromFile, form) {
      const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
      // Relative results depend on the folder; alias and package results on the governing config.
      const key = `${form}\0${dir}\0${specifier}`;
      let hit = results.get(key);
      if (!hit) {
        hit = resolveUncached(specifier, fromFile, form);
        results.set(key, hit);
      }
      return hit;
    },
    resolveManifestTarget: (target, packageDir) => tryLocalOrSource(target, packageDir),
    answers: () => [...results],
  };
}

function matchesAlias(pattern: string, specifier: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === specifier;
  return specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
}
