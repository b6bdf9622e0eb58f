/**
 * The package entry as a library user sees it (through the exports map), and the registries' promise:
 * a new language adapter or ORM reader is one object handed to the same code the built-ins go through.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectCode } from '../src/collect/code/collect-code.js';
import { LANGUAGE_ADAPTERS } from '../src/collect/code/registry.js';
import type { LanguageAdapter } from '../src/collect/code/language-adapter.js';
import { collectOrmFacts } from '../src/collect/db/orm/collect-orm-facts.js';
import type { OrmReader } from '../src/collect/db/orm/orm-reader.js';
import { ORM_READERS } from '../src/collect/db/orm/registry.js';
import { listFiles } from '../src/collect/files/list-files.js';
import { analyze, OptionsError, renderReports, REPORT_FORMAT_NAMES } from '../src/index.js';
import { tempRepo } from './helpers/temp-repo.js';

describe('the library entry', () => {
  it('is what package.json exports, and analyzes and renders without the CLI', async () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    const repo = tempRepo({ 'src/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n' });
    const result = await analyze(repo, { history: false, runs: 2 });
    expect(result.model.modules.map((m) => m.id)).toEqual(['src/a.ts', 'src/b.ts']);
    const files = await renderReports(result, ['md', 'csv']);
    expect(files.map((f) => f.name)).toEqual(['edges.csv', 'modules.csv', 'report.md']);
    expect(REPORT_FORMAT_NAMES).toContain('html');
    await expect(analyze(repo, { runs: 0 })).rejects.toBeInstanceOf(OptionsError);
  });
});

describe('registries', () => {
  it('runs a new language adapter next to the built-in ones, for the files it claims only', async () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n', 'lib/main.toy': 'use lib/util.toy\n', 'lib/util.toy': '\n' });
    const toy: LanguageAdapter = {
      name: 'toy',
      claims: (p) => p.endsWith('.toy'),
      async collect(_root, listing) {
        const files = listing.files.filter((f) => f.path.endsWith('.toy'));
        return {
          files: files.map((f) => ({ path: f.path, language: 'typescript', lines: 1, bytes: 1 })),
          edges: [{ kind: 'import', from: 'lib/main.toy', to: 'lib/util.toy', evidence: { file: 'lib/main.toy', line: 1 } }],
          externals: [], unresolved: [], sqlLiterals: [], entryPoints: new Map([['lib/main.toy', 'toy main']]), packageRoots: [], skipped: [], diagnostics: [],
          db: { texts: new Map(), dependencies: new Set() },
        };
      },
    };
    const listing = listFiles(repo, { include: [], exclude: [] });
    const facts = await collectCode(repo, listing, { maxFileBytes: 1 << 20, includeTests: false, entryPoints: [], symbols: false, deep: false }, () => {}, [...LANGUAGE_ADAPTERS, toy]);
    expect(facts.files.map((f) => f.path).sort()).toEqual(['lib/main.toy', 'lib/util.toy', 'src/a.ts']);
    expect(facts.edges.map((e) => `${e.from} -> ${e.to}`)).toContain('lib/main.toy -> lib/util.toy');
    expect(facts.entryPoints.get('lib/main.toy')).toBe('toy main');
  });

  it('runs a new ORM reader next to the built-in ones: its schema, its names, its matcher', () => {
    const repo = tempRepo({ 'src/orders.ts': "export const list = () => Toy.model('Order').all();\n" });
    const listing = listFiles(repo, { include: [], exclude: [] });
    const toy: OrmReader = {
      name: 'toy',
      readSchema: () => ({ tables: [{ name: 'orders', columns: [], primaryKey: [], file: 'toy.schema', line: 1 }] as never, foreignKeys: [], names: new Map([['Order', 'orders']]) }),
      mayUse: /Toy\.model/,
      matchChain(outer, chain, names, sink) {
        const model = chain.find((l) => l.name === 'model');
        const arg = model?.args[0];
        const table = arg && 'text' in arg ? names.get((arg as { text: string }).text) : undefined;
        if (!table) return false;
        sink.read(table, outer);
        return true;
      },
    };
    const texts = new Map([['src/orders.ts', fs.readFileSync(`${repo}/src/orders.ts`, 'utf8')]]);
    const facts = collectOrmFacts(listing, texts, [...ORM_READERS, toy]);
    expect(facts.tables.map((t) => t.name)).toContain('orders');
    expect(facts.accesses).toMatchObject([{ file: 'src/orders.ts', table: 'orders', mode: 'read', via: 'orm' }]);
  });
});
