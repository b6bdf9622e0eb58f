/**
 * Transactions end to end on two fixtures (Spring @Transactional through repositories, Prisma
 * $transaction callback): found by the collectors, their written tables resolved, reported as crossing
 * when a decomposition gives those tables to different contexts, and costed in the plan step.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { analyzeCycles } from '../../src/analyze/cycles.js';
import { buildModuleGraph } from '../../src/cluster/build-module-graph.js';
import type { Decomposition, SystemModel } from '../../src/model/types.js';
import { planMigration } from '../../src/plan/plan-migration.js';
import { scoreDecomposition } from '../../src/score/score-decomposition.js';
import { FIXTURES } from '../helpers/temp-repo.js';

const run = (name: string) => analyze(path.join(FIXTURES, 'db', name), { symbols: false, history: false });

function split(model: SystemModel, byContext: Record<string, { tables: string[]; match: RegExp }>): Decomposition {
  return {
    method: 'by hand',
    kernel: [],
    contexts: Object.entries(byContext).map(([id, c]) => ({ id, name: id, modules: model.modules.map((m) => m.id).filter((m) => c.match.test(m)), tables: c.tables, lines: 10 })),
    confidence: [],
  };
}

describe('transactions across contexts', () => {
  it('Java: @Transactional methods write through the repositories they call; read-only ones are left out', async () => {
    const r = await run('tx-java');
    const J = 'src/main/java/com/acme/shop';
    expect(r.model.data!.transactions!.map((t) => [t.member, t.kind, t.propagation ?? '', t.writesThrough.map((w) => `${w.table}@${w.module.slice(J.length + 1)}`).join(' ')])).toEqual([
      ['checkout', '@Transactional', '', 'orders@orders/OrderRepository.java stock_items@stock/StockRepository.java'],
      ['reorder', '@Transactional', 'REQUIRES_NEW', 'orders@orders/OrderRepository.java'],
      // A TransactionTemplate's lambda is a transaction too.
      ['refill', 'TransactionTemplate', '', 'stock_items@stock/StockRepository.java'],
    ]);
    const d = split(r.model, { orders: { tables: ['orders'], match: /orders\// }, stock: { tables: ['stock_items'], match: /stock\// } });
    const { graph } = buildModuleGraph(r.model, new Set());
    const scores = scoreDecomposition(r.model, d, graph);
    expect(scores.crossingTransactions!.map((t) => [t.member, t.context, t.byContext.map((x) => `${x.context}: ${x.tables.join(',')}`).join(' | ')])).toEqual([['checkout', 'orders', 'orders: orders | stock: stock_items']]);
    expect(scores.contexts.map((c) => [c.name, c.crossTransactions!.length])).toEqual([['orders', 1], ['stock', 1]]);
    const plan = planMigration(r.model, d, scores, analyzeCycles(r.model));
    for (const step of plan.steps) {
      expect(step.costParts.transactions).toBe(1);
      expect(step.splitTransactions!.map((t) => [t.member, t.otherContexts])).toEqual([['checkout', [step.context === 'orders' ? 'stock' : 'orders']]]);
      expect(step.why).toMatch(/3 x 1 transactions to split|pilot/);
    }
    // One context owning both tables: nothing crosses.
    const together = split(r.model, { shop: { tables: ['orders', 'stock_items'], match: /shop\// } });
    expect(scoreDecomposition(r.model, together, graph).crossingTransactions).toEqual([]);
  });

  it('TypeScript: prisma.$transaction writes the tables its callback writes; BEGIN ... COMMIT in one SQL literal is a transaction', async () => {
    const r = await run('tx-ts');
    expect(r.model.data!.transactions!.map((t) => [t.id, t.kind, t.writes])).toEqual([
      ['src/checkout.ts#checkout:7', 'prisma.$transaction', ['order', 'stockitem']],
      ['src/ledger.ts#settle:7', 'BEGIN … COMMIT', ['order', 'stockitem']],
    ]);
    const d = split(r.model, { sales: { tables: ['order'], match: /checkout/ }, stock: { tables: ['stockitem'], match: /^$/ } });
    const { graph } = buildModuleGraph(r.model, new Set());
    expect(scoreDecomposition(r.model, d, graph).crossingTransactions!.map((t) => t.byContext.map((x) => x.context))).toEqual([['sales', 'stock'], ['sales', 'stock']]);
  });
});
