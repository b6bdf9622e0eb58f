/**
 * Loads every tsconfig.json / jsconfig.json of the repository, following `extends`
 * (relative paths and packages), and finds the one that governs each source file (the nearest above it).
 * Input: repo root and the listed config paths. Output: compiler options per config folder, diagnostics
 * for configs that cannot be read or parsed (the folder then falls back to default options).
 * Files are read through the repository host: never outside the root, at most MAX_EXTENDS_READS per
 * config (extends chains are followed recursively by TypeScript).
 */
import path from 'node:path';
import ts from '../../typescript-runtime.js';
import type * as TS from 'typescript';
import { compareStrings } from '../../../model/compare.js';
import type { Diagnostic } from '../../../model/types.js';
import { createRepositoryHost, type RepositoryHost } from './repository-host.js';

export interface LoadedConfig {
  /** Repo-relative POSIX path of the config file. */
  path: string;
  /** Absolute folder of the config file. */
  dir: string;
  options: TS.CompilerOptions;
}

export interface TsconfigSet {
  /** Configs by repo-relative folder ('' for the root). */
  byDir: Map<string, LoadedConfig>;
  diagnostics: Diagnostic[];
  /** The config that governs a repo-relative file path, if any. */
  configFor(file: string): LoadedConfig | undefined;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** Is this repo-relative path a TypeScript/JavaScript project config? */
export function isProjectConfig(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return CONFIG_NAMES.includes(base);
}

/** The most config files one tsconfig may pull in through `extends` (itself included). */
export const MAX_EXTENDS_READS = 64;

export function loadTsconfigs(root: string, configPaths: readonly string[], host: RepositoryHost = createRepositoryHost(root)): TsconfigSet {
  const byDir = new Map<string, LoadedConfig>();
  const diagnostics: Diagnostic[] = [];
  // Folder order keeps tsconfig.json ahead of jsconfig.json in the same folder.
  const sortedPaths = [...configPaths].sort((a, b) => rank(a) - rank(b) || compareStrings(a, b));
  for (const rel of sortedPaths) {
    const dirRel = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    if (byDir.has(dirRel)) continue;
    const abs = path.join(root, rel);
    const dir = path.dirname(abs);
    host.budget(MAX_EXTENDS_READS);
    const read = ts.readConfigFile(abs, host.readFile);
    if (read.error) {
      diagnostics.push(configDiagnostic(rel, read.error, root));
      byDir.set(dirRel, { path: rel, dir, options: {} });
      continue;
    }
    const parseHost: TS.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      // Only the options are wanted; enumerating `include` would walk the whole tree again.
      readDirectory: () => [],
      fileExists: host.fileExists,
      readFile: host.readFile,
    };
    let parsed: TS.ParsedCommandLine;
    try {
      parsed = ts.parseJsonConfigFileContent(read.config, parseHost, dir, undefined, abs);
    } catch (error) {
      diagnostics.push({ severity: 'warning', code: 'tsconfig-error', message: `${rel}: cannot be read (${(error as Error).message}); imports under it are resolved with default options`, file: rel });
      byDir.set(dirRel, { path: rel, dir, options: {} });
      continue;
    }
    if (host.exhausted()) {
      diagnostics.push({ severity: 'warning', code: 'tsconfig-error', message: `${rel}: its extends chain pulls in more than ${MAX_EXTENDS_READS} config files; the rest were not read`, file: rel });
    }
    for (const error of parsed.errors) {
      // "No inputs were found" is an artefact of the empty readDirectory above.
      if (error.code === 18003) continue;
      // Errors about configs past the budget or outside the repository are reported once, above and below.
      if (host.exhausted() && error.code === 5083) continue;
      diagnostics.push(configDiagnostic(rel, error, root));
    }
    byDir.set(dirRel, { path: rel, dir, options: parsed.options });
  }
  host.budget(Infinity);
  const cache = new Map<string, LoadedConfig | undefined>();
  const configFor = (file: string): LoadedConfig | undefined => {
    let dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const visited: string[] = [];
    for (;;) {
      if (cache.has(dir)) {
        const hit = cache.get(dir);
        visited.forEach((d) => cache.set(d, hit));
        return hit;
      }
      visited.push(dir);
      const config = byDir.get(dir);
      if (config) {
        visited.forEach((d) => cache.set(d, config));
        return config;
      }
      if (dir === '') break;
      dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    }
    visited.forEach((d) => cache.set(d, undefined));
    return undefined;
  };
  return { byDir, diagnostics, configFor };
}

function rank(p: string): number {
  return p.endsWith('tsconfig.json') ? 0 : 1;
}

function configDiagnostic(rel: string, error: TS.Diagnostic, root: string): Diagnostic {
  const where = error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start).line + 1 : undefined;
  const inFile = error.file ? path.relative(root, error.file.fileName).split(path.sep).join('/') : rel;
  return {
    severity: 'warning',
    code: 'tsconfig-error',
    message: `${rel}: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')} (imports under it are resolved with the options that could be read)`,
    file: inFile.startsWith('..') ? rel : inFile,
    ...(where !== undefined ? { line: where } : {}),
  };
}
