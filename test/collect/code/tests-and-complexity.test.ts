import { describe, expect, it } from 'vitest';
import { scanJava } from '../../../src/collect/code/java/scan-java.js';
import { scanSource } from '../../../src/collect/code/typescript/scan-source.js';
import { analyze } from '../../../src/main/analyze.js';
import { buildTests } from '../../../src/model/build-tests.js';
import { separateTests } from '../../../src/collect/code/separate-tests.js';
import type { AdapterFacts } from '../../../src/collect/code/language-adapter.js';
import { tempRepo } from '../../helpers/temp-repo.js';

describe('decision points (a cheap cyclomatic count)', () => {
  it('counts if, loops, case, catch, ?: and logical operators in TypeScript, not default or plain calls', () => {
    const scan = scanSource(
      'a.ts',
      `export function f(x: number, y?: number) {
        if (x > 1 && y) return 1;            // if, &&
        for (const i of [1]) while (i) break; // for-of, while
        switch (x) { case 1: break; case 2: break; default: }  // 2 cases
        try { g(); } catch { }                // catch
        return y ?? (x ? 2 : 3) || 4;         // ??, ?:, ||
      }`,
    );
    expect(scan.decisions).toBe(10);
  });

  it('counts the same constructs in Java', async () => {
    const scan = await scanJava(
      'A.java',
      `class A { int f(int x) {
        if (x > 1 || x < -1) { return 1; }
        for (int i = 0; i < x; i++) { }
        for (int i : new int[] {1}) { }
        while (x > 0) { x--; }
        do { x++; } while (x < 0);
        switch (x) { case 1: break; case 2: break; default: break; }
        try { g(); } catch (Exception e) { }
        return x > 0 ? 1 : 2;
      } }`,
    );
    expect(scan.decisions).toBe(10);
  });
});

describe('tests read apart from the program', () => {
  it('maps test files to what they import, call or name, and keeps their SQL, entities and imports out of the program', async () => {
    const repo = tempRepo({
      'package.json': '{"name":"shop","main":"src/server.ts"}',
      'src/server.ts': "import { listOrders } from './orders/orders';\nlistOrders();\n",
      'src/orders/orders.ts': "export function listOrders() { return db.query('SELECT id FROM orders'); }\ndeclare const db: { query(s: string): unknown };\n",
      'src/orders/cart.ts': 'export const cart = 1;\n',
      'test/orders/orders.test.ts': "import { listOrders } from '../../src/orders/orders';\nimport { seed } from '../helpers/seed';\nseed();\nlistOrders();\n",
      'test/orders/cart.spec.ts': "it('works', () => {});\n",
      'test/helpers/seed.ts': "import 'vitest';\nexport function seed() { return db.query('INSERT INTO audit_log (id) VALUES (1)'); }\ndeclare const db: { query(s: string): unknown };\n",
    });
    const result = await analyze(repo, { history: false });
    expect(result.model.modules.map((m) => m.id)).toEqual(['src/orders/cart.ts', 'src/orders/orders.ts', 'src/server.ts']);
    expect(result.model.tests!.map((t) => [t.path, t.touches.map((x) => `${x.module}:${x.kinds.join('+')}`), t.helpers, t.helper ?? false])).toEqual([
      ['test/helpers/seed.ts', [], [], true],
      ['test/orders/cart.spec.ts', ['src/orders/cart.ts:name'], [], false],
      ['test/orders/orders.test.ts', ['src/orders/orders.ts:call+import+name'], ['test/helpers/seed.ts'], false],
    ]);
    // The test helper's SQL is not the product's; its package import is not the program's.
    expect(result.model.data!.tables.map((t) => t.id)).toEqual(['orders']);
    expect(result.model.externals.map((e) => e.name)).not.toContain('vitest');
    expect(result.assessment!.safetyNet).toMatchObject({ tests: 2, helpers: 1, unattached: [] });
  });

  it('keeps program code in a folder named test in the program, and says when program code uses a real test file', async () => {
    const repo = tempRepo({
      'package.json': '{"name":"cli","main":"src/main.ts"}',
      'src/main.ts': "import { run } from './commands/test';\nrun();\n",
      'src/commands/test.ts': "import { delay } from '../options/test/delay';\nimport { fake } from '../../test/fake.spec';\nexport const run = () => delay() + fake;\n",
      'src/options/test/delay.ts': "import { ms } from './units';\nexport const delay = () => ms(5);\n",
      'src/options/test/units.ts': 'export const ms = (n: number) => n;\n',
      'test/fake.spec.ts': 'export const fake = 1;\n',
    });
    const result = await analyze(repo, { history: false });
    // The CLI's `test` command options are program code (used by it, not named like tests), with what they use.
    expect(result.model.modules.map((m) => m.id)).toEqual(['src/commands/test.ts', 'src/main.ts', 'src/options/test/delay.ts', 'src/options/test/units.ts']);
    expect(result.model.modules.find((m) => m.id === 'src/options/test/delay.ts')!.entryPoint).toBeUndefined();
    expect(result.model.tests!.map((t) => t.path)).toEqual(['test/fake.spec.ts']);
    expect(result.model.diagnostics).toContainEqual(expect.objectContaining({ code: 'imports-test-file', severity: 'warning', file: 'src/commands/test.ts', line: 2 }));
  });

  it('with --include-tests, tests are modules again and there is no safety net', async () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n', 'src/a.test.ts': "import { a } from './a';\na;\n" });
    const result = await analyze(repo, { history: false, includeTests: true });
    expect(result.model.modules.map((m) => m.id)).toEqual(['src/a.test.ts', 'src/a.ts']);
    expect(result.model.tests).toBeUndefined();
    expect(result.assessment?.safetyNet).toBeUndefined();
  });
});

describe('separateTests', () => {
  it('follows a 20,000-long chain of program code inside a test folder with a worklist', () => {
    const n = 20_000;
    const file = (i: number) => `test/support/step${i}.ts`;
    const facts: AdapterFacts = {
      files: [{ path: 'src/main.ts', language: 'typescript', lines: 1, bytes: 1 }, ...Array.from({ length: n }, (_, i) => ({ path: file(i), language: 'typescript', lines: 1, bytes: 1 }))],
      edges: [{ kind: 'import', from: 'src/main.ts', to: file(0), evidence: { file: 'src/main.ts', line: 1 } }, ...Array.from({ length: n - 1 }, (_, i) => ({ kind: 'import' as const, from: file(i), to: file(i + 1), evidence: { file: file(i), line: 1 } }))],
      externals: [], unresolved: [], sqlLiterals: [], entryPoints: new Map(), packageRoots: [], skipped: [], diagnostics: [],
      db: { texts: new Map(), dependencies: new Set() },
    };
    const { facts: program, tests } = separateTests(facts, (p) => p.startsWith('test/'));
    expect(program.files).toHaveLength(n + 1);
    expect(program.edges).toHaveLength(n);
    expect(tests.files).toEqual([]);
  });
});

describe('test names', () => {
  const files = (paths: string[]) => ({ files: paths.map((path) => ({ path, language: 'java', lines: 1, bytes: 1 })), edges: [] });
  const named = (tests: string[], program: string[]) => Object.fromEntries(buildTests(files(tests), program, (f) => f).map((t) => [t.path, t.touches.map((x) => x.module)]));

  it('name the class or file they test: mirrored folder, same folder, or the only one of that name', () => {
    const program = ['app/src/main/java/a/OrderService.java', 'b/src/main/java/b/OrderService.java', 'lib/Invoice.java', 'src/cart.ts', 'src/util/index.ts', 'src/other/index.ts'];
    expect(
      named(['app/src/test/java/a/OrderServiceTest.java', 'c/src/test/java/c/OrderServiceTests.java', 'x/src/test/java/TestInvoice.java', 'x/src/it/java/InvoiceIT.java', 'test/cart.spec.ts', 'test/index.test.ts'], program),
    ).toEqual({
      'app/src/test/java/a/OrderServiceTest.java': ['app/src/main/java/a/OrderService.java'],
      'c/src/test/java/c/OrderServiceTests.java': [], // two OrderService classes, neither mirrored: ambiguous
      'test/cart.spec.ts': ['src/cart.ts'],
      'test/index.test.ts': [],
      'x/src/it/java/InvoiceIT.java': ['lib/Invoice.java'],
      'x/src/test/java/TestInvoice.java': ['lib/Invoice.java'],
    });
  });
});
