/**
 * report.html as the workshop's tool, in a real browser (test/helpers/browser.ts): the what-if agrees
 * with analyze --decomposition on the downloaded file, the printed hand-out, and a 1,000-module page
 * that stays readable and quick.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { renderHtml } from '../../src/report/render-html.js';
import { savedAnalysis } from '../helpers/saved-analysis.js';
import { FIXTURES, tempRepo } from '../helpers/temp-repo.js';
import { OUT, openPage as open, readPdf, useBrowser } from '../helpers/browser.js';
import { figuresOf } from '../../src/plan/headline-figures.js';
// @ts-expect-error: the benchmark's generator is a plain ESM script without typings.
import { generateMonolith } from '../../bench/generate-monolith.js';

const SHOP = `${FIXTURES}/shop-monolith`;

useBrowser();

describe('report.html for the workshop', () => {
  it('what-if: a move, a merge, a split and undo re-score in the page as analyze --decomposition does for the downloaded file', async () => {
    const result = await analyze(SHOP, { history: false });
    const file = path.join(OUT, 'shop-what-if.html');
    fs.writeFileSync(file, renderHtml(result)[0]!.content);
    const { page, errors, requests } = await open(file);
    expect(await page.locator('#whatif').textContent()).toContain('No change yet');
    const figures = () => page.locator('#whatif table.figures tr').evaluateAll((rows) => Object.fromEntries(rows.slice(1).map((r) => [(r as HTMLElement).dataset.figure, Number(r.children[2]!.textContent)])));
    // Move checkout to the payments context through the module panel.
    const payments = result.decomposition!.contexts.find((c) => c.modules.includes('src/payments/payment.ts'))!;
    const paymentsId = payments.name.replace(/[^a-z0-9]+/g, '-');
    await page.evaluate(() => (window as unknown as { __msaGraph: { showModule(id: string): void } }).__msaGraph.showModule('src/ordering/checkout.ts'));
    await page.selectOption('#side select[aria-label="move to"]', paymentsId);
    await page.click('#side button.move');
    const moved = await figures();
    expect(moved.contexts).toBe(result.decomposition!.contexts.length);
    expect(await page.locator('#whatif ol.log li').allTextContents()).toEqual([`Moved src/ordering/checkout.ts to ${paymentsId} (what-if in report.html)`]);
    // The graph follows: checkout now sits in payments.
    await page.evaluate(() => (window as unknown as { __msaGraph: { showModule(id: string): void } }).__msaGraph.showModule('src/ordering/checkout.ts'));
    expect(await page.locator('#side').textContent()).toContain(`context: ${payments.name}`);
    // Download, analyze the file: the same figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#whatif button:text("Download decision file")')]);
    const yaml = path.join(tempRepo({}, 'downloads'), 'msa-split.decomposition.yaml');
    await download.saveAs(yaml);
    const cli = await analyze(SHOP, { history: false, decomposition: yaml });
    expect(moved).toEqual(figuresOf(cli.scores!, cli.plan!));
    // Merge two contexts from the context panel, split one, undo both.
    const customers = result.decomposition!.contexts.find((c) => c.modules.includes('src/customers/customer.ts'))!;
    await page.evaluate((id) => (window as unknown as { __msaGraph: { tapContext(id: string): void } }).__msaGraph.tapContext(id), paymentsId);
    await page.selectOption('#side select[aria-label="merge into"]', customers.name.replace(/[^a-z0-9]+/g, '-'));
    await page.click('#side button.merge');
    expect((await figures()).contexts).toBe(result.decomposition!.contexts.length - 1);
    const catalog = result.decomposition!.contexts.find((c) => c.modules.includes('src/catalog/pricing.ts'))!;
    await page.evaluate((id) => (window as unknown as { __msaGraph: { tapContext(id: string): void } }).__msaGraph.tapContext(id), catalog.name.replace(/[^a-z0-9]+/g, '-'));
    await page.click('#side details summary:text("split: pick modules")');
    await page.check('#side input[value="src/catalog/pricing.ts"]');
    await page.fill('#side input[aria-label="name of the new context"]', 'Pricing');
    await page.click('#side button.split');
    expect((await figures()).contexts).toBe(result.decomposition!.contexts.length);
    expect(await page.evaluate(() => (window as unknown as { __msaWhatIf: { text(): string } }).__msaWhatIf.text())).toContain('  - id: pricing\n    name: Pricing\n    modules:\n      - src/catalog/pricing.ts\n');
    await page.click('#whatif button:text("Undo")');
    await page.click('#whatif button:text("Undo")');
    expect(await figures()).toEqual(moved);
    await page.click('#whatif button:text("Undo")');
    expect(await page.locator('#whatif').textContent()).toContain('No change yet');
    expect(await page.locator('#whatif button:text("Undo")').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }, 60_000);

  it('prints the whole workshop hand-out: every section, unfolded plan lists, at least 4 pages', async () => {
    const result = savedAnalysis('shop');
    const file = path.join(OUT, 'shop-handout.html');
    fs.writeFileSync(file, renderHtml(result)[0]!.content);
    const { page, errors, requests } = await open(file);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(OUT, 'shop-handout.pdf'), pdf);
    const { pages, text } = await readPdf(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (const title of ['Summary', 'Contexts', 'Why each context holds together', 'Table ownership', 'Data verdicts', 'Migration plan', 'Decisions', 'Split checks', 'Dependency matrix', 'History', 'Diagnostics']) expect(text).toContain(title.replace(/\s+/g, ''));
    // Plan lists print unfolded, the pilot's modules among them; the summary names the pilot.
    const pilot = result.plan!.steps.find((s) => s.pilot)!;
    expect(text).toContain(`Pilot${pilot.name}`.replace(/\s+/g, ''));
    expect(text).toContain(`Modules (${pilot.modules.length})`.replace(/\s+/g, ''));
    // Screen controls never print.
    expect(text).not.toContain('Print hand-out');
    expect(text).not.toContain('search modules');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('stays readable and quick at 1,000 modules: contexts view, all modules in context blocks, filtered edges, minimap, clustered DSM, search', async () => {
    const repo = path.join(tempRepo({}, 'big'), 'monolith');
    generateMonolith(repo, { areas: 10, foldersPerArea: 5, filesPerFolder: 19, kernelFiles: 60 });
    // Imports are enough to draw (no call stage): the page is what is under test.
    const result = await analyze(repo, { history: false, runs: 3, symbols: false });
    expect(result.model.modules.length).toBeGreaterThanOrEqual(1000);
    const file = path.join(OUT, 'big-report.html');
    fs.writeFileSync(file, renderHtml(result)[0]!.content);
    // The budgets: the context view in < 2 s, search in < 300 ms (a 1,000-module page), both
    // measured by the page itself from the start of navigation (browser start-up is not the page's).
    const { page, errors, requests } = await open(file);
    const contextViewMs = await page.evaluate(() => (window as unknown as { __msaReadyMs: number }).__msaReadyMs);
    expect(contextViewMs).toBeGreaterThan(0);
    expect(contextViewMs).toBeLessThan(2000);
    expect(await page.evaluate(() => (window as unknown as { __msaGraph: { nodes(): number } }).__msaGraph.nodes())).toBeLessThan(40);
    const searchMs = await page.evaluate(() => {
      const input = document.getElementById('search') as HTMLInputElement;
      const t0 = performance.now();
      input.value = 'unit7';
      input.dispatchEvent(new Event('input'));
      return performance.now() - t0;
    });
    expect(searchMs).toBeLessThan(300);
    expect(await page.locator('#hits li').count()).toBeGreaterThan(0);
    // All modules: one node per module plus one block per context; edges across contexts only, at most 2,000.
    await page.click('#graphbar button.view-all');
    const all = await page.evaluate(() => {
      const g = (window as unknown as { __msaGraph: { nodes(): number; edges(): number; level(): string } }).__msaGraph;
      return { nodes: g.nodes(), edges: g.edges(), level: g.level() };
    });
    expect(all.level).toBe('all');
    expect(all.nodes).toBeGreaterThanOrEqual(result.model.modules.length);
    expect(all.edges).toBeLessThanOrEqual(2000);
    expect(await page.locator('#graphbar .edge-filter').textContent()).toMatch(/\d+ of \d+ matching edges drawn/);
    // Filtering: unticking a kind drops its edges; a weight no edge reaches leaves none.
    await page.locator('#graphbar .edge-filter input[type=checkbox][value="import"]').uncheck();
    expect(await page.evaluate(() => (window as unknown as { __msaGraph: { edges(): number } }).__msaGraph.edges())).toBeLessThan(all.edges);
    await page.fill('#graphbar input[aria-label="minimum edge weight"]', '1000000');
    await page.dispatchEvent('#graphbar input[aria-label="minimum edge weight"]', 'change');
    expect(await page.evaluate(() => (window as unknown as { __msaGraph: { edges(): number } }).__msaGraph.edges())).toBe(0);
    // The minimap draws something; the module DSM has a canvas of the modules.
    expect(await page.evaluate(() => { const c = document.getElementById('minimap') as HTMLCanvasElement; const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++; return n; })).toBeGreaterThan(100);
    await page.click('nav button[data-tab="dsm"]');
    expect(await page.locator('#dsm canvas.dsm').getAttribute('aria-label')).toBe(`dependency matrix of ${result.model.modules.length} modules ordered by context`);
    await page.click('nav button[data-tab="graph"]');
    await page.screenshot({ path: path.join(OUT, 'big-report.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }, 120_000);

});
