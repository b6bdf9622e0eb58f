import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CodeFacts } from '../../src/model/facts/code-facts.js';
import { buildModel } from '../../src/model/build-model.js';
import { moduleIdFor } from '../../src/model/ids.js';
import { stableStringify } from '../../src/report/stable-json.js';

function facts(): CodeFacts {
  const files = ['packages/orders/src/a.ts', 'packages/orders/src/deep/b.ts', 'packages/billing/src/c.ts', 'tools/d.js'];
  return {
    files: files.map((path, i) => ({ path, language: path.endsWith('.js') ? 'javascript' : 'typescript', lines: 10 * (i + 1), bytes: 100 })),
    edges: [
      { kind: 'import', from: 'packages/orders/src/a.ts', to: 'packages/orders/src/deep/b.ts', evidence: { file: 'packages/orders/src/a.ts', line: 1 } },
      { kind: 'import', from: 'packages/orders/src/a.ts', to: 'packages/billing/src/c.ts', evidence: { file: 'packages/orders/src/a.ts', line: 2 } },
      { kind: 'call', from: 'packages/orders/src/a.ts', to: 'packages/billing/src/c.ts', evidence: { file: 'packages/orders/src/a.ts', line: 9 } },
      { kind: 'call', from: 'packages/orders/src/a.ts', to: 'packages/billing/src/c.ts', evidence: { file: 'packages/orders/src/a.ts', line: 7 } },
      { kind: 'call', from: 'packages/orders/src/deep/b.ts', to: 'packages/billing/src/c.ts', evidence: { file: 'packages/orders/src/deep/b.ts', line: 3 } },
      { kind: 'import', from: 'tools/d.js', to: 'packages/orders/src/a.ts', evidence: { file: 'tools/d.js', line: 1 } },
    ],
    externals: [
      { file: 'packages/orders/src/a.ts', name: 'zod', builtin: false, declared: true },
      { file: 'packages/orders/src/deep/b.ts', name: 'zod', builtin: false, declared: true },
    ],
    unresolved: [],
    sqlLiterals: [],
    entryPoints: new Map([['tools/d.js', 'script']]),
    packageRoots: ['', 'packages/billing', 'packages/orders'],
    skipped: [],
    diagnostics: [],
  };
}

describe('buildModel', () => {
  it('keeps one module per file at file granularity, with summed call weights and sorted evidence', () => {
    const m = buildModel('shop', facts(), { kind: 'file' });
    expect(m.modules.map((x) => x.id)).toEqual(['packages/billing/src/c.ts', 'packages/orders/src/a.ts', 'packages/orders/src/deep/b.ts', 'tools/d.js']);
    const call = m.edges.find((e) => e.kind === 'call' && e.from === 'packages/orders/src/a.ts')!;
    expect(call.weight).toBe(2);
    expect(call.evidence.map((e) => e.line)).toEqual([7, 9]);
    expect(m.modules.find((x) => x.id === 'tools/d.js')!.entryPoint).toBe('script');
  });

  it('groups by folder prefix at dir:N and drops edges that become internal', () => {
    const m = buildModel('shop', facts(), { kind: 'dir', depth: 2 });
    expect(m.modules.map((x) => [x.id, x.files.length, x.lines])).toEqual([
      ['packages/billing', 1, 30],
      ['packages/orders', 2, 30],
      ['tools', 1, 40],
    ]);
    expect(m.edges.map((e) => `${e.kind} ${e.from} -> ${e.to} x${e.weight}`)).toEqual([
      'call packages/orders -> packages/billing x3',
      'import packages/orders -> packages/billing x1',
      'import tools -> packages/orders x1',
    ]);
    expect(m.externals).toEqual([{ name: 'zod', kind: 'package', declared: true, importedBy: [{ module: 'packages/orders', count: 2 }] }]);
    expect(m.modules.find((x) => x.id === 'tools')!.entryPoint).toBe('tools/d.js: script');
  });

  it('groups by nearest package.json at package granularity', () => {
    const m = buildModel('shop', facts(), { kind: 'package' });
    expect(m.modules.map((x) => x.id)).toEqual(['.', 'packages/billing', 'packages/orders']);
    expect(moduleIdFor('packages/orders-extra/x.ts', { kind: 'package' }, ['packages/orders'])).toBe('.');
  });

  it('gives byte-identical output whatever order the facts arrive in (property)', () => {
    const base = facts();
    const expected = stableStringify(buildModel('shop', base, { kind: 'file' }));
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 10, maxLength: 10 }), (seeds) => {
        const shuffle = <T>(xs: T[], s: number) => xs.map((x, i) => ({ x, k: (i * 7919 + s) % 101 })).sort((a, b) => a.k - b.k).map((p) => p.x);
        const shuffled: CodeFacts = {
          ...base,
          files: shuffle(base.files, seeds[0]!),
          edges: shuffle(base.edges, seeds[1]!),
          externals: shuffle(base.externals, seeds[2]!),
          packageRoots: shuffle(base.packageRoots, seeds[3]!),
        };
        expect(stableStringify(buildModel('shop', shuffled, { kind: 'file' }))).toBe(expected);
      }),
    );
  });

  it('puts every file in exactly one module at every granularity (property)', () => {
    const segment = fc.constantFrom('src', 'orders', 'billing', 'lib', 'a', 'b');
    const filePath = fc.tuple(fc.array(segment, { maxLength: 4 }), fc.constantFrom('x.ts', 'y.js')).map(([dirs, f]) => [...dirs, f].join('/'));
    fc.assert(
      fc.property(fc.uniqueArray(filePath, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (paths, depth) => {
        const f: CodeFacts = { ...facts(), files: paths.map((path) => ({ path, language: 'typescript', lines: 1, bytes: 1 })), edges: [], externals: [] };
        for (const g of [{ kind: 'file' as const }, { kind: 'dir' as const, depth }, { kind: 'package' as const }]) {
          const m = buildModel('r', f, g);
          const all = m.modules.flatMap((x) => x.files).sort();
          expect(all).toEqual([...paths].sort());
          expect(m.files.every((file) => m.modules.find((x) => x.id === file.module)!.files.includes(file.path))).toBe(true);
        }
      }),
    );
  });
});
