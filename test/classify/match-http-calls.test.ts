/**
 * Client HTTP calls matched to server routes: Express-style registrations, NestJS controllers, Spring
 * and JAX-RS resources; parameters match any segment, an unknown global prefix is tolerated, the most
 * specific route wins.
 */
import { describe, expect, it } from 'vitest';
import { matchHttpCalls } from '../../src/classify/match-http-calls.js';
import { scanSource } from '../../src/collect/code/typescript/scan-source.js';
import type { FrameworkFact } from '../../src/model/facts/code-facts.js';

const call = (name: string, detail: string, line = 1): FrameworkFact => ({ kind: 'http-call', name, detail, line });

describe('scanSource: HTTP calls', () => {
  it('reads fetch, axios, an Angular HttpClient with a base URL, and leaves a Map.get alone', () => {
    const text = [
      "fetch('/api/orders?limit=5');",
      'axios.post(`/api/orders/${id}/items`, body);',
      'this.http.get<Order[]>(`${this.baseUrl}/orders/${id}`);',
      "cache.get('/api/orders');",
      "fetch('https://api.github.com/repos/x');",
      "fetch('http://localhost:3000/api/customers/7');",
      "fetch(url);",
    ].join('\n');
    const calls = scanSource('web/api.ts', text).framework.filter((f) => f.kind === 'http-call');
    expect(calls.map((c) => `${c.name} ${c.detail} @${c.line}`)).toEqual(['get /api/orders @1', 'post /api/orders/:param/items @2', 'get /orders/:param @3', 'get /api/customers/7 @6']);
  });

  it('keeps the first string argument of decorators', () => {
    const facts = scanSource('a.ts', "@Controller('orders')\nclass A {\n  @Get(':id') one() {}\n  @Post() add() {}\n}\n").framework;
    expect(facts.map((f) => `${f.name}=${f.value}`)).toEqual(['Controller=orders', 'Get=:id', 'Post=']);
  });
});

describe('matchHttpCalls', () => {
  const server = new Map<string, FrameworkFact[]>([
    ['server/orders-routes.ts', [{ kind: 'route', name: 'get', detail: '/orders/:id', line: 4 }, { kind: 'route', name: 'get', detail: '/orders', line: 3 }]],
    ['api/src/customers.controller.ts', [
      { kind: 'decorator', name: 'Controller', on: 'type', value: 'customers', line: 2 },
      { kind: 'decorator', name: 'Get', on: 'member', value: ':id', line: 5 },
      { kind: 'decorator', name: 'Post', on: 'member', value: '', line: 8 },
    ]],
    ['src/main/java/PaymentController.java', [
      { kind: 'annotation', name: 'RestController', on: 'type', line: 3 },
      { kind: 'annotation', name: 'RequestMapping', on: 'type', value: '/payments', line: 4 },
      { kind: 'annotation', name: 'PostMapping', on: 'member', value: '/{ref}/refund', detail: 'PaymentController.refund', line: 9 },
    ]],
    ['src/main/java/StockResource.java', [
      { kind: 'annotation', name: 'Path', on: 'type', value: '/stock', line: 2 },
      { kind: 'annotation', name: 'GET', on: 'member', detail: 'StockResource.one', line: 6 },
      { kind: 'annotation', name: 'Path', on: 'member', value: '{sku}', detail: 'StockResource.one', line: 6 },
    ]],
  ]);
  const edgesFor = (calls: FrameworkFact[]) => matchHttpCalls(new Map([...server, ['web/client.ts', calls]])).map((e) => `${e.to} | ${e.evidence.text}`);

  it('matches each server style, with the call as evidence and the most specific route', () => {
    expect(edgesFor([call('get', '/api/orders/:param', 7)])).toEqual(['server/orders-routes.ts | GET /api/orders/:param -> GET /orders/* (server/orders-routes.ts:4)']);
    expect(edgesFor([call('get', '/api/orders')])).toEqual(['server/orders-routes.ts | GET /api/orders -> GET /orders (server/orders-routes.ts:3)']);
    expect(edgesFor([call('post', '/api/customers')])).toEqual(['api/src/customers.controller.ts | POST /api/customers -> POST /customers (api/src/customers.controller.ts:8)']);
    expect(edgesFor([call('post', '/payments/AB12/refund')])).toEqual(['src/main/java/PaymentController.java | POST /payments/AB12/refund -> POST /payments/*/refund (src/main/java/PaymentController.java:9)']);
    expect(edgesFor([call('get', '/stock/:param')])).toEqual(['src/main/java/StockResource.java | GET /stock/:param -> GET /stock/* (src/main/java/StockResource.java:6)']);
  });

  it('does not match another method or an unknown path', () => {
    expect(edgesFor([call('delete', '/api/orders/1'), call('get', '/api/invoices/1')])).toEqual([]);
    // A run-time value in the call matches only a route parameter, and a call of parameters only matches nothing.
    expect(edgesFor([call('get', '/coins/:param'), call('get', '/:param/:param')])).toEqual([]);
  });
});
