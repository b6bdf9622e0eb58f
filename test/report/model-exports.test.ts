/**
 * The exports for modelling tools (Context Mapper CML, Structurizr DSL): golden files on the shop,
 * and each read back with a reader of our own for the subset they write (no npm package parses CML or
 * the Structurizr DSL): the same contexts, aggregates and relationships as the analysis's context map.
 */
import { describe, expect, it } from 'vitest';
import { contextMap } from '../../src/report/context-map.js';
import { renderReports } from '../../src/report/registry.js';
import { cmlString } from '../../src/report/render-cml.js';
import { dslString } from '../../src/report/render-structurizr.js';
import type { AnalysisResult } from '../../src/result/analysis-result.js';
import { savedAnalysis } from '../helpers/saved-analysis.js';

const shop = savedAnalysis('shop');
const [cml, dsl] = await renderReports(shop, ['cml', 'structurizr']);

/** The CML subset msa-split writes: bounded contexts with aggregates and entities, and map relationships. */
function readCml(text: string) {
  const body = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const contexts = [...body.matchAll(/^BoundedContext (\w+) \{$/gm)].map((m) => m[1]!);
  const entities = [...body.matchAll(/^ {4}Entity (\w+) \{$/gm)].map((m) => m[1]!);
  const contains = /^ {2}contains (.+)$/m.exec(body)![1]!.split(', ');
  const relations = [...body.matchAll(/^ {2}(\w+) \[(U|P|SK)\](?:->|<->)\[(D|P|SK)\] (\w+)$/gm)].map((m) => `${m[1]} ${m[2]}/${m[3]} ${m[4]}`);
  const braces = [...body].reduce((n, c) => n + (c === '{' ? 1 : c === '}' ? -1 : 0), 0);
  return { contexts, entities, contains, relations, braces };
}

/** The Structurizr DSL subset msa-split writes: containers and relationships. */
function readDsl(text: string) {
  const containers = [...text.matchAll(/^ {12}(\w+) = container "([^"]*)" "([^"]*)"$/gm)].map((m) => ({ ident: m[1]!, name: m[2]! }));
  const relations = [...text.matchAll(/^ {8}(\w+) -> (\w+) "([^"]*)"$/gm)].map((m) => `${m[1]} -> ${m[2]}`);
  const braces = [...text.replace(/"[^"]*"/g, '""')].reduce((n, c) => n + (c === '{' ? 1 : c === '}' ? -1 : 0), 0);
  return { containers, relations, braces };
}

describe('exports for modelling tools', () => {
  const map = contextMap(shop)!;
  const ident = new Map([...map.contexts, map.kernel!].map((c) => [c.id, c.ident]));

  it('model.cml and workspace.dsl match their golden files', async () => {
    expect(cml!.name).toBe('model.cml');
    expect(dsl!.name).toBe('workspace.dsl');
    await expect(cml!.content).toMatchFileSnapshot('__golden__/formats/model.cml');
    await expect(dsl!.content).toMatchFileSnapshot('__golden__/formats/workspace.dsl');
  });

  it('CML reads back as the context map: every context and the kernel, an entity per owned table, upstream/downstream by dependency direction', () => {
    const read = readCml(cml!.content);
    expect(read.braces).toBe(0);
    expect(read.contexts).toEqual([...map.contexts.map((c) => c.ident), 'SharedKernel']);
    expect(read.contains).toEqual(read.contexts);
    expect(read.entities).toHaveLength(shop.decomposition!.contexts.reduce((n, c) => n + c.tables.length, 0));
    expect(read.entities).toContain('Product');
    const expected = map.relations.map((r) => `${ident.get(r.a)} ${r.kind === 'upstream-downstream' ? 'U/D' : r.kind === 'partnership' ? 'P/P' : 'SK/SK'} ${ident.get(r.b)}`);
    expect(read.relations).toEqual(expected);
    // Ordering calls catalog: catalog is upstream of ordering.
    const ordering = ident.get(shop.decomposition!.contexts.find((c) => c.modules.includes('src/ordering/cart.ts'))!.id)!;
    const catalog = ident.get(shop.decomposition!.contexts.find((c) => c.modules.includes('src/catalog/product.ts'))!.id)!;
    expect(read.relations).toContain(`${catalog} U/D ${ordering}`);
  });

  it('Structurizr DSL reads back as the same contexts and dependencies, depending side first', () => {
    const read = readDsl(dsl!.content);
    expect(read.braces).toBe(0);
    expect(read.containers.map((c) => c.name)).toEqual([...shop.decomposition!.contexts.map((c) => c.name), 'shared kernel']);
    const expected = map.relations.flatMap((r) => {
      const [a, b] = [ident.get(r.a)!, ident.get(r.b)!];
      return r.kind === 'upstream-downstream' ? [`${b} -> ${a}`] : r.kind === 'partnership' ? [`${a} -> ${b}`, `${b} -> ${a}`] : [`${a} -> ${b}`];
    });
    expect(read.relations).toEqual(expected);
  });

  it('keeps hostile names inside their strings and comments, and identifiers to letters and digits', async () => {
    expect(cmlString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
    expect(dslString('a "b"\n} c')).toBe(`"a 'b' } c"`);
    const evil = '*/ } BoundedContext X { "\n';
    const tampered = { ...shop, model: { ...shop.model, root: evil }, decomposition: { ...shop.decomposition!, method: evil, contexts: shop.decomposition!.contexts.map((c, i) => (i === 0 ? { ...c, name: evil, tables: [...c.tables, evil] } : c)) } } as AnalysisResult;
    const [c2, d2] = await renderReports(tampered, ['cml', 'structurizr']);
    const readC = readCml(c2!.content);
    expect(readC.braces).toBe(0);
    expect(readC.contexts).toHaveLength(shop.decomposition!.contexts.length + 1);
    expect(readC.contexts.every((x) => /^[A-Za-z][A-Za-z0-9]*$/.test(x))).toBe(true);
    const readD = readDsl(d2!.content);
    expect(readD.braces).toBe(0);
    expect(readD.containers).toHaveLength(shop.decomposition!.contexts.length + 1);
  });
});
