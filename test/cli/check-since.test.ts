/**
 * `msa-split check --since REV` on a real git repository (the shop fixture committed with fixed authors
 * and dates): what a pull request adds is caught with its evidence, what was there before is not; the
 * scoped check finds exactly the full check's per-change violations of the changed modules; committed,
 * staged, modified and untracked files all count; a baseline silences known ones and names fixed ones in
 * scope; a changed tsconfig or decision file runs the full check and says why; bad input exits 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commit, git, hour, initRepo } from '../helpers/git-repo.js';
import { cli } from '../helpers/run-cli.js';
import { FIXTURES, tempRepo } from '../helpers/temp-repo.js';

const DECISIONS = `version: 1
contexts:
  - id: catalog
    include: ["src/catalog/**"]
    api: [src/catalog/index.ts, src/catalog/catalog-service.ts]
  - id: customers
    include: ["src/customers/**"]
    api: [src/customers/customer-service.ts]
  - id: ordering
    include: ["src/ordering/**", "src/jobs/expire-carts-job.ts"]
    api: [src/ordering/order-service.ts, src/ordering/order.ts]
    tables: [orders, order_lines, carts, cart_items]
  - id: inventory
    include: ["src/inventory/**", "src/jobs/reorder-stock-job.ts"]
  - id: payments
    include: ["src/payments/**", "src/jobs/retry-payments-job.ts"]
    tables: [payments]
  - id: shipping
    include: ["src/shipping/**"]
  - id: notifications
    include: ["src/notifications/**"]
kernel: ["src/shared/**", "src/legacy/**"]
platform: [src/server.ts, src/app.ts, "src/http/**", "src/config/**", src/jobs/scheduler.ts, "scripts/**"]
`;

interface CheckJson {
  since?: { since: string; files: number; modules?: number; leftToFullCheck: string[]; fullBecause?: string };
  new: { rule: string; key: string; file?: string; line?: number }[];
  known: { key: string }[];
  fixed: string[];
}

/** Every file of the shop fixture, as a commit's files. */
function fixtureFiles(): Record<string, string> {
  const root = path.join(FIXTURES, 'shop-monolith');
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(root, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
    }
  };
  walk(root);
  return out;
}

const PER_CHANGE = new Set(['internal-dependency', 'foreign-table-access', 'cross-context-foreign-key', 'cross-context-join', 'cross-context-transaction', 'unplaced-module']);

describe('msa-split check --since', () => {
  let repo: string;
  let outside: string;
  let decisions: string;
  const run = async (...args: string[]) => {
    const out = path.join(outside, `out-${Math.random().toString(36).slice(2)}`);
    const r = await cli(['check', repo, '--no-history', '--decomposition', decisions, '--format', 'text,json,junit', '--out', out, ...args]);
    const json = fs.existsSync(path.join(out, 'check.json')) ? (JSON.parse(fs.readFileSync(path.join(out, 'check.json'), 'utf8')) as CheckJson) : undefined;
    const junit = fs.existsSync(path.join(out, 'check.junit.xml')) ? fs.readFileSync(path.join(out, 'check.junit.xml'), 'utf8') : '';
    return { ...r, json, junit };
  };

  beforeAll(() => {
    repo = initRepo('since');
    commit(repo, { date: hour(0), message: 'the monolith', files: fixtureFiles() });
    outside = tempRepo({ 'msa-split.decomposition.yaml': DECISIONS }, 'since-decisions');
    decisions = path.join(outside, 'msa-split.decomposition.yaml');
  });

  it('passes on a revision with nothing changed, although the repository breaks rules (the full check fails)', async () => {
    const full = await run();
    expect(full.code).toBe(1);
    expect(full.json!.new.length).toBeGreaterThan(5);
    const scoped = await run('--since', 'HEAD');
    expect(scoped.code).toBe(0);
    expect(scoped.json!.since).toMatchObject({ since: 'HEAD', files: 0, modules: 0, leftToFullCheck: ['context-cycle', 'coupling-budget', 'icp-budget', 'size-budget'] });
    expect(scoped.json!.new).toEqual([]);
    expect(scoped.stdout).toContain('0 files changed since HEAD');
    // JUnit says which rules were left to the full check.
    expect(scoped.junit).toContain('skipped="4"');
    expect(scoped.junit).toMatch(/<testcase classname="msa-split.check" name="context-cycle">\s*<skipped message="left to the full check/);
  });

  describe('after a pull request', () => {
    beforeAll(() => {
      const cart = fs.readFileSync(path.join(repo, 'src/ordering/cart.ts'), 'utf8');
      const carrier = fs.readFileSync(path.join(repo, 'src/shipping/carrier-directory.ts'), 'utf8');
      commit(repo, {
        date: hour(1),
        message: 'a pull request',
        files: {
          // An import of another context's internals (loyalty is not in the api of customers).
          'src/ordering/cart.ts': `import { pointsFor } from '../customers/loyalty';\n${cart}\nexport const bonus = pointsFor;\n`,
          // A module no context of the file takes.
          'src/reviews/review-service.ts': "import { db } from '@shared/db';\n\nexport async function reviewsOf(orderId: string) {\n  return db.query('SELECT id, stars FROM reviews WHERE order_id = $1', [orderId]);\n}\n",
          // Shipping reads a table payments owns.
          'src/shipping/carrier-directory.ts': `import { db } from '@shared/db';\n${carrier}\nexport const paidAt = (orderId: string) => db.query('SELECT status FROM payments WHERE order_id = $1', [orderId]);\n`,
        },
      });
    });

    it('catches what it adds, with file:line, and nothing that was there before', async () => {
      const r = await run('--since', 'HEAD~1');
      expect(r.code).toBe(1);
      const keys = r.json!.new.map((v) => v.key).sort();
      expect(keys).toEqual([
        'foreign-table-access:src/shipping/carrier-directory.ts->payments:read',
        'internal-dependency:src/ordering/cart.ts->src/customers/loyalty.ts',
        'unplaced-module:src/reviews/review-service.ts',
      ]);
      expect(r.json!.new.find((v) => v.rule === 'internal-dependency')).toMatchObject({ file: 'src/ordering/cart.ts', line: 1 });
      expect(r.json!.new.find((v) => v.rule === 'foreign-table-access')?.file).toBe('src/shipping/carrier-directory.ts');
      expect(r.json!.since).toMatchObject({ files: 3, modules: 3 });
      expect(r.stdout).toContain('3 files changed since HEAD~1');
    });

    it('finds exactly what the full check finds for the changed modules, rule by rule', async () => {
      const scoped = (await run('--since', 'HEAD~1')).json!.new.map((v) => v.key).sort();
      const full = (await run()).json!.new;
      const changed = ['src/ordering/cart.ts', 'src/reviews/review-service.ts', 'src/shipping/carrier-directory.ts'];
      const fullOfChanged = full
        .filter((v) => PER_CHANGE.has(v.rule) && changed.some((m) => v.key.startsWith(`${v.rule}:${m}->`) || v.key.startsWith(`${v.rule}:${m}#`) || v.key === `${v.rule}:${m}`))
        .map((v) => v.key)
        .sort();
      expect(scoped).toEqual(fullOfChanged);
    });

    it('counts staged, modified and untracked files of the work tree too', async () => {
      const shipping = path.join(repo, 'src/shipping/rate-calculator.ts');
      const before = fs.readFileSync(shipping, 'utf8');
      try {
        // Modified in the work tree, not committed: an import of payments' internals.
        fs.writeFileSync(shipping, `import { PaymentRepository } from '../payments/payment-repository';\n${before}\nexport const repo = PaymentRepository;\n`);
        // Untracked.
        fs.writeFileSync(path.join(repo, 'src/shipping/label-printer.ts'), "import { pointsFor } from '../customers/loyalty';\nexport const p = pointsFor;\n");
        // Staged.
        fs.writeFileSync(path.join(repo, 'src/inventory/stock-audit.ts'), "import { CartItem } from '../ordering/cart';\nexport const audit = (i: CartItem) => i;\n");
        git(repo, ['add', 'src/inventory/stock-audit.ts']);
        const r = await run('--since', 'HEAD');
        const keys = r.json!.new.map((v) => v.key);
        expect(keys).toContain('internal-dependency:src/shipping/rate-calculator.ts->src/payments/payment-repository.ts');
        expect(keys).toContain('internal-dependency:src/shipping/label-printer.ts->src/customers/loyalty.ts');
        expect(r.json!.since!.files).toBe(3);
        expect(keys.filter((k) => k.includes('src/ordering/cart.ts->'))).toEqual([]);
      } finally {
        git(repo, ['reset', '-q']);
        fs.writeFileSync(shipping, before);
        fs.rmSync(path.join(repo, 'src/shipping/label-printer.ts'));
        fs.rmSync(path.join(repo, 'src/inventory/stock-audit.ts'));
      }
      expect((await run('--since', 'HEAD')).json!.since!.files).toBe(0);
    });

    it('keeps known violations quiet and names the fixed ones it can see', async () => {
      const baseline = path.join(outside, 'baseline.json');
      expect((await cli(['check', repo, '--no-history', '--decomposition', decisions, '--baseline', baseline, '--update-baseline', '--quiet'])).code).toBe(0);
      const known = await run('--since', 'HEAD~1', '--baseline', baseline);
      expect(known.code).toBe(0);
      expect(known.json!.known.map((v) => v.key)).toContain('internal-dependency:src/ordering/cart.ts->src/customers/loyalty.ts');
      // Fixed in the work tree: the scoped check sees it gone; the baseline's others (outside the scope) are not called fixed.
      const cart = path.join(repo, 'src/ordering/cart.ts');
      const committed = fs.readFileSync(cart, 'utf8');
      try {
        fs.writeFileSync(cart, committed.replace("import { pointsFor } from '../customers/loyalty';\n", '').replace('export const bonus = pointsFor;\n', ''));
        const fixed = await run('--since', 'HEAD~1', '--baseline', baseline);
        expect(fixed.code).toBe(0);
        expect(fixed.json!.fixed).toEqual(['internal-dependency:src/ordering/cart.ts->src/customers/loyalty.ts']);
      } finally {
        fs.writeFileSync(cart, committed);
      }
    });
  });

  it('runs the full check, and says why, when a tsconfig or the decision file changed', async () => {
    const tsconfig = path.join(repo, 'tsconfig.json');
    const before = fs.readFileSync(tsconfig, 'utf8');
    try {
      fs.writeFileSync(tsconfig, before.replace('"rootDir": "src",', '"rootDir": "src", "strict": true,'));
      const r = await run('--since', 'HEAD');
      expect(r.code).toBe(1);
      expect(r.json!.since).toMatchObject({ files: 1, leftToFullCheck: [] });
      expect(r.json!.since!.fullBecause).toContain('tsconfig.json changed since HEAD');
      expect(r.json!.new.some((v) => v.rule === 'context-cycle')).toBe(true);
      expect(r.stdout).toContain('the whole repository was checked');
    } finally {
      fs.writeFileSync(tsconfig, before);
    }
    // A decision file kept in the repository: its change places every module anew.
    fs.writeFileSync(path.join(repo, 'msa-split.decomposition.yaml'), DECISIONS);
    try {
      const r = await cli(['check', repo, '--no-history', '--decomposition', path.join(repo, 'msa-split.decomposition.yaml'), '--since', 'HEAD']);
      expect(r.stdout).toContain('msa-split.decomposition.yaml changed since HEAD, which decides where every module goes');
    } finally {
      fs.rmSync(path.join(repo, 'msa-split.decomposition.yaml'));
    }
  });

  it('exits 2 on a revision git does not know, an option-like revision, --update-baseline, and a folder without git', async () => {
    const unknown = await run('--since', 'no-such-branch');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--since no-such-branch: not a commit of this repository');
    const dashed = await run('--since', '--output=/tmp/x');
    expect(dashed.code).toBe(2);
    const update = await cli(['check', repo, '--decomposition', decisions, '--baseline', path.join(outside, 'b.json'), '--update-baseline', '--since', 'HEAD']);
    expect(update.code).toBe(2);
    expect(update.stderr).toContain('cannot be combined with --since');
    const plain = tempRepo({ 'src/a.ts': 'export const a = 1;\n' }, 'no-git');
    const noGit = await cli(['check', plain, '--decomposition', decisions, '--since', 'HEAD']);
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toContain("--since needs the repository's git history");
  });
});
