/**
 * The TypeScript/JavaScript adapter's fast stage: reads every code file once, scans its imports and
 * SQL-looking literals, and resolves each specifier.
 * Input: repo root, the file listing, options. Output: CodeFacts (file-level import edges, externals,
 * unresolved specifiers, SQL literals, entry points, diagnostics) plus the resolved specifier map the
 * symbol stage reuses so that it never resolves anything twice.
 */
import { isTestPath } from '../../files/test-paths.js';
import picomatch from 'picomatch';
import type { Diagnostic, SkippedPath } from '../../../model/types.js';
import type { FileListing, ListedFile } from '../../files/list-files.js';
import { countLines, readTextFile } from '../../files/read-text-file.js';
import type { CodeFacts, FileEdge, FrameworkFact, TransactionFact } from '../../../model/facts/code-facts.js';
import type { ProgressListener } from '../../../model/progress.js';
import { isProjectConfig, loadTsconfigs, type TsconfigSet } from './load-tsconfigs.js';
import { createRepositoryHost } from './repository-host.js';
import { declaredEntryPoints, readPackageManifests, scriptEntryPoints, type PackageManifests } from './read-package-manifests.js';
import { createImportResolver, type ImportResolver } from './resolve-import.js';
import { scanSource, type ImportForm, type ScanResult } from './scan-source.js';
import { serverlessHandlers } from './serverless-handlers.js';
import type { SymbolSketch } from './symbol-sketch.js';
import { openResolutionCache } from './resolution-cache.js';
import { openAdapterCache, hasArrays } from '../../cache/adapter-cache.js';
import { cached, type CacheLocation } from '../../cache/facts-cache.js';
import { SCHEMA_IN_CODE_PACKAGES } from '../../db/orm/registry.js';
import { pushAll } from '../../../model/group.js';

export const CODE_FILE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const TEST_FILE = isTestPath;
const CONFIG_FILE = /(^|\/)(?:[^/]+\.config\.[cm]?[jt]s|\.[^/]+rc\.[cm]?js|Gruntfile\.js|gulpfile\.[cm]?[jt]s)$/;
const SCRIPT_FILE = /(^|\/)(?:scripts|bin)\//;
const CONVENTIONAL_ENTRY = /^(?:src\/)?(?:main|index|server|app|cli)\.[cm]?[jt]sx?$/;

export interface TypescriptOptions {
  /** Files larger than this are skipped with a diagnostic. Default 1 MiB. */
  maxFileBytes: number;
  /** Analyse test files as modules too. Default false: tests are not part of any service. */
  includeTests: boolean;
  /** Extra entry-point globs (never reported as unreferenced). */
  entryPoints: readonly string[];
  /** Read each file's symbol sketch for the syntax symbol stage. Default false. */
  sketch?: boolean;
  /** Where each file's scan is cached (keyed by its content); absent: no cache. */
  cache?: CacheLocation;
  /** Scan only these files (every file is still read: texts for the database stage, targets for resolution). */
  scope?: ReadonlySet<string>;
}

export interface TypescriptFacts extends CodeFacts {
  /** For each file: specifier -> resolved local file; reused by the symbol stage. */
  resolvedImports: Map<string, Map<string, string>>;
  /** Text of each code file read, for the symbol stage. */
  texts: Map<string, string>;
  /** Every dependency name declared by a package.json of the repository. */
  dependencies: Set<string>;
  /** Each file's symbol sketch (with `sketch: true`). */
  sketches: Map<string, SymbolSketch>;
}

export function collectTypescript(
  root: string,
  listing: FileListing,
  options: TypescriptOptions,
  onProgress: ProgressListener = () => {},
): TypescriptFacts {
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedPath[] = [];
  const candidates: ListedFile[] = [];
  for (const f of listing.files) {
    if (!CODE_FILE.test(f.path) || DECLARATION_FILE.test(f.path)) continue;
    if (!options.includeTests && TEST_FILE(f.path)) {
      skipped.push({ path: f.path, reason: 'test' });
      continue;
    }
    candidates.push(f);
  }
  const packages = readPackageManifests(root, listing.files.filter((f) => /(^|\/)package\.json$/.test(f.path)).map((f) => f.path));
  pushAll(diagnostics, packages.diagnostics);
  // A scoped run (check --since) reads the other files' texts only when the database stage may find a
  // schema in them (an ORM or schema builder is declared, or there is no package.json to say).
  const everyText = options.scope === undefined || packages.manifests.length === 0 || [...packages.declared].some((p) => SCHEMA_IN_CODE_PACKAGES.has(p));
  const texts = new Map<string, string>();
  const unread = new Set<string>();
  const files: TypescriptFacts['files'] = [];
  let done = 0;
  onProgress({ stage: 'read', done: 0, total: candidates.length });
  for (const f of candidates) {
    const language = /\.[cm]?tsx?$/.test(f.path) ? 'typescript' : 'javascript';
    if (!everyText && !options.scope!.has(f.path)) {
      // Listed, not read: a module and an import target all the same (its lines are not counted).
      if (f.bytes <= options.maxFileBytes) (unread.add(f.path), files.push({ path: f.path, language, lines: 0, bytes: f.bytes }));
      continue;
    }
    const read = readTextFile(f, options.maxFileBytes);
    pushAll(diagnostics, read.diagnostics);
    if (read.ok) {
      texts.set(f.path, read.text);
      files.push({ path: f.path, language, lines: countLines(read.text), bytes: f.bytes });
    } else {
      skipped.push({ path: f.path, reason: read.reason });
    }
    if (++done % 200 === 0) onProgress({ stage: 'read', done, total: candidates.length });
  }

  const host = createRepositoryHost(root);
  const configs = loadTsconfigs(root, listing.files.filter((f) => isProjectConfig(f.path)).map((f) => f.path), host);
  pushAll(diagnostics, configs.diagnostics);
  const localFiles = new Set([...texts.keys(), ...unread]);
  // A scoped run resolves a few files' imports: reading (and keying) the whole layout's answers costs more.
  const resolutionCache = openResolutionCache(options.scope === undefined ? options.cache : undefined, options.scope === undefined ? layoutKey(listing, localFiles, configs, packages) : '');
  const resolver = createImportResolver(root, localFiles, configs, packages, host, resolutionCache.value?.results);

  const edges: FileEdge[] = [];
  const externals: TypescriptFacts['externals'] = [];
  const unresolved: TypescriptFacts['unresolved'] = [];
  const sqlLiterals: TypescriptFacts['sqlLiterals'] = [];
  const transactions: TransactionFact[] = [];
  const resolvedImports = new Map<string, Map<string, string>>();
  const frameworkFacts = new Map<string, FrameworkFact[]>();
  done = 0;
  onProgress({ stage: 'imports', done: 0, total: texts.size });
  const sketch = options.sketch === true;
  const cache = openAdapterCache(options.cache, 'typescript', `sketch=${sketch}`, isScanResult);
  const fromCache = () => (cache.stats.hits > 0 ? `${cache.stats.hits} of ${texts.size} files from the cache` : undefined);
  const tooDeep: string[] = [];
  const sketches = new Map<string, SymbolSketch>();
  const infoOf = new Map(files.map((f) => [f.path, f]));
  for (const [file, text] of texts) {
    if (options.scope !== undefined && !options.scope.has(file)) continue;
    const scan = cached(cache, file, text, () => scanSource(file, text, { sketch }));
    if (scan.decisions !== undefined) infoOf.get(file)!.complexity = scan.decisions;
    if (scan.symbols) sketches.set(file, scan.symbols);
    pushAll(diagnostics, scan.diagnostics);
    if (scan.framework.length > 0) frameworkFacts.set(file, scan.framework);
    if (scan.tooDeep) tooDeep.push(file);
    const resolvedHere = new Map<string, string>();
    for (const imp of scan.imports) {
      const r = resolver.resolve(imp.specifier, file, imp.form === 'require' ? 'require' : 'import');
      const evidence = { file, line: imp.line, text: imp.text };
      if (r.kind === 'local') {
        resolvedHere.set(imp.specifier, r.file);
        if (r.file !== file) edges.push({ kind: edgeKindFor(imp.form), from: file, to: r.file, evidence });
      } else if (r.kind === 'external') {
        externals.push({ file, name: r.name, builtin: r.builtin, declared: r.builtin || packages.declared.has(r.name), ...(imp.form === 'type-import' ? { typeOnly: true } : {}) });
      } else if (r.kind === 'unresolved') {
        unresolved.push({ file, specifier: imp.specifier, evidence });
        diagnostics.push({
          severity: 'warning',
          code: 'unresolved-import',
          message: `cannot resolve '${imp.specifier}': ${r.reason}`,
          file,
          line: imp.line,
        });
      }
    }
    resolvedImports.set(file, resolvedHere);
    for (const lit of scan.sqlLiterals) sqlLiterals.push({ file, ...lit });
    for (const tx of scan.transactions) transactions.push({ file, ...tx });
    if (++done % 200 === 0) onProgress({ stage: 'imports', done, total: texts.size, ...optional(fromCache()) });
  }
  cache.save();
  pushAll(diagnostics, cache.diagnostics);
  onProgress({ stage: 'imports', done: texts.size, total: texts.size, ...optional(fromCache()) });
  // Files the parser could not hold stay modules, but no later stage parses them again.
  for (const file of tooDeep) texts.delete(file);

  const entryPoints = findEntryPoints(localFiles, packages.manifests, options.entryPoints, resolver);
  for (const h of serverlessHandlers(listing)) {
    const file = resolver.resolveManifestTarget(h.target, h.dir);
    if (file && !entryPoints.has(file)) entryPoints.set(file, `serverless handler in ${h.from}`);
  }
  // Reads TypeScript asked for outside the repository (extends, parent node_modules): refused, and said.
  const refused = [...new Set([...host.refusedOutside(), ...(resolutionCache.value?.refused ?? [])])].sort();
  resolutionCache.store({ results: resolver.answers(), refused });
  for (const outside of refused) {
    diagnostics.push({
      severity: 'warning',
      code: 'read-outside-refused',
      message: `not read: ${outside} lies outside the analyzed repository (a tsconfig extends or a package lookup led there); imports that needed it stay unresolved`,
    });
  }
  return {
    files,
    edges,
    externals,
    unresolved,
    sqlLiterals,
    transactions,
    entryPoints,
    packageRoots: packages.packageRoots,
    frameworkFacts,
    skipped,
    diagnostics,
    resolvedImports,
    texts,
    dependencies: packages.declared,
    sketches,
  };
}

/**
 * What module resolution depends on inside the repository: the code files read (the valid local
 * targets: tests and files over the size limit are not), every listed path, each folder's compiler
 * options (extends applied) and every package.json, as the import stage already read them.
 */
function layoutKey(listing: FileListing, localFiles: ReadonlySet<string>, configs: TsconfigSet, packages: PackageManifests): string {
  return JSON.stringify([
    [...localFiles].sort(),
    listing.files.map((f) => f.path),
    [...configs.byDir].map(([dir, c]) => [dir, c.path, c.options]),
    packages.manifests.map((m) => [m.dir, m.json]),
  ]);
}

function edgeKindFor(form: ImportForm): FileEdge['kind'] {
  if (form === 'type-import') return 'type-import';
  if (form === 'dynamic-import') return 'dynamic-import';
  return 'import';
}

function findEntryPoints(
  localFiles: ReadonlySet<string>,
  manifests: ReturnType<typeof readPackageManifests>['manifests'],
  extraGlobs: readonly string[],
  resolver: ImportResolver,
): Map<string, string> {
  const entries = new Map<string, string>();
  for (const m of manifests) {
    for (const target of declaredEntryPoints(m)) {
      const file = resolver.resolveManifestTarget(target, m.dir);
      if (file && !entries.has(file)) entries.set(file, `declared in ${m.dir ? m.dir + '/' : ''}package.json`);
    }
  }
  for (const m of manifests) {
    for (const { target, script } of scriptEntryPoints(m)) {
      const file = resolver.resolveManifestTarget(target, m.dir);
      if (file && !entries.has(file)) entries.set(file, `run by the npm script '${script}' in ${m.dir ? m.dir + '/' : ''}package.json`);
    }
  }
  const extra = extraGlobs.length > 0 ? picomatch(extraGlobs as string[], { dot: true }) : () => false;
  const packageDirs = manifests.map((m) => m.dir);
  for (const file of [...localFiles].sort()) {
    if (entries.has(file)) continue;
    if (extra(file)) entries.set(file, 'matches an entryPoints glob');
    else if (TEST_FILE(file)) entries.set(file, 'test file');
    else if (CONFIG_FILE.test(file)) entries.set(file, 'tool configuration');
    else if (SCRIPT_FILE.test(file)) entries.set(file, 'script');
    else {
      const dir = packageDirs.filter((d) => d === '' || file.startsWith(d + '/')).sort((a, b) => b.length - a.length)[0] ?? '';
      const inPkg = dir ? file.slice(dir.length + 1) : file;
      if (CONVENTIONAL_ENTRY.test(inPkg)) entries.set(file, 'conventional entry file (main/index/server/app/cli)');
    }
  }
  return entries;
}

function isScanResult(value: unknown): value is ScanResult {
  if (!hasArrays(value, ['imports', 'sqlLiterals', 'framework', 'transactions', 'diagnostics'])) return false;
  const symbols = (value as { symbols?: unknown }).symbols;
  return symbols === undefined || hasArrays(symbols, ['imports', 'exports', 'exportStars', 'declarations', 'uses']);
}

function optional(detail: string | undefined): { detail?: string } {
  return detail === undefined ? {} : { detail };
}
