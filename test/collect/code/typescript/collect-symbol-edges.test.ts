import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/main/analyze.js';
import { tempRepo } from '../../../helpers/temp-repo.js';

const symbolEdges = async (files: Record<string, string>, deep = false) =>
  (await analyze(tempRepo(files), { deep }))
    .model.edges.filter((e) => ['call', 'extends', 'implements'].includes(e.kind))
    .map((e) => ({ edge: `${e.kind} ${e.from} -> ${e.to} x${e.weight}`, lines: e.evidence.map((v) => v.line) }));

// The same expectations hold for the default (syntax) stage and for --deep (the type checker).
describe.each([false, true])('symbol edges (calls, new, inheritance), deep=%s', (deep) => {
  it('counts calls and new of imported functions and classes, method calls on imported types, with file:line evidence', async () => {
    const result = await symbolEdges({
      'src/billing/invoice.ts': 'export class Invoice {\n  total(): number { return 1; }\n}\nexport function createInvoice(): Invoice { return new Invoice(); }\n',
      'src/orders/order.ts': [
        "import { createInvoice, Invoice } from '../billing/invoice';",
        'export function bill(): number {',
        '  const a = createInvoice();',
        '  const b = new Invoice();',
        '  createInvoice();',
        '  return a.total() + b.total();',
        '}',
      ].join('\n'),
    }, deep);
    expect(result).toEqual([{ edge: 'call src/orders/order.ts -> src/billing/invoice.ts x5', lines: [3, 4, 5, 6, 6] }]);
  });

  it('sees through barrels and aliases to the declaring file', async () => {
    const result = await symbolEdges({
      'src/kernel/money.ts': 'export class Money { constructor(readonly cents: number) {} }\n',
      'src/kernel/index.ts': "export * from './money';\n",
      'src/orders/order.ts': "import { Money as Cash } from '../kernel';\nexport const m = new Cash(1);\n",
    }, deep);
    expect(result.map((r) => r.edge)).toEqual(['call src/orders/order.ts -> src/kernel/money.ts x1']);
  });

  it('records extends and implements across files, for classes and interfaces', async () => {
    const result = await symbolEdges({
      'src/kernel/base.ts': 'export abstract class Entity {}\nexport interface Audited { audit(): void }\n',
      'src/orders/order.ts': "import { Entity, type Audited } from '../kernel/base';\nexport class Order extends Entity implements Audited { audit() {} }\nexport interface Line extends Audited {}\n",
    }, deep);
    expect(result.map((r) => r.edge)).toEqual([
      'extends src/orders/order.ts -> src/kernel/base.ts x2',
      'implements src/orders/order.ts -> src/kernel/base.ts x1',
    ]);
  });

  it('counts JSX use of components from another file', async () => {
    const result = await symbolEdges({
      'src/ui/button.tsx': 'export function Button() { return null; }\n',
      'src/pages/home.tsx': "import { Button } from '../ui/button';\nexport const Home = () => <div><Button /><Button /></div>;\n",
    }, deep);
    expect(result.map((r) => r.edge)).toEqual(['call src/pages/home.tsx -> src/ui/button.tsx x2']);
  });

  it('ignores calls to external packages and to the same file', async () => {
    const result = await symbolEdges({
      'src/a.ts': "import { z } from 'zod';\nfunction local() { return 1; }\nexport const a = () => local() + Number(z);\n",
    }, deep);
    expect(result).toEqual([]);
  });
});
