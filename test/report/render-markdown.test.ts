import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { mdText, renderMarkdown } from '../../src/report/render-markdown.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderReports } from '../../src/report/registry.js';
import { savedAnalysis } from '../helpers/saved-analysis.js';
import { tempRepo } from '../helpers/temp-repo.js';

describe('renderMarkdown', () => {
  it('matches the golden report of the shop fixture', async () => {
    const [file] = renderMarkdown(savedAnalysis('shop'));
    expect(file!.name).toBe('report.md');
    await expect(file!.content).toMatchFileSnapshot('__golden__/shop-monolith.report.md');
  });

  it('escapes repository-supplied names: HTML, pipes, newlines and emphasis', async () => {
    expect(mdText('<img src=x onerror=alert(1)>.ts')).toBe('&lt;img src=x onerror=alert(1)&gt;.ts');
    expect(mdText('a|b\nc_d*e')).toBe('a\\|b c\\_d\\*e');
    const repo = tempRepo({ 'src/<img src=x onerror=alert(1)>.ts': 'export const x = 1;\n', 'src/a|b.ts': "import { x } from './<img src=x onerror=alert(1)>';\nexport const y = x;\n" });
    const md = renderMarkdown(await analyze(repo))[0]!.content;
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;.ts');
  });
});

describe('renderReports', () => {
  it('renders each requested format once, files sorted by name', async () => {
    const result = await analyze(tempRepo({ 'a.ts': 'export const a = 1;\n' }));
    expect((await renderReports(result, ['md', 'json', 'md'])).map((f) => f.name)).toEqual(['analysis.json', 'report.md']);
    expect(renderJson(result)[0]!.content.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
    await expect(renderReports(result, ['pdf'])).rejects.toThrow("unknown format 'pdf'; valid formats: json, md, decomposition, html, csv, cml, structurizr, dot, mermaid, graphml, svg");
  });
});
