import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSymbolEdges } from '../../../../src/collect/code/typescript/collect-symbol-edges.js';
import { collectTypescript } from '../../../../src/collect/code/typescript/collect-typescript.js';
import { resolveSymbolEdges } from '../../../../src/collect/code/typescript/resolve-symbol-edges.js';
import { listFiles } from '../../../../src/collect/files/list-files.js';
import type { FileEdge } from '../../../../src/model/facts/code-facts.js';
import { tempRepo } from '../../../helpers/temp-repo.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures');

/** Both stages on one tree, from the same import stage. */
function bothStages(root: string): { syntax: FileEdge[]; checker: FileEdge[] } {
  const facts = collectTypescript(root, listFiles(root, { include: [], exclude: [] }), { maxFileBytes: 1 << 20, includeTests: false, entryPoints: [], sketch: true });
  return {
    syntax: resolveSymbolEdges(facts.sketches, facts.resolvedImports),
    checker: collectSymbolEdges(facts.texts, facts.resolvedImports).edges,
  };
}

const key = (e: FileEdge) => `${e.kind} ${e.from} -> ${e.to} @${e.evidence.line}`;
const edgesOf = (files: Record<string, string>) => bothStages(tempRepo(files)).syntax.map(key).sort();

/** Share of the checker's edges (by call site) the syntax stage finds too. */
function recall(syntax: FileEdge[], checker: FileEdge[]): number {
  const found = new Map<string, number>();
  for (const e of syntax) found.set(key(e), (found.get(key(e)) ?? 0) + 1);
  let hit = 0;
  for (const e of checker) {
    const n = found.get(key(e)) ?? 0;
    if (n > 0) {
      hit++;
      found.set(key(e), n - 1);
    }
  }
  return checker.length === 0 ? 1 : hit / checker.length;
}

describe('symbol edges from syntax (the default stage)', () => {
  it.each(['shop-monolith', 'nest-shop', 'angular-express', 'layered-express', 'next-app'])(
    'fixtures/%s: finds at least 95 percent of the type checker\'s call, new, JSX and heritage edges, with the same evidence',
    (name) => {
      const { syntax, checker } = bothStages(path.join(FIXTURES, name));
      expect(checker.length).toBeGreaterThan(0);
      expect(recall(syntax, checker)).toBeGreaterThanOrEqual(0.95);
      // Same member and excerpt as the checker gives for the same call site.
      const checkerEvidence = new Map<string, string[]>();
      for (const e of checker) checkerEvidence.set(key(e), [...(checkerEvidence.get(key(e)) ?? []), JSON.stringify(e.evidence)]);
      const shared = syntax.filter((e) => checkerEvidence.has(key(e)));
      expect(shared.length).toBeGreaterThan(0);
      for (const e of shared) expect(checkerEvidence.get(key(e))).toContain(JSON.stringify(e.evidence));
    },
  );

  it('follows constructor-injected services, inject(), typed fields and parameters to the declaring file', () => {
    expect(
      edgesOf({
        'src/orders/order.service.ts': 'export class OrderService {\n  place(): void {}\n}\n',
        'src/billing/billing.service.ts': 'export class BillingService {\n  charge(): void {}\n}\n',
        'src/stock/stock.service.ts': 'export class StockService {\n  reserve(): void {}\n}\n',
        'src/api/checkout.controller.ts': [
          "import { OrderService } from '../orders/order.service';",
          "import { BillingService } from '../billing/billing.service';",
          "import { StockService } from '../stock/stock.service';",
          'export class CheckoutController {',
          '  private stock = inject(StockService);',
          '  constructor(private readonly orders: OrderService) {}',
          '  run(billing: BillingService) {',
          '    this.orders.place();',
          '    billing.charge();',
          '    this.stock.reserve();',
          '  }',
          '}',
        ].join('\n'),
      }),
    ).toEqual([
      'call src/api/checkout.controller.ts -> src/billing/billing.service.ts @9',
      'call src/api/checkout.controller.ts -> src/orders/order.service.ts @8',
      'call src/api/checkout.controller.ts -> src/stock/stock.service.ts @10',
    ]);
  });

  it('looks members up along extends, through barrels, re-exports and namespace imports', () => {
    expect(
      edgesOf({
        'src/kernel/base-repository.ts': 'export class BaseRepository<T> {\n  find(): T[] { return []; }\n}\n',
        'src/kernel/index.ts': "export * from './base-repository';\nexport { money as cash } from './money';\n",
        'src/kernel/money.ts': 'export function money(): number { return 1; }\n',
        'src/orders/order.repository.ts': "import { BaseRepository } from '../kernel';\nexport class OrderRepository extends BaseRepository<string> {}\n",
        'src/orders/use.ts': [
          "import { OrderRepository } from './order.repository';",
          "import * as kernel from '../kernel';",
          'export function list(repo: OrderRepository) {',
          '  kernel.cash();',
          '  return repo.find();',
          '}',
        ].join('\n'),
      }),
    ).toEqual([
      'call src/orders/use.ts -> src/kernel/base-repository.ts @5',
      'call src/orders/use.ts -> src/kernel/money.ts @4',
      'extends src/orders/order.repository.ts -> src/kernel/base-repository.ts @2',
    ]);
  });

  it('follows declared return types, factories returning object literals, `as const` objects and type-literal aliases', () => {
    expect(
      edgesOf({
        'src/store.ts': 'export function createStore() {\n  return { get(): number { return 1; } };\n}\nexport const Store = createStore();\n',
        'src/log.ts': 'export const Log = {\n  warn: (m: string) => m,\n} as const;\n',
        'src/auth.ts': 'export type AuthDef = { currentUser: () => string };\nexport type PlatformDef = { auth: AuthDef };\nexport let platform: PlatformDef;\n',
        'src/user.ts': 'export class User {\n  name(): string { return ""; }\n}\nexport class Users {\n  async load(): Promise<User> { return new User(); }\n}\n',
        'src/app.ts': [
          "import { Store } from './store';",
          "import { Log } from './log';",
          "import { platform } from './auth';",
          "import { Users } from './user';",
          'export async function main(users: Users) {',
          '  Store.get();',
          "  Log.warn('x');",
          '  platform.auth.currentUser();',
          '  const user = await users.load();',
          '  return user.name();',
          '}',
        ].join('\n'),
      }),
    ).toEqual([
      'call src/app.ts -> src/auth.ts @8',
      'call src/app.ts -> src/log.ts @7',
      'call src/app.ts -> src/store.ts @6',
      'call src/app.ts -> src/user.ts @10',
      'call src/app.ts -> src/user.ts @9',
    ]);
  });

  it('reads CommonJS: require bindings (also inside functions and in place), module.exports and this.x = new X() fields', () => {
    expect(
      edgesOf({
        'server/db.js': 'class Database {\n  static connect() {}\n}\nmodule.exports = Database;\n',
        'server/cache.js': 'exports.init = function () {};\n',
        'server/monitor.js': [
          "const Database = require('./db');",
          'class Monitor {',
          '  constructor() {',
          "    const { Cache } = require('./cache');",
          '    this.db = new Database();',
          '  }',
          '  start() {',
          '    Database.connect();',
          "    require('./cache').init();",
          '  }',
          '}',
          'module.exports = Monitor;',
        ].join('\n'),
      }),
    ).toEqual(['call server/monitor.js -> server/cache.js @9', 'call server/monitor.js -> server/db.js @5', 'call server/monitor.js -> server/db.js @8']);
  });

  it('does not guess: a local that shadows an import, an unknown receiver and array methods on a constant give no edge', () => {
    expect(
      edgesOf({
        'src/orders.ts': 'export class Orders {\n  place(): void {}\n}\nexport const STATUSES = ["open"];\n',
        'src/app.ts': [
          "import { Orders, STATUSES } from './orders';",
          'export function run(Orders: any, thing: unknown) {',
          '  Orders.place();',
          '  (thing as any).place();',
          "  return STATUSES.includes('open');",
          '}',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('survives re-export cycles, self-extending classes and names such as constructor and __proto__', () => {
    expect(
      edgesOf({
        'src/a.ts': "export * from './b';\nexport class constructor {}\nexport class Loop extends Loop {}\n",
        'src/b.ts': "export * from './a';\nexport function __proto__() {}\n",
        'src/c.ts': "import { constructor, __proto__, missing } from './a';\nnew constructor();\n__proto__();\nmissing();\n",
      }),
    ).toEqual(['call src/c.ts -> src/a.ts @2', 'call src/c.ts -> src/b.ts @3']);
  });
});
