/**
 * Express, Koa, Fastify, Hono and friends: a file that registers a route with a path literal
 * (`router.get('/orders', handler)`) is an interface (the first registration is the evidence).
 */
import type { FrameworkDetector } from '../file-view.js';

export const routeDetector: FrameworkDetector = {
  name: 'HTTP route registration',
  uses: (_deps, anyFacts) => anyFacts,
  detect(file) {
    const route = file.facts.find((f) => f.kind === 'route');
    if (!route) return undefined;
    const count = file.facts.filter((f) => f.kind === 'route').length;
    return {
      role: 'interface',
      rule: `registers ${count} route${count === 1 ? '' : 's'} (${route.name.toUpperCase()} ${route.detail})`,
      evidence: { file: file.path, line: route.line, text: `${route.name.toUpperCase()} ${route.detail}` },
    };
  },
};
