/**
 * `msa-split diff`: the same analysis is "no change"; a moved module, a merged context and a new
 * access of another context's table each show up, matched by modules rather than ids; Markdown golden.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAnalyses } from '../../src/report/diff-analyses.js';
import { renderDiff } from '../../src/report/render-diff.js';
import { renderJson } from '../../src/report/render-json.js';
import type { AnalysisResult } from '../../src/result/analysis-result.js';
import { cli } from '../helpers/run-cli.js';
import { savedAnalysis } from '../helpers/saved-analysis.js';
import { tempRepo } from '../helpers/temp-repo.js';

const base = savedAnalysis('shop');
const copy = (): AnalysisResult => structuredClone(base);
const ctxOf = (r: AnalysisResult, m: string) => r.decomposition!.contexts.find((c) => c.modules.includes(m))!;

describe('diffAnalyses', () => {
  it('finds no change between an analysis and itself, even with every context renumbered', () => {
    expect(diffAnalyses(base, base).same).toBe(true);
    const renamed = copy();
    renamed.decomposition!.contexts.forEach((c, i) => (c.id = `renamed-${i}`));
    renamed.plan!.steps.forEach((s) => (s.context = `renamed-${Number(s.context.slice(4)) - 1}`));
    const d = diffAnalyses(base, renamed);
    expect(d.moved).toEqual([]);
    expect(d.matched).toHaveLength(base.decomposition!.contexts.length);
    expect(d.same).toBe(true);
    expect(renderDiff(d, 'text')).toContain('no change');
  });

  it('shows a module moved to another context', () => {
    const next = copy();
    const from = ctxOf(next, 'src/ordering/checkout.ts');
    const to = ctxOf(next, 'src/payments/payment.ts');
    from.modules = from.modules.filter((m) => m !== 'src/ordering/checkout.ts');
    to.modules = [...to.modules, 'src/ordering/checkout.ts'].sort();
    const d = diffAnalyses(base, next);
    expect(d.moved).toEqual([{ module: 'src/ordering/checkout.ts', from: from.name, to: to.name }]);
    expect(d.same).toBe(false);
  });

  it('shows two contexts merged into one', () => {
    const next = copy();
    const a = ctxOf(next, 'src/shipping/shipment.ts');
    const b = ctxOf(next, 'src/customers/customer.ts');
    b.modules = [...b.modules, ...a.modules].sort();
    b.tables = [...b.tables, ...a.tables].sort();
    next.decomposition!.contexts = next.decomposition!.contexts.filter((c) => c !== a);
    next.plan!.steps = next.plan!.steps.filter((s) => s.context !== a.id);
    const d = diffAnalyses(base, next);
    expect(d.merged).toEqual([{ into: { id: b.id, name: b.name }, from: [a, b].map((c) => ({ id: c.id, name: c.name })).sort((x, y) => (x.id < y.id ? -1 : 1)) }]);
    // The merged context stands for both: nothing moved, no table changed hands, their mutual
    // dependencies are gone rather than reassigned.
    expect(d.moved).toEqual([]);
    expect(d.tableOwners).toEqual([]);
    expect(d.dependencies.added).toEqual([]);
    expect(d.dependencies.removed.filter((x) => x.from.endsWith('(gone)') || x.to.endsWith('(gone)'))).toEqual([]);
  });

  it("shows a new access of another context's table", () => {
    const next = copy();
    const orders = ctxOf(next, 'src/ordering/order.ts');
    const owned = next.decomposition!.contexts.find((c) => c.tables.includes('warehouses'))!;
    expect(owned.id).not.toBe(orders.id);
    next.model.data!.edges.push({ kind: 'table-access', from: 'src/ordering/order.ts', to: 'warehouses', mode: 'read', weight: 1, evidence: [{ file: 'src/ordering/order.ts', line: 1 }] });
    const d = diffAnalyses(base, next);
    expect(d.tableAccess.added).toEqual([{ table: 'warehouses', context: orders.name, owner: owned.name, mode: 'read' }]);
    expect(renderDiff(d, 'text')).toContain(`${orders.name} reads warehouses (owned by ${owned.name})`);
  });

  it('renders Markdown (golden), JSON and text, and the CLI compares two saved files', async () => {
    const next = copy();
    const from = ctxOf(next, 'src/ordering/checkout.ts');
    from.modules = from.modules.filter((m) => m !== 'src/ordering/checkout.ts');
    ctxOf(next, 'src/payments/payment.ts').modules.push('src/ordering/checkout.ts');
    const d = diffAnalyses(base, next);
    await expect(renderDiff(d, 'md')).toMatchFileSnapshot('__golden__/diff/diff.md');
    expect(JSON.parse(renderDiff(d, 'json')).moved).toHaveLength(1);
    const dir = tempRepo({ 'old.json': renderJson(base)[0]!.content, 'new.json': renderJson(next)[0]!.content }, 'analyses');
    const r = await cli(['diff', path.join(dir, 'old.json'), path.join(dir, 'new.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Modules moved (1)');
    const written = await cli(['diff', path.join(dir, 'old.json'), path.join(dir, 'new.json'), '--format', 'md', '--out', path.join(dir, 'diff.md')]);
    expect(written.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'diff.md'), 'utf8')).toBe(renderDiff(d, 'md'));
    const bad = await cli(['diff', path.join(dir, 'old.json'), path.join(dir, 'new.json'), '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown diff format 'pdf'; valid formats: text, md, json");
    const missing = await cli(['diff', path.join(dir, 'old.json'), path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    // report --compare: report.md opens with the changes (report.html's tab: test/report/html-browser.test.ts).
    const compared = await cli(['report', path.join(dir, 'new.json'), '--format', 'md', '--compare', path.join(dir, 'old.json'), '--out', path.join(dir, 'compared')]);
    expect(compared.code).toBe(0);
    const md = fs.readFileSync(path.join(dir, 'compared', 'report.md'), 'utf8');
    expect(md).toContain('## Changes since the earlier analysis');
    expect(md).toContain('| src/ordering/checkout.ts | ');
  });
});
