import { describe, expect, it } from 'vitest';
import { scanSource } from '../../../../src/collect/code/typescript/scan-source.js';

const forms = (file: string, text: string) => scanSource(file, text).imports.map((i) => `${i.form} ${i.specifier} @${i.line}`);

describe('scanSource imports', () => {
  it('classifies every import form', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, f } from './e';",
      "export * from './g';",
      "export type { H } from './h';",
      "import './side-effect';",
      "import i = require('./i');",
      "const j = require('./j');",
      "const k = await import('./k');",
      "type L = typeof import('./l');",
      "export { m } from './m';",
    ].join('\n');
    expect(forms('x.ts', text)).toEqual([
      'import ./a @1',
      'type-import ./b @2',
      'type-import ./c @3',
      'import ./e @4',
      'import ./g @5',
      'type-import ./h @6',
      'import ./side-effect @7',
      'require ./i @8',
      'require ./j @9',
      'dynamic-import ./k @10',
      'type-import ./l @11',
      'import ./m @12',
    ]);
  });

  it('reports computed import() and require() instead of guessing', () => {
    const r = scanSource('x.js', "const name = 'a';\nimport(name);\nrequire(name + '.js');");
    expect(r.imports).toEqual([]);
    expect(r.diagnostics.map((d) => `${d.code}@${d.line}`)).toEqual(['dynamic-import-expression@2', 'dynamic-require-expression@3']);
  });

  it('keeps what parses in a file with syntax errors and reports each error with its line', () => {
    const r = scanSource('broken.ts', "import { a } from './a';\nconst x = ;\nlet = 5 +;\nimport { b } from './b';\n");
    expect(r.imports.map((i) => i.specifier)).toEqual(['./a', './b']);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code: 'parse-error', file: 'broken.ts' });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('parses JSX in .tsx and .jsx files', () => {
    expect(forms('c.tsx', "import { B } from './b';\nexport const C = () => <B x={1} />;")).toEqual(['import ./b @1']);
    expect(scanSource('c.jsx', "import B from './b';\nexport const C = () => <B />;").diagnostics).toEqual([]);
  });
});

describe('scanSource SQL literals', () => {
  it('harvests SQL strings, templates and tagged templates with their callee or tag', () => {
    const text = [
      "db.query('SELECT * FROM orders WHERE id = $1', [id]);",
      'const q = `SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ${id}`;',
      'await sql`UPDATE stock SET qty = ${n}`;',
      "log('select one of the colours below');",
      "queryRunner.query(\"ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id)\");",
    ].join('\n');
    const lits = scanSource('repo.ts', text).sqlLiterals;
    expect(lits.map((l) => [l.line, l.callee ?? l.tag ?? '-'])).toEqual([
      [1, 'query'],
      [2, '-'],
      [3, 'sql'],
      [5, 'query'],
    ]);
    expect(lits[1]!.text).toContain('WHERE o.id = ${id}');
  });
});
