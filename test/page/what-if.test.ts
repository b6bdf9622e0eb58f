/**
 * The page's what-if agrees with analyze to the last digit: the embedded data (as the page parses it
 * from JSON), edited by the page's moves, evaluated by the page's engine, gives the scores and plan that
 * `analyze --decomposition` computes for the downloaded file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import type { DecisionFile } from '../../src/model/decision-file.js';
import { mergeContexts, moveModules, splitContext } from '../../src/page/decision-edits.js';
import type { WhatIfData } from '../../src/page/page-data.js';
import { evaluate } from '../../src/page/what-if.js';
import { figuresOf } from '../../src/plan/headline-figures.js';
import { decisionFileText } from '../../src/report/decision-file-text.js';
import { whatIfData } from '../../src/report/what-if-data.js';
import type { AnalysisResult } from '../../src/result/analysis-result.js';
import { FIXTURES, tempRepo } from '../helpers/temp-repo.js';

const SHOP = `${FIXTURES}/shop-monolith`;

describe('the what-if engine', () => {
  let result: AnalysisResult;
  let data: WhatIfData;
  let dir: string;
  beforeAll(async () => {
    result = await analyze(SHOP, { history: false });
    // What the page reads: the data after a JSON round trip.
    data = JSON.parse(JSON.stringify(whatIfData(result))) as WhatIfData;
    dir = tempRepo({}, 'decisions');
  }, 60_000);

  /** analyze --decomposition of the file the page would download. */
  async function analyzeFile(file: DecisionFile, name: string): Promise<AnalysisResult> {
    const at = path.join(dir, `${name}.yaml`);
    fs.writeFileSync(at, decisionFileText(file));
    return analyze(SHOP, { history: false, decomposition: at });
  }

  it('starts from the analysis: the same figures as analyze printed', () => {
    const base = evaluate(data, data.base);
    expect(base.figures).toEqual(figuresOf(result.scores!, result.plan!));
    expect(base.scores.global).toEqual(result.scores!.global);
  });

  const ctxOf = (file: DecisionFile, module: string) => evaluate(data, file).decomposition.contexts.find((c) => c.modules.includes(module))?.id;

  it.each([
    ['moving a module', (f: DecisionFile) => moveModules(f, ['src/ordering/checkout.ts'], ctxOf(f, 'src/payments/payment.ts')!)],
    ['moving a whole folder', (f: DecisionFile) => moveModules(f, ['src/reporting/sales-report.ts', 'src/jobs/expire-carts-job.ts', 'src/jobs/reorder-stock-job.ts'], ctxOf(f, 'src/catalog/product.ts')!)],
    ['pinning a module to the kernel', (f: DecisionFile) => moveModules(f, ['src/customers/address.ts'], 'kernel')],
    ['pinning a module to the platform', (f: DecisionFile) => moveModules(f, ['src/jobs/scheduler.ts'], 'platform')],
    [
      'merging two contexts',
      (f: DecisionFile) => {
        const e = evaluate(data, f).decomposition;
        const from = ctxOf(f, 'src/shipping/shipment.ts')!;
        return mergeContexts(f, from, ctxOf(f, 'src/customers/customer.ts')!, e.contexts.find((c) => c.id === from)!.modules);
      },
    ],
    ['splitting a context', (f: DecisionFile) => splitContext(f, ['src/catalog/pricing.ts', 'src/catalog/product-search.ts'], 'Pricing & search').file],
  ])('%s: the page shows what analyze --decomposition computes for the downloaded file', async (name, edit) => {
    const file = edit(data.base);
    const page = evaluate(data, file);
    const cli = await analyzeFile(file, name.replace(/\W+/g, '-'));
    expect(page.figures).toEqual(figuresOf(cli.scores!, cli.plan!));
    expect(page.scores).toEqual(cli.scores);
    expect(page.plan.steps.map((s) => [s.name, s.cost, s.modules])).toEqual(cli.plan!.steps.map((s) => [s.name, s.cost, s.modules]));
    // And the edit did something.
    expect(page.figures).not.toEqual(evaluate(data, data.base).figures);
  }, 30_000);

  it('a merge keeps what both contexts published', () => {
    const withApi: DecisionFile = { ...data.base, contexts: data.base.contexts.map((c, i) => (i < 2 ? { ...c, api: [`api-of-${c.id}`] } : c)) };
    const [a, b] = withApi.contexts;
    const merged = mergeContexts(withApi, a!.id, b!.id, []).contexts.find((c) => c.id === b!.id)!;
    expect(merged.api).toEqual([`api-of-${b!.id}`, `api-of-${a!.id}`]);
  });

  it('records each edit in the decision log, and a split gets a fresh id', () => {
    const { file, id } = splitContext(data.base, ['src/catalog/pricing.ts'], 'Pricing');
    expect(id).toBe('pricing');
    expect(file.contexts.at(-1)).toEqual({ id: 'pricing', name: 'Pricing', modules: ['src/catalog/pricing.ts'] });
    expect(splitContext(file, ['src/catalog/category.ts'], 'Pricing').id).toBe('pricing-2');
    expect(file.decisions!.at(-1)!.what).toBe('Split src/catalog/pricing.ts off as pricing (what-if in report.html)');
    expect(evaluate(data, file).decomposition.contexts.find((c) => c.id === 'pricing')!.modules).toEqual(['src/catalog/pricing.ts']);
  });
});
