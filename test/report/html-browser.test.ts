/**
 * The HTML report in a real browser (Debian chromium, playwright-core: test/helpers/browser.ts): the
 * graph renders, search finds a module, a click on a context shows its modules, the split checks and
 * the plan, the changes since an earlier analysis, and hostile names never run as script.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { renderHtml } from '../../src/report/render-html.js';
import { savedAnalysis } from '../helpers/saved-analysis.js';
import { tempRepo } from '../helpers/temp-repo.js';
import { OUT, openPage as open, useBrowser } from '../helpers/browser.js';
import { parseDecisionFile } from '../../src/config/read-decision-file.js';
import { diffAnalyses } from '../../src/report/diff-analyses.js';

useBrowser();

describe('report.html in chromium', () => {
  it('renders the context graph, searches modules, drills into a context, without errors or network', async () => {
    const result = savedAnalysis('shop-runs5');
    const file = path.join(OUT, 'shop-report.html');
    fs.writeFileSync(file, renderHtml(result)[0]!.content);
    const { page, errors, requests } = await open(file);
    const nodes = await page.evaluate(() => (window as unknown as { __msaGraph: { nodes(): number } }).__msaGraph.nodes());
    expect(nodes).toBe(result.decomposition!.contexts.length + 1); // contexts + the kernel
    expect(await page.locator('#cy canvas').count()).toBeGreaterThan(0);
    await page.fill('#search', 'payment-serv');
    expect((await page.locator('#hits li .hit').allTextContents()).map((x) => x.trim())).toEqual(['src/payments/payment-service.ts']);
    expect(await page.locator('#hits li .badge').allTextContents()).toEqual(['application', 'server']);
    const ordering = result.decomposition!.contexts.find((c) => c.modules.includes('src/ordering/order-service.ts'))!;
    await page.evaluate((id) => (window as unknown as { __msaGraph: { tapContext(id: string): void } }).__msaGraph.tapContext(id), ordering.id);
    const drilled = await page.evaluate(() => (window as unknown as { __msaGraph: { nodes(): number; level(): string } }).__msaGraph);
    expect(await page.evaluate(() => (window as unknown as { __msaGraph: { level(): string } }).__msaGraph.level())).toBe(ordering.id);
    expect(drilled).toBeDefined();
    expect(await page.evaluate(() => (window as unknown as { __msaGraph: { nodes(): number } }).__msaGraph.nodes())).toBeGreaterThanOrEqual(ordering.modules.length);
    await page.click('nav button[data-tab="plan"]');
    expect(await page.locator('#plan li').first().textContent()).toMatch(/pilot/);
    await page.click('nav button[data-tab="graph"]');
    await page.screenshot({ path: path.join(OUT, 'report.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('shows the split checks of an analysis with history, and the tests to write first in the plan', async () => {
    const result = savedAnalysis('shop');
    const file = path.join(OUT, 'shop-checks.html');
    fs.writeFileSync(file, renderHtml(result)[0]!.content);
    const { page, errors, requests } = await open(file);
    await page.click('nav button[data-tab="checks"]');
    expect(await page.locator('#checks h3').allTextContents()).toEqual(['Test safety net', 'Change smells', 'Ubiquitous language', 'Size per context', 'Reuse or rewrite: the evidence']);
    const divergent = page.locator('#checks table').nth(1);
    expect(await divergent.locator('td').first().textContent()).toBe('src/ordering/checkout.ts');
    expect(await page.locator('#checks').textContent()).toContain('Product');
    await page.click('nav button[data-tab="plan"]');
    // Steps are short: each list folded under its count, modules grouped by folder.
    const customers = result.plan!.steps.find((s) => s.context === result.decomposition!.contexts.find((c) => c.modules.includes('src/customers/customer.ts'))!.id)!;
    const step = page.locator('#plan > ol > li').nth(customers.step - 1);
    expect(await step.locator('details summary').allTextContents()).toContain(`Write these tests first (${customers.testsFirst!.untestedApiCalls.length + 1})`);
    expect(await step.locator('details:has(summary:text-matches("^Write these tests first")) li').first().textContent()).toBe('src/ordering/checkout.ts -> src/customers/customer-service.ts (x1, no test reaches the caller)');
    expect(await step.locator('details:has(summary:text-matches("^Modules")) li').allTextContents()).toEqual([`src/customers/ (${customers.modules.filter((m) => m.startsWith('src/customers/')).length}): ${customers.modules.filter((m) => m.startsWith('src/customers/')).map((m) => m.slice('src/customers/'.length)).join(', ')}`, ...(customers.modules.some((m) => !m.startsWith('src/customers/')) ? [expect.any(String)] : [])]);
    expect(await step.locator('details').first().getAttribute('open')).toBeNull();
    // A colour per context and a legend; a context explains what holds it together; a module why it sits there and its next-best context.
    await page.click('nav button[data-tab="graph"]');
    const legend = await page.locator('#side ul.legend li').allTextContents();
    expect(legend).toHaveLength(result.decomposition!.contexts.length + 1);
    const colours = await page.locator('#side ul.legend .swatch').evaluateAll((xs) => xs.map((x) => (x as HTMLElement).style.background));
    expect(new Set(colours).size).toBe(colours.length);
    const ordering = result.decomposition!.contexts.find((c) => c.modules.includes('src/ordering/cart.ts'))!;
    await page.evaluate((id) => (window as unknown as { __msaGraph: { tapContext(id: string): void } }).__msaGraph.tapContext(id), ordering.id);
    const contextSide = (await page.locator('#side').textContent()) ?? '';
    expect(contextSide).toContain('held together by');
    expect(contextSide).toContain('owns order_lines, orders');
    expect(contextSide).toMatch(/tests: \d+ files reach \d+% of its lines/);
    await page.evaluate(() => (window as unknown as { __msaGraph: { showModule(id: string): void } }).__msaGraph.showModule('src/ordering/checkout.ts'));
    const moduleSide = (await page.locator('#side').textContent()) ?? '';
    const why = result.explanations!.modules.find((x) => x.module === 'src/ordering/checkout.ts')!;
    expect(moduleSide).toContain(`held here by ${why.strongestInside!.module}`);
    expect(moduleSide).toContain(`next best: ${result.decomposition!.contexts.find((c) => c.id === why.strongestElsewhere!.context)!.name}`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('shows the changes since an earlier analysis in a tab of its own (report --compare), and no such tab without', async () => {
    const old = savedAnalysis('shop');
    const next = structuredClone(old);
    const from = next.decomposition!.contexts.find((c) => c.modules.includes('src/ordering/checkout.ts'))!;
    from.modules = from.modules.filter((m) => m !== 'src/ordering/checkout.ts');
    next.decomposition!.contexts.find((c) => c.modules.includes('src/payments/payment.ts'))!.modules.push('src/ordering/checkout.ts');
    const file = path.join(OUT, 'shop-changes.html');
    fs.writeFileSync(file, renderHtml(next, { changes: diffAnalyses(old, next) })[0]!.content);
    const { page, errors } = await open(file);
    await page.click('nav button[data-tab="changes"]');
    expect(await page.locator('#changes h4').allTextContents()).toEqual(['Modules moved (1)']);
    expect(await page.locator('#changes td').first().textContent()).toBe('src/ordering/checkout.ts');
    const plain = path.join(OUT, 'shop-no-changes.html');
    fs.writeFileSync(plain, renderHtml(old)[0]!.content);
    const second = await open(plain);
    expect(await second.page.locator('nav button[data-tab="changes"]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });

  it('shows hostile module and table names as text and runs none of them', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const repo = tempRepo({
      'package.json': '{"dependencies":{"pg":"8"}}',
      [`src/${evil}.ts`]: 'export const x = 1;\n',
      'src/a.ts': `import { x } from './${evil}';\ndeclare const db: { query(s: string): void };\nexport const q = () => db.query('SELECT * FROM "evil</script><script>alert(2)</script>" WHERE id = $1');\nexport const y = x;\n`,
      'db/V1__t.sql': 'CREATE TABLE "evil</script><script>alert(2)</script>" (id INT PRIMARY KEY);\n',
    });
    const result = await analyze(repo, { history: false, runs: 2 });
    const file = path.join(OUT, 'hostile-report.html');
    fs.writeFileSync(file, renderHtml(result)[0]!.content);
    const { page, errors, dialogs } = await open(file);
    await page.fill('#search', 'onerror');
    expect((await page.locator('#hits li .hit').allTextContents()).map((x) => x.trim())).toEqual([`src/${evil}.ts`]);
    await page.click('nav button[data-tab="tables"]');
    expect(await page.locator('#tables').textContent()).toContain('evil</script><script>alert(2)</script>');
    await page.click('nav button[data-tab="checks"]');
    expect(await page.locator('#checks').textContent()).toContain(evil);
    // Through the what-if: the hostile module moves, the page stays text, the file it writes reads back.
    await page.click('nav button[data-tab="graph"]');
    const text = await page.evaluate((m) => {
      const w = (window as unknown as { __msaWhatIf: { move(ms: string[], t: string): void; text(): string } }).__msaWhatIf;
      w.move([m], 'kernel');
      return w.text();
    }, `src/${evil}.ts`);
    expect(parseDecisionFile(text, 'downloaded.yaml').kernel).toContain(`src/${evil}.ts`);
    expect(await page.locator('#whatif ol.log li').allTextContents()).toEqual([`Moved src/${evil}.ts to kernel (what-if in report.html)`]);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
