/**
 * Units and sides: UI framework imports make a module browser-side, server frameworks, drivers and
 * Node's system modules server-side, the rest follows the modules importing it; clustering never puts
 * a browser module and a server module in one context.
 */
import { describe, expect, it } from 'vitest';
import { assignUnits } from '../../src/classify/assign-units.js';
import { analyze } from '../../src/main/analyze.js';
import type { ExternalDependency } from '../../src/model/types.js';
import { tinyModel } from '../helpers/tiny-model.js';
import { tempRepo } from '../helpers/temp-repo.js';

const ext = (name: string, importedBy: { module: string; typeOnly?: true }[], kind: 'package' | 'builtin' = 'package'): ExternalDependency => ({
  name, kind, declared: true, importedBy: importedBy.map((i) => ({ count: 1, ...i })),
});

describe('assignUnits', () => {
  it('seeds sides from packages, follows imports, and ignores type-only imports and ORM packages', () => {
    const model = tinyModel(['web/app.tsx -> web/cart.ts', 'web/cart.ts -> lib/money.ts', 'api/server.ts -> api/orders.ts', 'api/orders.ts -> lib/money.ts', 'web/dto.ts -> lib/money.ts'], { modules: ['tools/x.ts'] });
    model.externals = [
      ext('react', [{ module: 'web/app.tsx' }]),
      ext('express', [{ module: 'api/server.ts' }]),
      ext('fs', [{ module: 'api/orders.ts' }], 'builtin'),
      ext('@prisma/client', [{ module: 'web/dto.ts' }]),
      ext('pg', [{ module: 'web/cart.ts', typeOnly: true }]),
    ];
    const units = assignUnits(model, ['web', 'api']);
    const side = (m: string) => units.get(m)!.side;
    expect(['web/app.tsx', 'web/cart.ts', 'api/server.ts', 'api/orders.ts', 'lib/money.ts', 'web/dto.ts', 'tools/x.ts'].map(side)).toEqual([
      'browser', 'browser', 'server', 'server', 'shared', 'unknown', 'unknown',
    ]);
    expect(units.get('web/app.tsx')).toEqual({ id: 'web', side: 'browser', rule: 'imports react' });
    expect(units.get('lib/money.ts')).toMatchObject({ id: '', rule: 'imported from browser and server modules' });
    expect(units.get('api/orders.ts')!.id).toBe('api');
  });
});

describe('contexts never mix browser and server modules', () => {
  it('keeps a client page and the server route it mirrors apart, however strongly they are tied, and links them by HTTP', async () => {
    const repo = tempRepo({
      'package.json': JSON.stringify({ name: 'shop', dependencies: { react: '18', express: '4' } }),
      'client/orders-page.tsx': "import React from 'react';\nimport { total } from '../shared/total';\nexport const OrdersPage = () => total([1]);\n",
      'client/orders-list.tsx': "import React from 'react';\nimport { OrdersPage } from './orders-page';\nexport const List = () => [OrdersPage(), fetch('/api/orders')];\n",
      'client/order-form.tsx': "import React from 'react';\nimport { OrdersPage } from './orders-page';\nimport { total } from '../shared/total';\nexport const Form = () => [OrdersPage(), total([2])];\n",
      'server/orders-route.ts': "import express from 'express';\nimport { total } from '../shared/total';\nimport { OrdersPage } from '../client/orders-page';\nexport const r = express.Router();\nr.get('/orders', () => [total([1]), OrdersPage]);\n",
      'server/orders-repo.ts': "import express from 'express';\nimport { r } from './orders-route';\nexport const repo = r;\n",
      'server/orders-job.ts': "import express from 'express';\nimport { r } from './orders-route';\nexport const job = r;\n",
      'shared/total.ts': 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n',
    });
    const r = await analyze(repo, { history: false, runs: 3, minContextSize: 1 });
    const side = new Map(r.model.modules.map((m) => [m.id, m.unit!.side]));
    expect(side.get('client/orders-page.tsx')).toBe('browser');
    expect(side.get('server/orders-route.ts')).toBe('server');
    expect(r.model.edges.filter((e) => e.kind === 'http-call')).toMatchObject([
      { from: 'client/orders-list.tsx', to: 'server/orders-route.ts', evidence: [{ file: 'client/orders-list.tsx', line: 3, text: 'GET /api/orders -> GET /orders (server/orders-route.ts:5)' }] },
    ]);
    for (const c of r.decomposition!.contexts) {
      const sides = new Set(c.modules.map((m) => side.get(m)));
      expect(sides.has('browser') && sides.has('server'), c.modules.join(', ')).toBe(false);
    }
  });
});
