/**
 * Reads a decision file (`msa-split.decomposition.yaml`) and checks it completely before any work.
 * Input: the path the user named (a regular file within MAX_DECISION_FILE_BYTES), or its text.
 * Output: the DecisionFile, or a UsageError (exit 2) whose lines each name `file:line`, the key (as a
 * path like `contexts[2].include[0]`) and the problem: YAML syntax, the published schema
 * (schema/decomposition.schema.json, ajv with every error collected), then what a schema cannot say:
 * duplicate ids, unknown context ids in `macro`, a module pinned in two places, invalid globs.
 */
import { createRequire } from 'node:module';
import type AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import crypto from 'node:crypto';
import path from 'node:path';
import picomatch from 'picomatch';
import { TOOL_VERSION } from './tool-version.js';
import type * as YamlModule from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { readRegularFile } from '../collect/files/safe-read.js';
import { writeAtomically } from '../collect/files/write-atomically.js';
import type { DecisionFile } from '../model/decision-file.js';
import { UsageError } from '../model/usage-error.js';

/** The largest decision file read (an explicit list of 50,000 modules fits). */
export const MAX_DECISION_FILE_BYTES = 8 * 1024 * 1024;
/** The longest glob accepted (picomatch compiles globs to regular expressions). */
const MAX_GLOB_LENGTH = 1000;
/** At most this many problems are listed. */
const MAX_PROBLEMS = 20;

// The parser and the validator load at the first file parsed (a cached file needs neither: ~0.08 s).
const load = createRequire(import.meta.url);
let yamlModule: typeof YamlModule | undefined;
const yaml = (): typeof YamlModule => (yamlModule ??= load('yaml') as typeof YamlModule);
let validator: ValidateFunction | undefined;
function decisionValidator(): ValidateFunction {
  // Our own schema, tested against the meta-schema (test/result/analysis-schema.test.ts): not validated again on every run (~0.15 s).
  const Ajv = load('ajv') as typeof AjvModule & { default?: typeof AjvModule };
  validator ??= new (Ajv.default ?? Ajv)({ allErrors: true, strict: false, validateSchema: false }).compile(createRequire(import.meta.url)('../../schema/decomposition.schema.json') as object);
  return validator;
}

/**
 * Reads and checks the decision file at `file` (named by the user). With a cache folder, a file read
 * and checked before (same bytes, same tool version) comes back from it: parsing and checking a
 * workshop's file costs ~0.2 s in a fresh process, a share `check --since` on every pull request feels.
 * Only files that passed every check are cached.
 */
export function readDecisionFile(file: string, cacheDir?: string): DecisionFile {
  const read = readRegularFile(file, { maxBytes: MAX_DECISION_FILE_BYTES });
  if (!read.ok) throw new UsageError(`cannot use decision file ${file}: ${read.refusal === 'not-found' ? 'not found' : read.message}`);
  const text = read.buffer.toString('utf8');
  if (cacheDir === undefined) return parseDecisionFile(text, file);
  const entry = path.join(cacheDir, 'decisions', `${crypto.createHash('sha256').update(`${TOOL_VERSION}\0${text}`).digest('hex').slice(0, 40)}.json`);
  const hit = readRegularFile(entry, { maxBytes: 2 * MAX_DECISION_FILE_BYTES });
  if (hit.ok) {
    try {
      const value = JSON.parse(hit.buffer.toString('utf8')) as unknown;
      if (typeof value === 'object' && value !== null && (value as DecisionFile).version === 1 && Array.isArray((value as DecisionFile).contexts)) return value as DecisionFile;
    } catch {
      // A damaged entry is parsed again and rewritten.
    }
  }
  const decided = parseDecisionFile(text, file);
  writeAtomically(entry, JSON.stringify(decided));
  return decided;
}

type Path = (string | number)[];
interface Problem {
  path: Path;
  message: string;
  /** Point at the key itself (unknown keys), not its value. */
  atKey?: string;
}

/** Parses and checks decision-file text; `name` is what messages call the file. */
export function parseDecisionFile(text: string, name: string): DecisionFile {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.slice(0, MAX_PROBLEMS).map((e) => `${name}:${e.linePos?.[0].line ?? 1}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    throw new UsageError(`decision file ${name} is not valid YAML:\n  ${lines.join('\n  ')}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(`decision file ${name}: ${(error as Error).message.split('\n')[0]}`);
  }
  const problems = schemaProblems(value);
  if (problems.length === 0) problems.push(...meaningProblems(value as DecisionFile));
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `${name}:${lineOf(doc, lineCounter, p)}: ${keyPath(p.path, p.atKey)}: ${p.message}`);
    const more = problems.length > MAX_PROBLEMS ? `\n  (${problems.length - MAX_PROBLEMS} more)` : '';
    throw new UsageError(`decision file ${name} is not valid (schema/decomposition.schema.json):\n  ${shown.join('\n  ')}${more}`);
  }
  return value as DecisionFile;
}

function schemaProblems(value: unknown): Problem[] {
  const validate = decisionValidator();
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of validate.errors ?? []) {
    const problem = describe(e);
    const key = `${problem.path.join('/')}\0${problem.atKey ?? ''}\0${problem.message}`;
    if (!seen.has(key)) (seen.add(key), out.push(problem));
  }
  return out;
}

function describe(e: ErrorObject): Problem {
  const path: Path = e.instancePath
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return { path, atKey: String(params.additionalProperty), message: `unknown key; valid keys here: ${validKeys(path).join(', ')}` };
  if (e.keyword === 'required') return { path, message: `missing required key "${String(params.missingProperty)}"` };
  if (e.keyword === 'const') return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
  if (e.keyword === 'pattern') return { path, message: `must match ${String(params.pattern)}` };
  return { path, message: e.message ?? e.keyword };
}

/** The keys the schema allows at `path` (for "unknown key" messages). */
function validKeys(path: Path): string[] {
  const schema = createRequire(import.meta.url)('../../schema/decomposition.schema.json') as {
    properties: Record<string, { items?: { $ref?: string } }>;
    definitions: Record<string, { properties: Record<string, unknown> }>;
  };
  if (path.length === 0) return Object.keys(schema.properties);
  const top = schema.properties[String(path[0])] as { items?: { $ref?: string }; $ref?: string } | undefined;
  const ref = (top?.items?.$ref ?? top?.$ref)?.split('/').pop();
  return ref ? Object.keys(schema.definitions[ref]?.properties ?? {}) : [];
}

/** What the schema cannot check: ids unique and known, modules pinned once, globs that compile. */
function meaningProblems(file: DecisionFile): Problem[] {
  const out: Problem[] = [];
  const ids = new Map<string, number>();
  file.contexts.forEach((c, i) => {
    if (ids.has(c.id)) out.push({ path: ['contexts', i, 'id'], message: `duplicate context id "${c.id}" (also contexts[${ids.get(c.id)}])` });
    else ids.set(c.id, i);
  });
  const macroIds = new Set<string>();
  const inMacro = new Map<string, string>();
  (file.macro ?? []).forEach((m, i) => {
    if (macroIds.has(m.id) || ids.has(m.id)) out.push({ path: ['macro', i, 'id'], message: `id "${m.id}" is already used` });
    macroIds.add(m.id);
    m.contexts.forEach((c, j) => {
      if (!ids.has(c)) out.push({ path: ['macro', i, 'contexts', j], message: `unknown context "${c}"; contexts: ${[...ids.keys()].join(', ') || '(none)'}` });
      else if (inMacro.has(c)) out.push({ path: ['macro', i, 'contexts', j], message: `context "${c}" is already in macro "${inMacro.get(c)}"` });
      else inMacro.set(c, m.id);
    });
  });
  // A module listed explicitly in two places is a contradiction, not a precedence question.
  const listed = new Map<string, string>();
  const claim = (module: string, where: string, path: Path) => {
    const before = listed.get(module);
    if (before !== undefined && before !== where) out.push({ path, message: `module "${module}" is also listed in ${before}` });
    else listed.set(module, where);
  };
  file.contexts.forEach((c, i) => (c.modules ?? []).forEach((m, j) => claim(m, `contexts[${i}] (${c.id})`, ['contexts', i, 'modules', j])));
  const globLists: [Path, readonly string[] | undefined][] = [
    [['kernel'], file.kernel],
    [['platform'], file.platform],
    ...file.contexts.flatMap((c, i): [Path, readonly string[] | undefined][] => [
      [['contexts', i, 'include'], c.include],
      [['contexts', i, 'exclude'], c.exclude],
      [['contexts', i, 'api'], c.api],
    ]),
  ];
  for (const [path, globs] of globLists) {
    (globs ?? []).forEach((glob, j) => {
      const problem = globProblem(glob);
      if (problem) out.push({ path: [...path, j], message: problem });
    });
  }
  return out;
}

function globProblem(glob: string): string | undefined {
  if (glob.length === 0) return 'empty glob';
  if (glob.length > MAX_GLOB_LENGTH) return `glob longer than ${MAX_GLOB_LENGTH} characters`;
  if (glob.startsWith('/') || glob.split('/').includes('..')) return `glob ${JSON.stringify(glob)} must be relative to the analyzed folder (no leading "/" or "..")`;
  try {
    picomatch(glob, { strictBrackets: true });
    return undefined;
  } catch (error) {
    return `invalid glob ${JSON.stringify(glob)}: ${(error as Error).message}`;
  }
}

/** `contexts[2].include[0]`; the root is `(file)`. */
function keyPath(path: Path, atKey?: string): string {
  const full = atKey !== undefined ? [...path, atKey] : path;
  if (full.length === 0) return '(file)';
  return full.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** 1-based line of the node at `path` (of the key itself for unknown keys), else of the nearest ancestor found. */
function lineOf(doc: Document, counter: LineCounter, problem: Problem): number {
  for (let n = problem.path.length; n >= 0; n--) {
    const node = doc.getIn(problem.path.slice(0, n), true) as Node | undefined;
    const target = n === problem.path.length && problem.atKey !== undefined && yaml().isMap(node) ? keyNode(node, problem.atKey) : node;
    const start = target && 'range' in target ? target.range?.[0] : undefined;
    if (start !== undefined) return counter.linePos(start).line;
    if (n === 0) return 1;
  }
  return 1;
}

function keyNode(map: Node, key: string): Node | undefined {
  const { isMap, isPair, isScalar } = yaml();
  if (!isMap(map)) return undefined;
  for (const item of map.items) if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item.key;
  return map;
}
