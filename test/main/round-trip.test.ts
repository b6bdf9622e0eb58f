/**
 * analysis.json written by `analyze` is read back by `report` (through the schema check) for every
 * section, history included: a repository with a git history and a database, analysed with the
 * default options, round-trips.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { readAnalysisFile } from '../../src/main/read-analysis-file.js';
import { renderJson } from '../../src/report/render-json.js';
import { commit, hour, initRepo } from '../helpers/git-repo.js';

describe('analysis.json round trip', () => {
  it('reads back what analyze wrote, with history (its settings included) and data', async () => {
    const repo = initRepo();
    commit(repo, { date: hour(1), files: { 'package.json': '{"dependencies":{"pg":"8"}}', 'src/orders/order.ts': "export const q = 'SELECT id FROM orders';\n", 'db/schema.sql': 'CREATE TABLE orders (id int primary key);\n' } });
    commit(repo, { date: hour(2), files: { 'src/orders/order.ts': "import { b } from '../billing/bill';\nexport const q = 'SELECT id FROM orders' + b;\n", 'src/billing/bill.ts': "export const b = '';\n" } });
    commit(repo, { date: hour(3), files: { 'src/orders/order.ts': "import { b } from '../billing/bill';\nexport const q = 'SELECT id, total FROM orders' + b;\n", 'src/billing/bill.ts': "export const b = ' ';\n" } });
    const result = await analyze(repo, {});
    expect(result.model.history?.available).toBe(true);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-rt-')), 'analysis.json');
    fs.writeFileSync(file, renderJson(result)[0]!.content);
    const back = readAnalysisFile(file);
    expect(back.model.history!.settings).toEqual(result.model.history!.settings);
    expect(renderJson(back)[0]!.content).toBe(fs.readFileSync(file, 'utf8'));
  });
});
