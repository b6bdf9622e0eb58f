/**
 * The options of one run, from the three places they come from: defaults, the config file (named with
 * --config, or found in the analyzed folder) and the flags; resolved by the one pipeline in config/.
 */
import { resolveRepositoryPath } from '../collect/files/resolve-repository.js';
import { loadConfig } from '../config/load-config.js';
import { allowCodeCache } from '../collect/code-cache.js';
import { codeCacheFolder } from '../collect/cache/cache-folder.js';
import { resolveOptions, type OptionLayer, type ResolvedOptions } from '../config/resolve-options.js';

export interface RunRequest {
  /** The folder to analyze, as given. */
  target: string;
  /** A config file named by the user (--config). */
  configFile?: string;
  /** The flags given on the command line. */
  flags: OptionLayer;
  /** Report format names the caller can write (checked with the rest). */
  formats?: readonly string[];
}

export interface PreparedRun extends ResolvedOptions {
  /** Real path of the analyzed folder. */
  root: string;
  /** The config file read, as shown in messages; absent when there is none. */
  configFile?: string;
}

export function prepareRun(request: RunRequest): PreparedRun {
  const root = resolveRepositoryPath(request.target);
  const config = loadConfig(request.configFile, root);
  const resolved = resolveOptions([...(config ? [config] : []), request.flags], request.formats);
  // Before any collector loads: the compiler's code cache, in a cache folder outside the repository.
  allowCodeCache(codeCacheFolder(resolved.options, root));
  return { root, ...resolved, ...(config?.source.kind === 'file' ? { configFile: config.source.path } : {}) };
}
