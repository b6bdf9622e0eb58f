#!/usr/bin/env node
// Writes schema/decomposition.schema.json (the decision file, from src/model/decision-file.ts),
// schema/msa-split.config.schema.json from the option table (dist/config/config-schema.js: run
// after `npm run build`), and generates schema/analysis.schema.json (JSON Schema draft-07) from the result types in
// src/result/analysis-result.ts with ts-json-schema-generator: `msa-split report` validates every
// analysis.json against it, and test/result/analysis-schema.test.ts fails when the committed file no
// longer matches the types. Run `npm run schema` after changing a result type.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A draft-07 schema of `type` in `source`, no additional properties anywhere. */
function generate(source, type, id, title) {
  const schema = createGenerator({
    path: path.join(root, source),
    tsconfig: path.join(root, 'tsconfig.json'),
    type,
    topRef: false,
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema(type);
  return JSON.stringify({ $id: `https://msa-split.dev/schema/${id}`, title, ...schema }, null, 2) + '\n';
}

export function generateAnalysisSchema() {
  return generate('src/result/analysis-result.ts', 'AnalysisResult', 'analysis.schema.json', 'msa-split analysis.json');
}

/** schema/decomposition.schema.json: the decision file's schema, from src/model/decision-file.ts. */
export function generateDecompositionSchema() {
  return generate('src/model/decision-file.ts', 'DecisionFile', 'decomposition.schema.json', 'msa-split decision file (msa-split.decomposition.yaml)');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(root, 'schema', 'analysis.schema.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, generateAnalysisSchema());
  console.log(`wrote ${path.relative(root, out)}`);
  const decisions = path.join(root, 'schema', 'decomposition.schema.json');
  fs.writeFileSync(decisions, generateDecompositionSchema());
  console.log(`wrote ${path.relative(root, decisions)}`);
  const { buildConfigSchema } = await import('../dist/config/config-schema.js');
  const config = path.join(root, 'schema', 'msa-split.config.schema.json');
  fs.writeFileSync(config, JSON.stringify(buildConfigSchema(), null, 2) + '\n');
  console.log(`wrote ${path.relative(root, config)}`);
}
