/**
 * Loads and validates msa-split.config.{json,yaml,yml}.
 * Input: an explicit path, or the analysed folder to look in. Output: a partial option record;
 * an unknown key or a bad value is a UsageError naming the key and the valid values.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DEFAULT_WEIGHTS } from '../cluster/build-module-graph.js';
import { readRegularFile } from '../collect/files/safe-read.js';
import { DIALECTS, isDialect } from '../collect/db/sql-dialects.js';
import { checkGlobs } from './check-globs.js';
import { parseGranularity } from './parse-granularity.js';
import { OPTION_LIMITS, type AnalyzeOptions, type OutputOptions } from './options.js';
import { UsageError } from './usage-error.js';

export const CONFIG_FILE_NAMES = ['msa-split.config.json', 'msa-split.config.yaml', 'msa-split.config.yml'];

export type ConfigValues = Partial<AnalyzeOptions> & Partial<OutputOptions>;

export interface LoadedConfigFile {
  /** Where it was read from, as given or found. */
  path: string;
  values: ConfigValues;
}

type Check = (value: unknown, where: string) => Partial<ConfigValues>;

const stringList = (key: keyof ConfigValues): Check => (value, where) => {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new UsageError(`${where}: '${key}' must be a list of strings (globs); got ${JSON.stringify(value)}`);
  }
  return { [key]: GLOB_KEYS.has(key) ? checkGlobs(value as string[], `${where}: '${key}'`) : value } as Partial<ConfigValues>;
};

const GLOB_KEYS = new Set<string>(['include', 'exclude', 'entryPoints', 'kernel']);

const text = (key: keyof ConfigValues): Check => (value, where) => {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${where}: '${key}' must be a non-empty string; got ${JSON.stringify(value)}`);
  return { [key]: value } as Partial<ConfigValues>;
};

const bool = (key: keyof ConfigValues): Check => (value, where) => {
  if (typeof value !== 'boolean') throw new UsageError(`${where}: '${key}' must be true or false; got ${JSON.stringify(value)}`);
  return { [key]: value } as Partial<ConfigValues>;
};

const positiveInt = (key: keyof ConfigValues): Check => (value, where) => {
  const max = OPTION_LIMITS[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || (max !== undefined && value > max)) {
    throw new UsageError(`${where}: '${key}' must be a whole number from 1${max !== undefined ? ` to ${max}` : ''}; got ${JSON.stringify(value)}`);
  }
  return { [key]: value } as Partial<ConfigValues>;
};

/** Every accepted key with its validator; the valid keys named in errors come from here. */
const KEYS: Record<string, Check> = {
  granularity: (value, where) => {
    if (typeof value !== 'string') throw new UsageError(`${where}: 'granularity' must be a string`);
    return { granularity: parseGranularity(value, `${where}: 'granularity'`) };
  },
  include: stringList('include'),
  exclude: stringList('exclude'),
  entryPoints: stringList('entryPoints'),
  maxFileBytes: positiveInt('maxFileBytes'),
  kernelMinAreas: positiveInt('kernelMinAreas'),
  includeTests: bool('includeTests'),
  symbols: bool('symbols'),
  db: bool('db'),
  history: bool('history'),
  includeMerges: bool('includeMerges'),
  churn: bool('churn'),
  botPatterns: stringList('botPatterns'),
  maxCommits: positiveInt('maxCommits'),
  gitTimeout: positiveInt('gitTimeout'),
  maxChangesetSize: positiveInt('maxChangesetSize'),
  minRevs: positiveInt('minRevs'),
  minShared: positiveInt('minShared'),
  minCoupling: positiveInt('minCoupling'),
  since: text('since'),
  until: text('until'),
  branch: text('branch'),
  coupleBy: text('coupleBy'),
  cluster: bool('cluster'),
  seed: positiveInt('seed'),
  runs: positiveInt('runs'),
  contexts: positiveInt('contexts'),
  minContextSize: positiveInt('minContextSize'),
  kernel: stringList('kernel'),
  resolution: (value, where) => {
    if (typeof value !== 'number' || !(value > 0)) throw new UsageError(`${where}: 'resolution' must be a number above 0; got ${JSON.stringify(value)}`);
    return { resolution: value };
  },
  weights: (value, where) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${where}: 'weights' must be an object like { "code": 1, "data": 1, "history": 1, "kinds": { "call": 2 } }`);
    const out = { ...DEFAULT_WEIGHTS, kinds: { ...DEFAULT_WEIGHTS.kinds } };
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'kinds') {
        if (!v || typeof v !== 'object') throw new UsageError(`${where}: 'weights.kinds' must be an object of numbers`);
        for (const [kind, n] of Object.entries(v as Record<string, unknown>)) {
          if (!Object.hasOwn(DEFAULT_WEIGHTS.kinds, kind)) throw new UsageError(`${where}: unknown weight kind '${kind}'; valid kinds: ${Object.keys(DEFAULT_WEIGHTS.kinds).sort().join(', ')}`);
          if (typeof n !== 'number' || n < 0) throw new UsageError(`${where}: 'weights.kinds.${kind}' must be a number >= 0`);
          out.kinds[kind] = n;
        }
      } else if (k === 'code' || k === 'data' || k === 'history') {
        if (typeof v !== 'number' || v < 0) throw new UsageError(`${where}: 'weights.${k}' must be a number >= 0`);
        out[k] = v;
      } else throw new UsageError(`${where}: unknown key 'weights.${k}'; valid keys: code, data, history, kinds`);
    }
    return { weights: out };
  },
  bulkThresholdBytes: positiveInt('bulkThresholdBytes'),
  dialect: (value, where) => {
    if (typeof value !== 'string' || !isDialect(value)) throw new UsageError(`${where}: unknown dialect ${JSON.stringify(value)}; valid dialects: ${DIALECTS.join(', ')}`);
    return { dialect: value };
  },
  out: (value, where) => {
    if (typeof value !== 'string' || value === '') throw new UsageError(`${where}: 'out' must be a folder path`);
    return { out: value };
  },
  format: (value, where) => {
    const list = typeof value === 'string' ? value.split(',') : value;
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
      throw new UsageError(`${where}: 'format' must be a list of format names or a comma-separated string`);
    }
    return { format: list.map((s) => s.trim()).filter(Boolean) };
  },
};

export const CONFIG_KEYS = Object.keys(KEYS).sort();

/** Keys that would reach an object's prototype: refused wherever they appear in a config. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys only a config the user names with --config may set: a config found in the repository must not choose where files are written. */
const USER_ONLY_KEYS = new Set(['out']);

function refusePrototypeKeys(value: unknown, where: string, at: string, depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 32) return;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) throw new UsageError(`${where}: the key '${at}${key}' is not allowed (it would reach an object prototype)`);
    refusePrototypeKeys((value as Record<string, unknown>)[key], where, `${at}${key}.`, depth + 1);
  }
}

/**
 * Validates a parsed config object. `trusted` is false for a config found in the analyzed repository:
 * it may not set USER_ONLY_KEYS.
 */
export function validateConfig(raw: unknown, where: string, trusted = true): ConfigValues {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${where}: the config must be an object of options`);
  refusePrototypeKeys(raw, where, '');
  let values: ConfigValues = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!Object.hasOwn(KEYS, key)) throw new UsageError(`${where}: unknown key '${key}'; valid keys: ${CONFIG_KEYS.join(', ')}`);
    if (!trusted && USER_ONLY_KEYS.has(key)) {
      throw new UsageError(`${where}: '${key}' is only accepted from the command line (--out) or a config file named with --config; a config file inside the analyzed repository may not choose where reports are written`);
    }
    values = { ...values, ...KEYS[key]!(value, where) };
  }
  return values;
}

/** The largest config file read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads `explicitPath` (a file the user named: trusted, but still only a regular file within the size
 * limit), or the first config file found in `folder` (the analyzed repository's real path: read only
 * when it is a regular file inside it); undefined when there is none.
 */
export function loadConfig(explicitPath: string | undefined, folder: string): LoadedConfigFile | undefined {
  let file = explicitPath;
  const trusted = explicitPath !== undefined;
  if (file === undefined) {
    file = CONFIG_FILE_NAMES.map((n) => path.join(folder, n)).find((p) => exists(p));
    if (file === undefined) return undefined;
  }
  const read = trusted ? readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES }) : readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, within: folder });
  if (!read.ok) {
    const shown = trusted ? file : path.relative(folder, file);
    throw new UsageError(`cannot use config file ${shown}: ${read.refusal === 'not-found' ? 'not found' : read.message}`);
  }
  const text = read.buffer.toString('utf8');
  const yaml = /\.ya?ml$/i.test(file);
  let raw: unknown;
  try {
    raw = yaml ? YAML.parse(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${file} is not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`);
  }
  return { path: file, values: validateConfig(raw, file, trusted) };
}

/** True when something (even a dangling link, a FIFO) stands at `p`. */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
