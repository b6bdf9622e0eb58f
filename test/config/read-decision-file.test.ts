/**
 * The decision file reader: a valid file parses to what it says; every invalid one is a UsageError
 * whose line names the file, the line, the key and the problem (the CLI turns it into exit 2 before
 * any work: test/cli/decision-file-cli.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecisionFile, readDecisionFile } from '../../src/config/read-decision-file.js';
import { UsageError } from '../../src/model/usage-error.js';
import { tempRepo } from '../helpers/temp-repo.js';

const VALID = `version: 1
system: shop
contexts:
  - id: ordering
    name: Ordering
    include: ["src/ordering/**"]
    modules: [src/jobs/expire-carts-job.ts]
    tables: [orders]
  - id: payments
    include: ["src/payments/**"]
kernel: ["src/shared/**"]
pinned: [src/jobs/expire-carts-job.ts]
macro:
  - id: sales
    contexts: [ordering, payments]
decisions:
  - date: "2026-12-04"
    who: workshop
    what: Ordering owns the cart job
`;

function problem(text: string): string {
  try {
    parseDecisionFile(text, 'd.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('readDecisionFile', () => {
  it('reads a valid file as it is written', () => {
    const file = parseDecisionFile(VALID, 'd.yaml');
    expect(file.contexts.map((c) => c.id)).toEqual(['ordering', 'payments']);
    expect(file.contexts[0]).toEqual({ id: 'ordering', name: 'Ordering', include: ['src/ordering/**'], modules: ['src/jobs/expire-carts-job.ts'], tables: ['orders'] });
    expect(file.macro).toEqual([{ id: 'sales', contexts: ['ordering', 'payments'] }]);
    expect(file.decisions![0]!.what).toBe('Ordering owns the cart job');
  });

  // Each row: the broken file, then the `file:line: key: problem` text the message must contain.
  const cases: [string, string, string][] = [
    ['an unknown top-level key', VALID.replace('system: shop', 'sytem: shop'), 'd.yaml:2: sytem: unknown key; valid keys here: version, system, notes, contexts, kernel, platform, pinned, macro, decisions, budgets'],
    ['an unknown key in a context', VALID.replace('    tables: [orders]', '    table: [orders]'), 'd.yaml:8: contexts[0].table: unknown key; valid keys here: id, name, include, exclude, modules, api, tables, notes'],
    ['a wrong type', VALID.replace('    name: Ordering', '    name: [Ordering]'), 'd.yaml:5: contexts[0].name: must be string'],
    ['an id that is not kebab-case', VALID.replace('  - id: payments', '  - id: Pay Ments'), 'd.yaml:9: contexts[1].id: must match ^[a-z0-9][a-z0-9-]*$'],
    ['a missing required key', VALID.replace('    what: Ordering owns the cart job', '    why: because'), 'd.yaml:17: decisions[0]: missing required key "what"'],
    ['another version', VALID.replace('version: 1', 'version: 2'), 'd.yaml:1: version: must be 1'],
    ['a bad date', VALID.replace('"2026-12-04"', '"4 Dec"'), 'd.yaml:17: decisions[0].date: must match'],
    ['a duplicate context id', VALID.replace('  - id: payments', '  - id: ordering'), 'd.yaml:9: contexts[1].id: duplicate context id "ordering" (also contexts[0])'],
    ['a macro naming an unknown context', VALID.replace('contexts: [ordering, payments]', 'contexts: [ordering, billing]'), 'd.yaml:15: macro[0].contexts[1]: unknown context "billing"; contexts: ordering, payments'],
    ['an invalid glob', VALID.replace('kernel: ["src/shared/**"]', 'kernel: ["src/[shared/**"]'), 'd.yaml:11: kernel[0]: invalid glob "src/[shared/**"'],
    ['a glob leaving the repository', VALID.replace('kernel: ["src/shared/**"]', 'kernel: ["../other/**"]'), 'd.yaml:11: kernel[0]: glob "../other/**" must be relative to the analyzed folder'],
    ['a module pinned in two contexts', VALID.replace('    include: ["src/payments/**"]', '    modules: [src/jobs/expire-carts-job.ts]'), 'd.yaml:10: contexts[1].modules[0]: module "src/jobs/expire-carts-job.ts" is also listed in contexts[0] (ordering)'],
    ['a prototype key', VALID.replace('system: shop', '__proto__: {polluted: true}'), 'd.yaml:2: __proto__: unknown key'],
    ['YAML that does not parse', VALID.replace('    name: Ordering', '    name: [Ordering'), 'd.yaml:6: '],
    ['a duplicate YAML key', VALID.replace('system: shop', 'system: shop\nsystem: again'), 'd.yaml:3: Map keys must be unique'],
    ['not a mapping', '- just\n- a list\n', 'd.yaml:1: (file): must be object'],
    ['a budget out of range', `${VALID}budgets:\n  coupling: 1.5\n`, 'd.yaml:21: budgets.coupling: must be <= 1'],
    ['an unknown budget', `${VALID}budgets:\n  lines: 100\n`, 'd.yaml:21: budgets.lines: unknown key; valid keys here: coupling, interCallPercentage, contextModules, contextLines'],
  ];
  it.each(cases)('refuses %s, naming the line and the key', (_what, text, expected) => {
    expect(problem(text)).toContain(expected);
  });

  it('lists every problem of a file, not only the first', () => {
    const message = problem(VALID.replace('system: shop', 'sytem: shop').replace('    name: Ordering', '    name: 3'));
    expect(message).toContain('d.yaml:2: sytem: unknown key');
    expect(message).toContain('d.yaml:5: contexts[0].name: must be string');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads only a regular file within the size limit', () => {
    const dir = tempRepo({ 'd.yaml': VALID, 'big.yaml': `version: 1\ncontexts: []\nnotes: "${'x'.repeat(9 * 1024 * 1024)}"\n` });
    expect(readDecisionFile(path.join(dir, 'd.yaml')).contexts).toHaveLength(2);
    expect(() => readDecisionFile(path.join(dir, 'big.yaml'))).toThrow(/cannot use decision file .*big\.yaml: 9.0 MiB is over the 8.0 MiB limit/);
    expect(() => readDecisionFile(path.join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: not found/);
    fs.mkdirSync(path.join(dir, 'folder.yaml'));
    expect(() => readDecisionFile(path.join(dir, 'folder.yaml'))).toThrow(UsageError);
  });

  it('keeps a checked file in the cache folder: the same bytes come back without parsing, anything else is read anew', () => {
    const dir = tempRepo({ 'd.yaml': VALID, 'bad.yaml': VALID.replace('system: shop', 'sytem: shop') });
    const cache = fs.mkdtempSync(path.join(dir, '..', 'decision-cache-'));
    const file = path.join(dir, 'd.yaml');
    const first = readDecisionFile(file, cache);
    const [entry] = fs.readdirSync(path.join(cache, 'decisions'));
    expect(readDecisionFile(file, cache)).toEqual(first);
    // The entry is what is used: a planted one with the same name is returned as it stands (it is data, never code).
    fs.writeFileSync(path.join(cache, 'decisions', entry!), JSON.stringify({ ...first, notes: 'from the cache' }));
    expect(readDecisionFile(file, cache).notes).toBe('from the cache');
    // A damaged entry is parsed again and rewritten.
    fs.writeFileSync(path.join(cache, 'decisions', entry!), '{ not json');
    expect(readDecisionFile(file, cache)).toEqual(first);
    expect(JSON.parse(fs.readFileSync(path.join(cache, 'decisions', entry!), 'utf8'))).toEqual(first);
    // An edited file is another entry; an invalid one is refused every time and never cached.
    fs.appendFileSync(file, 'notes: edited\n');
    expect(readDecisionFile(file, cache).notes).toBe('edited');
    expect(fs.readdirSync(path.join(cache, 'decisions'))).toHaveLength(2);
    for (let i = 0; i < 2; i++) expect(() => readDecisionFile(path.join(dir, 'bad.yaml'), cache)).toThrow('sytem: unknown key');
    expect(fs.readdirSync(path.join(cache, 'decisions'))).toHaveLength(2);
  });
});
