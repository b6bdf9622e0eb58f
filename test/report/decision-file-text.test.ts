/**
 * The decision file's text round-trips: what the writer writes, the reader reads back to the same
 * decisions, and writing those again gives the same bytes; hostile strings stay strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecisionFile } from '../../src/config/read-decision-file.js';
import type { DecisionFile } from '../../src/model/decision-file.js';
import { canonicalDecisions, decisionFileText } from '../../src/report/decision-file-text.js';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
// Any text, including what YAML would read as structure: `: `, `#`, `*`, `&`, `- `, quotes, newlines, yes/no, numbers.
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('yes', 'No', 'null', '~', '1', '0x10', '1e3', '- item', 'a: b', '# comment', '*alias', '&anchor', '"quoted"', "it's", 'line\nbreak', '\u2028', 'tab\there', ' lead', 'trail ', 'ordering · cart', '[id].tsx', '{a}', '@scope/x'),
);
const glob = fc.oneof(fc.constantFrom('src/**', 'src/ordering/**', 'app/[id]/**', '*.ts', 'lib/{a,b}/**'), fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6}){0,2}\/\*\*$/));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const file: fc.Arbitrary<DecisionFile> = fc
  .record({
    system: opt(text),
    notes: opt(text),
    contexts: fc.uniqueArray(fc.record({ id, name: opt(text), include: opt(fc.array(glob, { maxLength: 3 })), exclude: opt(fc.array(glob, { maxLength: 2 })), api: opt(fc.array(glob, { maxLength: 2 })), tables: opt(fc.array(text, { maxLength: 3 })), notes: opt(text) }), {
      selector: (c) => c.id,
      maxLength: 5,
    }),
    kernel: opt(fc.array(glob, { maxLength: 3 })),
    pinned: opt(fc.array(text.filter((s) => s.length > 0), { maxLength: 3 })),
    decisions: opt(fc.array(fc.record({ date: opt(fc.constantFrom('2026-12-04', '2025-01-31')), who: opt(text), what: text, why: opt(text) }), { maxLength: 3 })),
    budgets: opt(fc.record({ coupling: opt(fc.double({ min: 0, max: 1, noNaN: true })), interCallPercentage: opt(fc.constantFrom(0, 0.25, 0.5)), contextModules: opt(fc.integer({ min: 1, max: 500 })), contextLines: opt(fc.integer({ min: 1, max: 100000 })) })),
  })
  .map((f) => ({ version: 1 as const, ...f }));

/** Records without undefined fields (the reader never produces them). */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('decisionFileText', () => {
  it('reads back what it writes, and writes it again byte-identically', () => {
    fc.assert(
      fc.property(file, (f) => {
        const written = decisionFileText(f);
        const read = parseDecisionFile(written, 'd.yaml');
        expect(read).toEqual(plain(canonicalDecisions(f)));
        expect(decisionFileText(read)).toBe(written);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('writes a readable canonical form: schema key order, sorted sets, empty entries left out', () => {
    const text = decisionFileText({
      version: 1,
      contexts: [
        { id: 'ordering', name: 'Ordering · cart', include: ['src/ordering/**', 'src/cart/**', 'src/ordering/**'], modules: [], notes: '' },
        { id: 'a-first-in-file-order', tables: ['orders'] },
      ],
      kernel: ['src/shared/**'],
      decisions: [{ what: 'yes', date: '2026-12-04' }],
    });
    expect(text.split('\n').slice(3)).toEqual([
      'version: 1',
      'contexts:',
      '  - id: ordering',
      '    name: Ordering · cart',
      '    include:',
      '      - "src/cart/**"',
      '      - "src/ordering/**"',
      '  - id: a-first-in-file-order',
      '    tables:',
      '      - orders',
      'kernel:',
      '  - "src/shared/**"',
      'decisions:',
      '  - date: "2026-12-04"',
      '    what: "yes"',
      '',
    ]);
  });
});
