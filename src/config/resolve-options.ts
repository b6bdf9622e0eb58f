/**
 * The one options pipeline: defaults -> config file -> flags (or the library caller's object) ->
 * validation against OPTION_TABLE's schemas -> frozen options. Every problem is collected and reported
 * at once, each naming what was actually given: `--min-revs`, `msa-split.config.yaml: 'minRevs'` or
 * `option 'minRevs'`. The CLI and `analyze()` both come through here.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import { formatGranularity } from '../model/ids.js';
import { DEFAULT_WEIGHTS, type GraphWeights } from '../model/graph-weights.js';
import type { Granularity } from '../model/types.js';
import { checkGlobs } from './check-globs.js';
import { OPTION_TABLE, type OptionKey, type OptionSpec } from './option-table.js';
import { DEFAULT_FORMATS, DEFAULT_OPTIONS, type AnalyzeOptions } from './options.js';
import { checkRe2, parseCoupleBy } from './parse-couple-by.js';
import { parseGranularity } from './parse-granularity.js';
import { OptionsError } from './options-error.js';

/** Where a layer of values came from; it decides how a problem names the key and what may be set. */
export type OptionSource =
  | { kind: 'file'; path: string; /** named with --config (true) or found in the analyzed repository */ trusted: boolean }
  | { kind: 'flags'; /** key -> the flag as typed, e.g. minRevs -> --min-revs */ flagNames: Readonly<Record<string, string>> }
  | { kind: 'api' };

export interface OptionLayer {
  source: OptionSource;
  values: Readonly<Record<string, unknown>>;
}

/** What the pipeline returns: analysis options, frozen, and the output choices. */
export interface ResolvedOptions {
  options: Readonly<AnalyzeOptions>;
  /** Folder to write reports into, as given (checked by the CLI against the repository). */
  out?: string;
  format: readonly string[];
}

/** Options the library caller may pass: granularity also as text (`'dir:2'`). */
export type AnalyzeOptionsInput = Partial<Omit<AnalyzeOptions, 'granularity' | 'weights'>> & {
  granularity?: Granularity | string;
  weights?: Partial<Omit<GraphWeights, 'kinds'>> & { kinds?: Record<string, number> };
};

export const OPTION_KEYS = (Object.keys(OPTION_TABLE) as OptionKey[]).sort();
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

let ajv: InstanceType<typeof Ajv> | undefined;
const validators = new Map<OptionKey, ValidateFunction>();
let generated: Record<string, ValidateFunction> | undefined;
function validatorFor(key: OptionKey): ValidateFunction {
  // The option table's validators, generated as code by `npm run schema` (schema/option-validators.cjs,
  // tested to match the table): loading ajv and compiling them cost every command ~0.05 s. A key the
  // file lacks (a table edited without regenerating) is compiled here, strictly, as before.
  const load = createRequire(import.meta.url);
  generated ??= load('../../schema/option-validators.cjs') as Record<string, ValidateFunction>;
  let validate = validators.get(key) ?? generated[key];
  if (!validate) {
    ajv ??= new (load('ajv') as { Ajv: typeof Ajv }).Ajv({ allErrors: true, strict: true, validateSchema: false });
    validate = ajv.compile(OPTION_TABLE[key].schema as object);
  }
  validators.set(key, validate);
  return validate;
}

function nameOf(key: string, source: OptionSource): string {
  if (source.kind === 'flags') return source.flagNames[key] ?? `--${key}`;
  if (source.kind === 'file') return `${source.path}: '${key}'`;
  return `option '${key}'`;
}

const shown = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value)));

/** Flag values arrive as text: numbers, lists and weights are read here, before the schema check. */
function fromFlag(key: OptionKey, value: unknown, problems: string[], name: string): unknown {
  const spec: OptionSpec = OPTION_TABLE[key];
  if (typeof value !== 'string') return value;
  if (spec.commaList) return value.split(',').map((s) => s.trim()).filter(Boolean);
  if ((spec.schema.type === 'integer' || spec.schema.type === 'number') && /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value.trim())) return Number(value);
  if (key === 'weights') {
    const out: Record<string, number> = {};
    for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
      const m = /^(code|data|history)=(\d+(?:\.\d+)?)$/.exec(part);
      if (!m) {
        problems.push(`${name}: invalid weight '${part}'; use code=N,data=N,history=N with N >= 0 (per-kind weights in the config file)`);
        return undefined;
      }
      out[m[1]!] = Number(m[2]);
    }
    return out;
  }
  if (key === 'git') return path.resolve(value);
  return value;
}

/** Checks one layer; returns its values ready to merge (granularity parsed, globs checked). */
function readLayer(layer: OptionLayer, problems: string[]): Partial<Record<OptionKey, unknown>> {
  const { source } = layer;
  const out: Partial<Record<OptionKey, unknown>> = {};
  for (const [key, raw] of Object.entries(layer.values)) {
    if (raw === undefined) continue;
    // A config file may name its schema for editor completion.
    if (key === '$schema' && source.kind === 'file' && typeof raw === 'string') continue;
    const name = nameOf(key, source);
    if (PROTOTYPE_KEYS.has(key)) {
      problems.push(`${name}: this key is not allowed (it would reach an object prototype)`);
      continue;
    }
    if (!Object.hasOwn(OPTION_TABLE, key)) {
      problems.push(source.kind === 'file' ? `${source.path}: unknown key '${key}'; valid keys: ${configKeys().join(', ')}` : `unknown option '${key}'; valid options: ${OPTION_KEYS.join(', ')}`);
      continue;
    }
    const k = key as OptionKey;
    const spec: OptionSpec = OPTION_TABLE[k];
    if (source.kind === 'file' && spec.setBy === 'flag') {
      problems.push(`${name}: only accepted as the flag ${spec.flag?.split(' ')[0]}; a config file may not set it`);
      continue;
    }
    if (source.kind === 'file' && !source.trusted && spec.setBy === 'user') {
      problems.push(`${name}: only accepted from the command line (${spec.flag?.split(' ')[0]}) or a config file named with --config; a config file inside the analyzed repository may not choose where reports are written`);
      continue;
    }
    let value: unknown = raw;
    if (source.kind === 'flags') value = fromFlag(k, raw, problems, name);
    if (value === undefined) continue;
    if (k === 'granularity' && typeof value === 'object' && value !== null) value = formatGranularity(value as unknown as Granularity);
    if (k === 'format' && typeof value === 'string') value = value.split(',').map((s) => s.trim()).filter(Boolean);
    refusePrototypeKeys(value, name, problems);
    const validate = validatorFor(k);
    if (!validate(value)) {
      const detail = k === 'weights' ? ` (${validate.errors?.map((e) => `${e.instancePath || 'weights'} ${e.message}`).join('; ')})` : '';
      problems.push(`${name} must be ${spec.expected}; got ${shown(value)}${detail}`);
      continue;
    }
    try {
      if (k === 'granularity') value = parseGranularity(value as string, name);
      else if (k === 'coupleBy') parseCoupleBy(value as string, name);
      else if (k === 'maintenancePattern') checkRe2(value as string, name);
      else if (spec.schema.type === 'array' && k !== 'botPatterns') value = checkGlobs(value as string[], name);
      else if (k === 'roles' || k === 'priorities') checkGlobs(Object.keys(value as object), name);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    out[k] = value;
  }
  return out;
}

function refusePrototypeKeys(value: unknown, name: string, problems: string[], depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 32) return;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) problems.push(`${name}: the key '${key}' is not allowed (it would reach an object prototype)`);
    else refusePrototypeKeys((value as Record<string, unknown>)[key], name, problems, depth + 1);
  }
}

/** Keys a config file may hold. */
export function configKeys(): OptionKey[] {
  return OPTION_KEYS.filter((k) => OPTION_TABLE[k].setBy !== 'flag');
}

function mergeWeights(base: GraphWeights, layer: AnalyzeOptionsInput['weights']): GraphWeights {
  const { kinds, ...signals } = layer ?? {};
  return { ...base, ...signals, kinds: { ...base.kinds, ...kinds } };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Merges the layers in order (later wins) over the defaults. `formats` are the report format names
 * the caller knows; a `format` naming another is a problem too.
 */
export function resolveOptions(layers: readonly OptionLayer[], formats?: readonly string[]): ResolvedOptions {
  const problems: string[] = [];
  const options: AnalyzeOptions = { ...DEFAULT_OPTIONS, weights: DEFAULT_WEIGHTS };
  let format: readonly string[] = DEFAULT_FORMATS;
  let out: string | undefined;
  for (const layer of layers) {
    if (typeof layer.values !== 'object' || layer.values === null || Array.isArray(layer.values)) {
      problems.push(layer.source.kind === 'file' ? `${layer.source.path}: the config must be an object of options` : 'options must be an object');
      continue;
    }
    const values = readLayer(layer, problems);
    for (const [key, value] of Object.entries(values) as [OptionKey, unknown][]) {
      if (key === 'weights') options.weights = mergeWeights(options.weights, value as AnalyzeOptionsInput['weights']);
      else if (key === 'format') {
        format = value as string[];
        const unknown = formats ? format.filter((f) => !formats.includes(f)) : [];
        if (unknown.length > 0) problems.push(`${nameOf('format', layer.source)}: unknown format '${unknown[0]}'; valid formats: ${formats!.join(', ')}`);
      } else if (key === 'out') out = value as string;
      else (options as unknown as Record<string, unknown>)[key] = value;
    }
  }
  if (problems.length > 0) throw new OptionsError(problems);
  return deepFreeze({ options, format, ...(out !== undefined ? { out } : {}) });
}

/** The library API's entry: validates a caller's partial options like the CLI's flags. */
export function resolveApiOptions(input: AnalyzeOptionsInput = {}): Readonly<AnalyzeOptions> {
  return resolveOptions([{ source: { kind: 'api' }, values: input as Record<string, unknown> }]).options;
}
