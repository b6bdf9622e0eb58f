/**
 * schema/analysis.schema.json is what `msa-split report` trusts: it must be generated from the current
 * result types (regenerated here and compared), and real analyses (both fixtures, with every signal)
 * must validate against it, so neither the types nor the schema can drift from what analyze writes.
 */
import fs from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { renderJson } from '../../src/report/render-json.js';
import { validateAnalysis } from '../../src/result/validate-analysis.js';
import { UsageError } from '../../src/model/usage-error.js';
import { FIXTURES } from '../helpers/temp-repo.js';
// @ts-expect-error: a plain ESM build script without typings.
import { generateAnalysisSchema, generateDecompositionSchema } from '../../scripts/build-schema.js';

describe('the analysis.json schema', () => {
  it('is the one the result types generate (run `npm run schema` after changing them)', () => {
    expect(fs.readFileSync('schema/analysis.schema.json', 'utf8')).toBe((generateAnalysisSchema as () => string)());
  });

  it('publishes the decision file schema the decision types generate', () => {
    expect(fs.readFileSync('schema/decomposition.schema.json', 'utf8')).toBe((generateDecompositionSchema as () => string)());
  });

  it('publishes schemas valid against their meta-schema (the readers compile them without validating them again)', () => {
    const ajv = new Ajv({ strict: false });
    for (const file of ['schema/analysis.schema.json', 'schema/decomposition.schema.json']) {
      expect(ajv.validateSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object), `${file}: ${ajv.errorsText()}`).toBe(true);
    }
  });

  it('accepts what analyze writes for both fixtures, and names the path of a tampered value', async () => {
    for (const fixture of ['shop-monolith', 'spring-clinic']) {
      const json = JSON.parse(renderJson(await analyze(`${FIXTURES}/${fixture}`, { history: false }))[0]!.content) as Record<string, unknown>;
      expect(() => validateAnalysis(json, fixture)).not.toThrow();
      // A cycle's closing edge keeps its evidence as found, the method it sits in included (was refused).
      const cycles = (json.analyses as { cycles: { cycles: { edges: { evidence?: Record<string, unknown> }[] }[] } }).cycles.cycles;
      for (const e of cycles.flatMap((c) => c.edges)) if (e.evidence) e.evidence.member = 'checkout';
      expect(cycles.length).toBeGreaterThan(0);
      expect(() => validateAnalysis(json, fixture)).not.toThrow();
      const model = json.model as { modules: { id: unknown }[] };
      model.modules[1]!.id = 42;
      expect(() => validateAnalysis(json, fixture)).toThrow(UsageError);
      expect(() => validateAnalysis(json, fixture)).toThrow(`${fixture}: not a valid analysis (at $.model.modules[1].id: must be string)`);
    }
  });
});
