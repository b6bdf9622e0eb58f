/**
 * Checks a parsed analysis.json before it is re-rendered: the schema version this msa-split writes,
 * then the whole document against schema/analysis.schema.json (generated from the result types; ajv,
 * all errors collected). A file that does not validate is a UsageError naming the JSON path of the
 * first problems, so a tampered or damaged file never reaches a reporter.
 */
import { createRequire } from 'node:module';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { UsageError } from '../model/usage-error.js';
import { SCHEMA_VERSION } from '../model/types.js';
import type { AnalysisResult } from './analysis-result.js';

// ajv is CommonJS: at run time the default import is the class itself, its typings call it `.default`.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule.default }).default ?? AjvModule) as typeof AjvModule.default;
let validator: ValidateFunction | undefined;

/** The compiled validator of the published schema (compiled once, on first use). */
function analysisValidator(): ValidateFunction {
  if (validator === undefined) {
    const schema = createRequire(import.meta.url)('../../schema/analysis.schema.json') as object;
    // Our own schema, tested against its meta-schema (test/result/analysis-schema.test.ts): not validated again on every run.
    validator = new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(schema);
  }
  return validator;
}

/** `/model/modules/3/id` -> `$.model.modules[3].id` */
function jsonPath(pointer: string): string {
  let out = '$';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
  }
  return out;
}

function describe(e: ErrorObject): string {
  const at = jsonPath(e.instancePath);
  if (e.keyword === 'additionalProperties') return `at ${at}: unknown key ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}`;
  if (e.keyword === 'required') return `at ${at}: missing ${JSON.stringify((e.params as { missingProperty: string }).missingProperty)}`;
  return `at ${at}: ${e.message ?? e.keyword}`;
}

export function validateAnalysis(raw: unknown, where: string): AnalysisResult {
  const invalid = (detail: string) => new UsageError(`${where}: not a valid analysis (${detail})`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid(`at $: expected a JSON object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}`);
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version === 'number' && version !== SCHEMA_VERSION) {
    throw new UsageError(`${where}: schema version ${version}, this msa-split reads version ${SCHEMA_VERSION}; run msa-split analyze again to regenerate it`);
  }
  const validate = analysisValidator();
  if (!validate(raw)) {
    const errors = validate.errors ?? [];
    // The most specific problems first: deeper paths say more than "does not match anyOf" at a parent.
    const shown = [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length).slice(0, 3).map(describe);
    const more = errors.length > 3 ? `; ${errors.length - 3} more problems` : '';
    throw invalid(`${shown.join('; ')}${more}`);
  }
  const result = raw as AnalysisResult;
  const broken = danglingContexts(result);
  if (broken.length > 0) throw invalid(`${broken.slice(0, 3).join('; ')}${broken.length > 3 ? `; ${broken.length - 3} more problems` : ''}`);
  return result;
}

/**
 * What the schema cannot say: every context named by the scores, explanations and plan is one the
 * decomposition holds (a renamed context would otherwise reach a reporter as a missing object).
 */
function danglingContexts(result: AnalysisResult): string[] {
  const problems: string[] = [];
  const contexts = result.decomposition?.contexts ?? [];
  const ids = new Set<string>();
  contexts.forEach((c, i) => {
    if (ids.has(c.id)) problems.push(`at $.decomposition.contexts[${i}].id: ${JSON.stringify(c.id)} appears twice`);
    ids.add(c.id);
  });
  const ref = (id: string, at: string) => {
    if (!ids.has(id)) problems.push(`at ${at}: names context ${JSON.stringify(id)}, which $.decomposition does not hold`);
  };
  result.scores?.contexts.forEach((s, i) => ref(s.context, `$.scores.contexts[${i}].context`));
  result.explanations?.contexts.forEach((e, i) => ref(e.context, `$.explanations.contexts[${i}].context`));
  result.plan?.steps.forEach((s, i) => ref(s.context, `$.plan.steps[${i}].context`));
  return problems;
}
