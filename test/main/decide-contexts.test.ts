/**
 * `analyze --decomposition`: a decided decomposition is scored, explained and planned exactly like a
 * proposal; what the file leaves open is placed and listed; the file written back is the file read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { reproposeContexts } from '../../src/main/propose-contexts.js';
import { renderReports } from '../../src/report/registry.js';
import { identifier } from '../../src/report/context-map.js';
import { decisionFileText } from '../../src/report/decision-file-text.js';
import { decisionsOfResult } from '../../src/report/decisions-of-result.js';
import { renderDecisionFile } from '../../src/report/render-decision-file.js';
import type { AnalysisResult } from '../../src/result/analysis-result.js';
import { FIXTURES, tempRepo } from '../helpers/temp-repo.js';

const SHOP = `${FIXTURES}/shop-monolith`;

const PARTIAL = `version: 1
contexts:
  - id: catalog
    include: ["src/catalog/**"]
  - id: customers
    include: ["src/customers/**"]
  - id: ordering
    name: Ordering
    include: ["src/ordering/**"]
  - id: inventory
    include: ["src/inventory/**"]
  - id: payments
    include: ["src/payments/**"]
    modules: [src/jobs/retry-payments-job.ts]
    tables: [orders]
  - id: shipping
    include: ["src/shipping/**"]
  - id: ghost
    include: ["src/ghost/**"]
kernel: ["src/shared/**"]
macro:
  - id: sales
    name: Sales
    contexts: [ordering, payments]
decisions:
  - date: "2026-12-04"
    who: workshop
    what: Payments owns the retry job
`;

describe('a decided decomposition', () => {
  let proposal: AnalysisResult;
  let decided: AnalysisResult;
  let partial: AnalysisResult;
  let dir: string;
  beforeAll(async () => {
    proposal = await analyze(SHOP, { history: false });
    dir = tempRepo({ 'proposal.yaml': decisionFileText(decisionsOfResult(proposal)!), 'partial.yaml': PARTIAL }, 'decisions');
    decided = await analyze(SHOP, { history: false, decomposition: path.join(dir, 'proposal.yaml') });
    partial = await analyze(SHOP, { history: false, decomposition: path.join(dir, 'partial.yaml') });
  }, 60_000);

  it('scores the proposal written as a decision file exactly like the proposal', () => {
    const members = (r: AnalysisResult) => r.decomposition!.contexts.map((c) => c.modules);
    expect(members(decided)).toEqual(members(proposal));
    expect(decided.decomposition!.kernel).toEqual(proposal.decomposition!.kernel);
    expect(decided.decomposition!.placed).toEqual([]);
    expect(decided.scores!.global).toEqual(proposal.scores!.global);
    // Same numbers; the ids differ (ctx-3 in the proposal, payment in the file).
    const numbers = (r: AnalysisResult) => r.scores!.contexts.map((c) => [c.cohesion, c.coupling, c.afferent.length, c.efferent.length, c.apiSurface]);
    expect(numbers(decided)).toEqual(numbers(proposal));
    expect(decided.plan!.steps.map((s) => [s.modules, s.cost])).toEqual(proposal.plan!.steps.map((s) => [s.modules, s.cost]));
    expect(decided.decomposition!.contexts.map((c) => c.tables)).toEqual(proposal.decomposition!.contexts.map((c) => c.tables));
  });

  it('lists a module only when no folder glob of its context takes it', () => {
    const file = decisionsOfResult(proposal)!;
    const listed = file.contexts.flatMap((c) => (c.modules ?? []).filter((m) => (c.include ?? []).some((g) => m.startsWith(g.replace(/\*\*$/, '')))));
    expect(listed).toEqual([]);
    expect(file.contexts.some((c) => (c.include ?? []).length > 0)).toBe(true);
  });

  it('writes back the file it read, byte for byte', () => {
    expect(renderDecisionFile(decided)[0]!.content).toBe(fs.readFileSync(path.join(dir, 'proposal.yaml'), 'utf8'));
    expect(renderDecisionFile(partial)[0]!.content).toBe(decisionFileText(partial.decisions!));
    expect(decisionFileText(partial.decisions!).split('\n').slice(3).join('\n')).toBe(
      PARTIAL.replace(/include: \["(.*)"\]/g, 'include:\n      - "$1"').replace('modules: [src/jobs/retry-payments-job.ts]', 'modules:\n      - src/jobs/retry-payments-job.ts').replace('tables: [orders]', 'tables:\n      - orders').replace('kernel: ["src/shared/**"]', 'kernel:\n  - "src/shared/**"').replace('contexts: [ordering, payments]', 'contexts:\n      - ordering\n      - payments'),
    );
  });

  it('places what the file leaves open and says why', () => {
    const placed = new Map(partial.decomposition!.placed!.map((p) => [p.module, p]));
    expect(placed.get('src/reporting/sales-report.ts')).toEqual({ module: 'src/reporting/sales-report.ts', context: 'ordering', reason: 'ties 0.7 of its 1.15 to ordering; next catalog 0.25' });
    expect(placed.get('src/jobs/reorder-stock-job.ts')?.context).toBe('inventory');
    expect(placed.get('src/server.ts')?.context).toBe('(platform)');
    // Notifications tie mostly to each other: a context of their own rather than scattered.
    const notifications = partial.decomposition!.contexts.find((c) => c.modules.includes('src/notifications/notification-service.ts'))!;
    expect(notifications.id).toMatch(/^new-\d$/);
    expect(notifications.modules).toEqual(['src/notifications/email-sender.ts', 'src/notifications/notification-service.ts', 'src/notifications/templates.ts']);
    expect(placed.get('src/notifications/templates.ts')?.reason).toContain('clustered with them');
    expect(placed.get('src/catalog/product.ts')).toBeUndefined();
  });

  it('keeps the decided ids, names, table owners and macro level, and warns about what names nothing', () => {
    const d = partial.decomposition!;
    expect(d.contexts.slice(0, 6).map((c) => c.id)).toEqual(['catalog', 'customers', 'ordering', 'inventory', 'payments', 'shipping']);
    expect(d.contexts.find((c) => c.id === 'ordering')!.name).toBe('Ordering');
    expect(d.contexts.find((c) => c.id === 'payments')!.tables).toContain('orders');
    expect(d.contexts.find((c) => c.id === 'ordering')!.tables).not.toContain('orders');
    expect(d.macro).toEqual([{ id: 'sales', name: 'Sales', contexts: ['ordering', 'payments'] }]);
    expect(partial.model.diagnostics.filter((x) => x.code === 'decision-file').map((x) => x.message)).toEqual([
      'decision file: context ghost has no module in this repository; left out of the scores',
      'decision file: glob src/ghost/** in contexts[6].include[0] (ghost) matches no module of this repository',
    ]);
    expect(partial.plan!.steps.length).toBeGreaterThan(0);
    expect(partial.assessment).toBeDefined();
    expect(JSON.stringify(partial.options)).not.toContain('partial.yaml');
  });

  it('exports the decided model to Context Mapper and Structurizr, and a re-proposal drops the decisions', async () => {
    const files = await renderReports(partial, ['cml', 'structurizr']);
    const cml = files.find((f) => f.name === 'model.cml')!.content;
    const dsl = files.find((f) => f.name === 'workspace.dsl')!.content;
    expect(cml).toContain('bounded contexts decided in the decision file, scored by msa-split');
    for (const c of partial.decomposition!.contexts) expect(cml).toContain(`BoundedContext ${identifier(c.name)}`);
    expect(dsl).toContain('Services decided in the decision file');
    expect(dsl).toContain('"Ordering"');
    const again = reproposeContexts(partial, { source: { kind: 'api' }, values: {} });
    expect(again.decisions).toBeUndefined();
    expect(again.decomposition!.placed).toBeUndefined();
    expect(renderDecisionFile(again)[0]!.content).toContain('notes: "Proposed by msa-split');
  });
});
