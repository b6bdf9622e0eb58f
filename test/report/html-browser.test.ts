/**
 * The HTML report in a real browser: Debian chromium driven by playwright-core (flags as DESIGN §7).
 * Checks the graph renders, search finds a module, a click on a context shows its modules, nothing
 * logs an error, and hostile names never run as script. Screenshots go to test-output/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { renderHtml } from '../../src/report/render-html.js';
import { savedAnalysis } from '../helpers/saved-analysis.js';
import { FIXTURES, tempRepo } from '../helpers/temp-repo.js';
import { figuresOf } from '../../src/page/what-if.js';
import { parseDecisionFile } from '../../src/config/read-decision-file.js';
import { diffAnalyses } from '../../src/report/diff-analyses.js';
// @ts-expect-error: the benchmark's generator is a plain ESM script without typings.
import { generateMonolith } from '../../bench/generate-monolith.js';

const SHOP = `${FIXTURES}/shop-monolith`;

const OUT = path.resolve('test-output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium); .ci/run does`);
  fs.mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => browser?.close());

/** Page count and text of a PDF (pdf.js), the text without whitespace (PDF text runs split words at will). */
async function readPdf(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((x) => ('str' in x ? x.str : '')).join('');
  }
  return { pages: doc.numPages, text: text.replace(/\s+/g, '') };
}

async function open(file: string) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && requests.push(r.url()));
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => (window as unknown as { __msaGraph?: { nodes(): number } }).__msaGraph?.nodes() !== undefined);
  return { page, errors, dialogs, requests };
}

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
