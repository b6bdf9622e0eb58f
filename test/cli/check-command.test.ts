/**
 * `msa-split check`: each rule caught with its evidence on the shop fixture, a baseline that silences
 * what is known, a violation removed from the code dropped from the next baseline, exit codes 0/1/2,
 * SARIF valid against the SARIF 2.1.0 schema shipped in an npm package, JUnit well-formed, Markdown golden.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { FIXTURES, tempRepo } from '../helpers/temp-repo.js';

const require = createRequire(import.meta.url);
const SHOP = path.join(FIXTURES, 'shop-monolith');

const DECISIONS = `version: 1
contexts:
  - id: catalog
    include: ["src/catalog/**"]
    api: [src/catalog/index.ts, src/catalog/catalog-service.ts]
  - id: customers
    include: ["src/customers/**"]
    api: [src/customers/customer-service.ts]
  - id: ordering
    include: ["src/ordering/**"]
    modules: [src/jobs/expire-carts-job.ts]
    api: [src/ordering/order-service.ts, src/ordering/order.ts]
  - id: inventory
    include: ["src/inventory/**"]
    modules: [src/jobs/reorder-stock-job.ts]
    api: ["src/inventory/inventory-service.ts"]
  - id: payments
    include: ["src/payments/**"]
    modules: [src/jobs/retry-payments-job.ts]
    api: ["src/payments/payment-service.ts"]
  - id: shipping
    include: ["src/shipping/**"]
  - id: notifications
    include: ["src/notifications/**"]
kernel: ["src/shared/**", "src/legacy/**"]
platform: [src/server.ts, src/app.ts, "src/http/**", "src/config/**", src/jobs/scheduler.ts]
budgets:
  coupling: 0.4
  contextModules: 11
`;

describe('msa-split check', () => {
  let dir: string;
  let decisions: string;
  beforeAll(() => {
    dir = tempRepo({ 'msa-split.decomposition.yaml': DECISIONS }, 'ci');
    decisions = path.join(dir, 'msa-split.decomposition.yaml');
  });
  const check = (repo: string, ...args: string[]) => cli(['check', repo, '--no-history', '--decomposition', decisions, ...args]);

  it('catches each rule with its evidence, and fails (exit 1) without a baseline', async () => {
    const out = path.join(dir, 'report');
    const r = await check(SHOP, '--format', 'text,json,md,sarif,junit', '--out', out);
    expect(r.code).toBe(1);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'check.json'), 'utf8')) as { new: { rule: string; key: string; file?: string; line?: number }[] };
    const byKey = new Map(json.new.map((v) => [v.key, v]));
    // One known instance of each rule, with the place to look.
    expect(byKey.get('internal-dependency:src/payments/payment-service.ts->src/customers/loyalty.ts')).toMatchObject({ file: 'src/payments/payment-service.ts', line: 2 });
    expect(byKey.get('foreign-table-access:src/payments/payment-repository.ts->orders:read')).toMatchObject({ file: 'src/payments/payment-repository.ts' });
    expect(byKey.has('cross-context-foreign-key:payments->orders')).toBe(true);
    expect(byKey.has('cross-context-join:orders+payments')).toBe(true);
    expect(byKey.has('context-cycle:ordering+payments')).toBe(true);
    expect(byKey.get('unplaced-module:src/reporting/sales-report.ts')).toMatchObject({ rule: 'unplaced-module', file: 'src/reporting/sales-report.ts' });
    expect([...byKey.keys()].some((k) => k.startsWith('coupling-budget:'))).toBe(true);
    // An api module is not internal: checkout calls customer-service, which customers publishes.
    expect([...byKey.keys()].filter((k) => k.includes('->src/customers/customer-service.ts'))).toEqual([]);
    // The import as written is the dependency: cart imports unitPrice from '@catalog' (the api barrel);
    // the call resolved to its declaring file, catalog/pricing.ts, is not a dependency on internals.
    expect(byKey.has('internal-dependency:src/ordering/cart.ts->src/catalog/pricing.ts')).toBe(false);
    expect(byKey.get('cross-context-foreign-key:orders->addresses')).toMatchObject({ file: 'db/migrations/V7__cross_area_constraints.sql', line: 1 });
    expect(r.stdout).toContain('msa-split check failed:');
    expect(r.stdout).toContain('internal-dependency: src/payments/payment-service.ts:2:');
    // Outputs for CI.
    const sarif = JSON.parse(fs.readFileSync(path.join(out, 'check.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0]!.results).toHaveLength(json.new.length);
    const xml = fs.readFileSync(path.join(out, 'check.junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testcase classname="msa-split.check" name="internal-dependency">');
    await expect(fs.readFileSync(path.join(out, 'check.md'), 'utf8')).toMatchFileSnapshot('__golden__/check.md');
  });

  it('passes with a baseline of the known violations; a fixed one leaves the next baseline', async () => {
    const baseline = path.join(dir, 'msa-split.baseline.json');
    const written = await check(SHOP, '--baseline', baseline, '--update-baseline');
    expect(written.code).toBe(0);
    const known = JSON.parse(fs.readFileSync(baseline, 'utf8')) as { version: number; violations: { key: string }[] };
    expect(known.violations.map((v) => v.key)).toEqual([...known.violations.map((v) => v.key)].sort());
    expect(known.violations.some((v) => v.key === 'internal-dependency:src/payments/payment-service.ts->src/customers/loyalty.ts')).toBe(true);
    const again = await check(SHOP, '--baseline', baseline);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`msa-split check passed: 0 new violations, ${known.violations.length} known (baseline), 0 fixed`);
    // The same repository without the payments -> loyalty call.
    const copy = path.join(tempRepo({}, 'copy'), 'shop');
    fs.cpSync(SHOP, copy, { recursive: true });
    const service = path.join(copy, 'src/payments/payment-service.ts');
    fs.writeFileSync(service, fs.readFileSync(service, 'utf8').replace("import { creditPoints } from '@customers/loyalty';\n", '').replace('    await creditPoints(order.customerId, amount);\n', ''));
    const fixed = await check(copy, '--baseline', baseline);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('1 fixed since the baseline');
    await check(copy, '--baseline', baseline, '--update-baseline');
    const next = JSON.parse(fs.readFileSync(baseline, 'utf8')) as { violations: { key: string }[] };
    expect(next.violations.length).toBe(known.violations.length - 1);
    expect(next.violations.some((v) => v.key.includes('loyalty'))).toBe(false);
    // And the call coming back is new again.
    const back = await check(SHOP, '--baseline', baseline);
    expect(back.code).toBe(1);
    expect(back.stdout).toContain('msa-split check failed: 1 new violation,');
  });

  it('never writes a baseline through a symbolic link the repository plants', async () => {
    const outside = tempRepo({}, 'outside');
    const copy = path.join(tempRepo({}, 'planted'), 'shop');
    fs.cpSync(SHOP, copy, { recursive: true });
    fs.symlinkSync(outside, path.join(copy, 'ci'));
    const r = await check(copy, '--baseline', path.join(copy, 'ci', 'msa-split.baseline.json'), '--update-baseline');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('its folder leads out of the repository through a symbolic link');
    expect(fs.readdirSync(outside)).toEqual([]);
    // Inside the repository, through a real folder, it is written (where teams commit it).
    fs.mkdirSync(path.join(copy, 'ci-real'));
    const ok = await check(copy, '--baseline', path.join(copy, 'ci-real', 'msa-split.baseline.json'), '--update-baseline');
    expect(ok.code).toBe(0);
    expect(fs.existsSync(path.join(copy, 'ci-real', 'msa-split.baseline.json'))).toBe(true);
  });

  it('exits 2 on usage and input errors, before any work', async () => {
    const bad = path.join(dir, 'bad-baseline.json');
    fs.writeFileSync(bad, '{"version": 2, "violations": []}');
    const cases: [string[], string][] = [
      [['check', SHOP, '--no-history'], 'check needs the decided decomposition: --decomposition'],
      [['check', SHOP, '--decomposition', decisions, '--baseline', bad], 'is not a msa-split baseline: version must be 1'],
      [['check', SHOP, '--decomposition', decisions, '--baseline', path.join(dir, 'missing.json')], 'not found (write one with --update-baseline)'],
      [['check', SHOP, '--decomposition', decisions, '--format', 'pdf'], "unknown check format 'pdf'; valid formats: text, md, json, sarif, junit"],
      [['check', SHOP, '--decomposition', decisions, '--format', 'sarif'], '--format sarif writes files: name the folder with --out'],
      [['check', SHOP, '--decomposition', decisions, '--update-baseline'], '--update-baseline writes the file named with --baseline'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});

/** The SARIF 2.1.0 schema as the @microsoft/jest-sarif package ships it (draft-04), compiled by ajv. */
function sarifValidator(): (value: unknown) => boolean {
  const Ajv = require('ajv-draft-04') as new (o: object) => { compile(s: object): (v: unknown) => boolean };
  const addFormats = require('ajv-formats') as (ajv: unknown) => void;
  // The schema's language-tag pattern is not valid with the `u` flag: compiled without it, as draft-04 meant.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object);
}
