#!/usr/bin/env node
// Writes the saved analyses the reporter goldens render from (test/report/saved/*.analysis.json), so a
// change to an analysis does not move every golden file at once: the reporters are tested on a fixed
// input, the analyses by their own tests. Run after `npm run build` when the result schema changes
// (the report tests read these files through the schema check and fail when they no longer fit).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { analyze, renderReports } from '../dist/index.js';
import { buildShopHistory } from '../fixtures/build-shop-history.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shop = path.join(root, 'fixtures', 'shop-monolith');
const out = path.join(root, 'test', 'report', 'saved');
fs.mkdirSync(out, { recursive: true });
// 'shop' has the fixture's built history (change smells, size and rewrite signals need it); 'shop-runs5' has none.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-saved-'));
const withHistory = buildShopHistory(path.join(work, 'shop-monolith'));
for (const [name, target, options] of [
  ['shop', withHistory, {}],
  ['shop-runs5', shop, { history: false, runs: 5 }],
]) {
  const [json] = await renderReports(await analyze(target, options), ['json']);
  fs.writeFileSync(path.join(out, `${name}.analysis.json`), json.content);
  console.log(`wrote test/report/saved/${name}.analysis.json (${json.content.length} bytes)`);
}
fs.rmSync(work, { recursive: true, force: true });
