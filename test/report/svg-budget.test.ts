/**
 * A graph layout past its budget is stopped, and the SVG says what was not drawn and where the graph
 * is, while the other drawings and reports go on. The layout runs on a worker thread from the built
 * modules (dist/), so this runs them in a child process: a 1,000-table schema with dense foreign keys
 * (minutes to lay out) under a 50 ms budget, and the shop's contexts under the default one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { savedAnalysis } from '../helpers/saved-analysis.js';
import { tempRepo } from '../helpers/temp-repo.js';

describe('SVG layout budget', () => {
  it('stops a layout at its budget with a note, and draws the rest', () => {
    const result = savedAnalysis('shop') as unknown as { model: { data: { tables: Record<string, unknown>[]; edges: Record<string, unknown>[] } } };
    const data = result.model.data;
    const template = data.tables[0]!;
    for (let i = 0; i < 1000; i++) data.tables.push({ ...template, id: `t${i}`, name: `t${i}` });
    const fk = data.edges.find((e) => e.kind === 'foreign-key')!;
    for (let i = 0; i < 1000; i++) for (const j of [1, 7, 31, 127]) data.edges.push({ ...fk, from: `t${i}`, to: `t${(i + j) % 1000}` });
    const dir = tempRepo({ 'analysis.json': JSON.stringify(result) }, 'svg-budget');
    const registry = pathToFileURL(path.resolve('dist/report/registry.js')).href;
    const script = `import fs from 'node:fs'; import { renderReports } from ${JSON.stringify(registry)};
      const result = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(dir, 'analysis.json'))}, 'utf8'));
      const files = await renderReports(result, ['svg'], () => {}, { layoutBudgetMs: 50 });
      console.log(JSON.stringify(Object.fromEntries(files.map((f) => [f.name, f.content]))));`;
    const files = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, string>;
    const tables = data.tables.length;
    expect(files['graph-tables.svg']).toMatch(new RegExp(`>${tables} tables, \\d+ edges: not drawn, the layout took longer than its 0.05 s budget; the graph is in graph-tables.dot \\(--format dot\\), the overview in graph-contexts.svg<`));
    expect(files['graph-tables.svg']).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // The shop as it is: every level drawn (nodes as Graphviz groups) within the default budget.
    fs.writeFileSync(path.join(dir, 'shop.json'), JSON.stringify(savedAnalysis('shop')));
    const plain = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script.replace('analysis.json', 'shop.json').replace(', { layoutBudgetMs: 50 }', '')], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, string>;
    for (const level of ['contexts', 'tables']) expect(plain[`graph-${level}.svg`], level).toContain('class="node"');
  }, 120_000);
});
