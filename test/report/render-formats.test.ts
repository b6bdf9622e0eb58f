/**
 * Golden files for every format on the shop fixture (history off: the fixture's git history is the
 * project's own), and each format's own escaping of hostile names.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { CYTOSCAPE_JS } from '../../src/report/generated/browser-assets.js';
import { renderGraph, renderReports } from '../../src/report/registry.js';
import { dotString } from '../../src/report/graph-formats/dot.js';
import { mermaidText } from '../../src/report/graph-formats/mermaid.js';
import { csvCell, xmlText } from '../../src/report/graph-text.js';
import { scriptJson } from '../../src/report/render-html.js';
import { savedAnalysis } from '../helpers/saved-analysis.js';
import { tempRepo } from '../helpers/temp-repo.js';

// Rendered from a saved analysis: the reporters' goldens move only when a reporter changes.
const shop = savedAnalysis('shop-runs5');
const files = await renderReports(shop, ['dot', 'mermaid', 'graphml', 'csv', 'svg', 'html']);
const file = (name: string) => files.find((f) => f.name === name)!.content;

describe('graph and table formats on the fixture', () => {
  it('writes the context graph as TGF: numbered nodes, #, weighted edges between those numbers', async () => {
    const tgf = await renderGraph(shop, 'context', 'tgf');
    const [nodes, edges] = tgf.trimEnd().split('\n#\n') as [string, string];
    const ids = nodes.split('\n').map((l) => Number(l.split(' ')[0]));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    expect(nodes).toContain(`${ids.length} shared kernel`);
    for (const line of edges.split('\n')) {
      const [from, to, weight] = line.split(' ').map(Number);
      expect(ids).toContain(from);
      expect(ids).toContain(to);
      expect(weight).toBeGreaterThan(0);
    }
  });

  it.each(['graph-contexts.dot', 'graph-modules.dot', 'graph-tables.dot', 'graph-contexts.mmd', 'graph-modules.mmd', 'graph-tables.mmd', 'graph-contexts.graphml', 'graph-tables.graphml', 'modules.csv', 'edges.csv', 'graph-contexts.svg', 'graph-tables.svg'])(
    '%s matches its golden file',
    async (name) => {
      await expect(file(name)).toMatchFileSnapshot(`__golden__/formats/${name}`);
    },
  );

  it('report.html matches its golden file (the inlined cytoscape library left out) and needs no network', async () => {
    const html = file('report.html');
    expect(html).toContain(CYTOSCAPE_JS);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|@import/);
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"`);
    await expect(html.replace(CYTOSCAPE_JS, '/* cytoscape */')).toMatchFileSnapshot('__golden__/formats/report.html');
  });

  it('collapses the module graph to contexts in Mermaid past 60 modules, and says so', () => {
    expect(shop.model.modules.length).toBeGreaterThan(60);
    expect(file('graph-modules.mmd')).toMatch(/%% collapsed to contexts: \d+ modules/);
  });

  it('renders the same bytes twice', async () => {
    const again = await renderReports(shop, ['dot', 'mermaid', 'graphml', 'csv', 'svg', 'html']);
    expect(again.map((f) => f.content)).toEqual(files.map((f) => f.content));
  });
});

describe('escaping of hostile names in every format', () => {
  const evil = '<img src=x onerror=alert(1)>';
  it('quotes each format its own way', () => {
    expect(dotString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(mermaidText(`${evil} "q" #`)).toBe('#lt;img src=x onerror=alert(1)#gt; #quot;q#quot; #35;');
    expect(xmlText(`${evil}&'"`)).toBe('&lt;img src=x onerror=alert(1)&gt;&amp;&apos;&quot;');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(scriptJson({ name: '</script><script>alert(1)</script>' })).toBe('{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}');
  });

  it('keeps an author name with markup characters as text (git itself drops < and > from names)', async () => {
    const { initRepo, commit, hour } = await import('../helpers/git-repo.js');
    const repo = initRepo();
    for (let i = 0; i < 3; i++) commit(repo, { date: hour(i), author: '<b>Eve & "Mallory"</b>', email: 'eve@x.test', files: { 'src/a.ts': `export const a = ${i};\n` } });
    const result = await analyze(repo, { runs: 2 });
    const name = result.model.history!.authors[0]!.name;
    expect(name).toBe('bEve & "Mallory"/b'); // git stores '<b>Eve & "Mallory"</b>' without < and >
    const out = await renderReports(result, ['md', 'html']);
    const md = out.find((f) => f.name === 'report.md')!.content;
    expect(md).toContain('bEve &amp; "Mallory"/b');
    const html = out.find((f) => f.name === 'report.html')!.content.replace(CYTOSCAPE_JS, '');
    expect(html).not.toContain('Eve & ');
  });

  it('keeps repository-supplied names as text in every rendered file', async () => {
    const repo = tempRepo({
      'package.json': '{"dependencies":{"pg":"8"}}',
      [`src/${evil}.ts`]: 'export const x = 1;\n',
      'src/a.ts': `import { x } from './${evil}';\nexport const q = () => db.query('SELECT * FROM "evil</script><script>alert(2)</script>" WHERE id = $1');\ndeclare const db: { query(s: string): void };\nexport const y = x;\n`,
      'db/V1__t.sql': 'CREATE TABLE "evil</script><script>alert(2)</script>" (id INT PRIMARY KEY);\n',
    });
    const result = await analyze(repo, { history: false, runs: 2 });
    expect(result.model.modules.map((m) => m.id)).toContain(`src/${evil}.ts`);
    const out = await renderReports(result, ['md', 'html', 'dot', 'mermaid', 'graphml', 'csv', 'svg']);
    const get = (name: string) => out.find((f) => f.name === name)!.content;
    // Formats a browser or viewer may interpret as markup: no raw tag survives.
    for (const f of out.filter((x) => /\.(md|html|svg|graphml)$/.test(x.name))) {
      expect(f.content, f.name).not.toContain('<img src=x');
      expect(f.content.replace(CYTOSCAPE_JS, ''), f.name).not.toContain('<script>alert(2)');
    }
    // Text formats keep the name, inside their own quoting.
    expect(get('graph-modules.dot')).toContain(`"src/${evil}.ts"`);
    expect(get('graph-tables.dot')).toContain('"evil</script><script>alert(2)</script>"');
    expect(get('graph-modules.mmd')).toContain('#lt;img src=x onerror=alert(1)#gt;');
    expect(get('graph-modules.mmd')).not.toContain('<img');
    expect(get('modules.csv')).toContain(`src/${evil}.ts,`);
  });
});
