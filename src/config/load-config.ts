/**
 * Loads and validates msa-split.config.{json,yaml,yml}.
 * Input: an explicit path, or the analysed folder to look in. Output: a partial option record;
 * an unknown key or a bad value is a UsageError naming the key and the valid values.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DEFAULT_WEIGHTS } from '../cluster/build-module-graph.js';
import { DIALECTS, isDialect } from '../collect/db/sql-dialects.js';
import { parseGranularity } from './parse-granularity.js';
import { type AnalyzeOptions, type OutputOptions } from './options.js';
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
  return { [key]: value } as Partial<ConfigValues>;
};

const text = (key: keyof ConfigValues): Check => (value, where) => {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${where}: '${key}' must be a non-empty string; got ${JSON.stringify(value)}`);
  return { [key]: value } as Partial<ConfigValues>;
};

const bool = (key: keyof ConfigValues): Check => (value, where) => {
  if (typeof value !== 'boolean') throw new UsageError(`${where}: '${key}' must be true or false; got ${JSON.stringify(value)}`);
  return { [key]: value } as Partial<ConfigValues>;
};

const positiveInt = (key: keyof ConfigValues): Check => (value, where) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new UsageError(`${where}: '${key}' must be a whole number of at least 1; got ${JSON.stringify(value)}`);
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
          if (!(kind in DEFAULT_WEIGHTS.kinds)) throw new UsageError(`${where}: unknown weight kind '${kind}'; valid kinds: ${Object.keys(DEFAULT_WEIGHTS.kinds).sort().join(', ')}`);
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

/** Validates a parsed config object. */
export function validateConfig(raw: unknown, where: string): ConfigValues {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${where}: the config must be an object of options`);
  let values: ConfigValues = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const check = KEYS[key];
    if (!check) throw new UsageError(`${where}: unknown key '${key}'; valid keys: ${CONFIG_KEYS.join(', ')}`);
    values = { ...values, ...check(value, where) };
  }
  return values;
}

/** Reads `explicitPath`, or the first config file found in `folder`; undefined when there is none. */
export function loadConfig(explicitPath: string | undefined, folder: string): LoadedConfigFile | undefined {
  let file = explicitPath;
  if (file === undefined) {
    file = CONFIG_FILE_NAMES.map((n) => path.join(folder, n)).find((p) => fs.existsSync(p));
    if (file === undefined) return undefined;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(file) ? YAML.parse(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  return { path: file, values: validateConfig(raw, file) };
}
