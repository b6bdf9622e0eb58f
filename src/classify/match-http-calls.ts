/**
 * Client -> server HTTP calls, matched to the routes the server declares.
 * Input: framework facts per file: `http-call` (method, URL path) on the client side; on the server
 * side route registrations (Express-style `router.get('/orders/:id')`), NestJS controllers
 * (`@Controller('orders')` + `@Get(':id')`), Spring (`@RequestMapping("/orders")` + `@GetMapping("/{id}")`)
 * and JAX-RS (`@Path` on the class and the method + `@GET`). Output: `http-call` edges from the calling
 * file to the handling file, with the call as evidence.
 * Matching: paths split into segments; a route parameter (`:id`, `{id}`, `[id]`, `*`) matches any
 * segment, a call's run-time value only a route parameter, and one literal segment at least must agree;
 * the route's segments must match the end of the call's (a global prefix such as `/api` or a router mounted
 * at a path is unknown here); methods must agree (`all`/`route` take any). The longest matching route
 * wins; equally long matches all count.
 */
import { compareStrings } from '../model/compare.js';
import type { FileEdge, FrameworkFact } from '../model/facts/code-facts.js';

interface Endpoint {
  file: string;
  method: string;
  segments: string[];
  line: number;
  text: string;
}

const NEST_METHODS: Record<string, string> = { Get: 'get', Post: 'post', Put: 'put', Patch: 'patch', Delete: 'delete', All: 'any', Head: 'head', Options: 'options' };
const SPRING_METHODS: Record<string, string> = { GetMapping: 'get', PostMapping: 'post', PutMapping: 'put', PatchMapping: 'patch', DeleteMapping: 'delete', RequestMapping: 'any' };
const JAXRS_METHODS: Record<string, string> = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete', HEAD: 'head' };

const segmentsOf = (path: string): string[] =>
  path
    .split('/')
    .filter(Boolean)
    .map((s) => (/^(:|\{|\[|\*)/.test(s) ? '*' : s.toLowerCase()));

function endpointsOf(file: string, facts: readonly FrameworkFact[]): Endpoint[] {
  const out: Endpoint[] = [];
  const push = (method: string, path: string, line: number) => out.push({ file, method, segments: segmentsOf(path), line, text: `${method.toUpperCase()} /${segmentsOf(path).join('/')}` });
  for (const f of facts) if (f.kind === 'route') push(f.name === 'all' || f.name === 'route' || f.name === 'del' ? (f.name === 'del' ? 'delete' : 'any') : f.name, f.detail ?? '', f.line);
  const prefixOf = (kind: string, names: string[]) => facts.find((f) => f.kind === kind && f.on === 'type' && names.includes(f.name))?.value;
  // NestJS
  const nest = prefixOf('decorator', ['Controller']);
  if (nest !== undefined) for (const f of facts) if (f.kind === 'decorator' && f.on === 'member' && NEST_METHODS[f.name]) push(NEST_METHODS[f.name]!, `${nest}/${f.value ?? ''}`, f.line);
  // Spring MVC / WebFlux
  const springTypes = facts.filter((f) => f.kind === 'annotation' && f.on === 'type' && (f.name === 'RestController' || f.name === 'Controller' || f.name === 'RequestMapping'));
  if (springTypes.length > 0) {
    const prefix = prefixOf('annotation', ['RequestMapping']) ?? '';
    for (const f of facts) if (f.kind === 'annotation' && f.on === 'member' && SPRING_METHODS[f.name]) push(SPRING_METHODS[f.name]!, `${prefix}/${f.value ?? ''}`, f.line);
  }
  // JAX-RS: @Path on the class, @Path and @GET/... on the same method.
  const jaxrs = prefixOf('annotation', ['Path']);
  if (jaxrs !== undefined) {
    const byMember = new Map<string, FrameworkFact[]>();
    for (const f of facts) if (f.kind === 'annotation' && f.on === 'member' && f.detail) byMember.set(f.detail, [...(byMember.get(f.detail) ?? []), f]);
    for (const list of byMember.values()) {
      const verb = list.find((f) => JAXRS_METHODS[f.name]);
      if (verb) push(JAXRS_METHODS[verb.name]!, `${jaxrs}/${list.find((f) => f.name === 'Path')?.value ?? ''}`, verb.line);
    }
  }
  return out;
}

/** The routes each file serves (`GET /orders/*`), sorted: a module's API surface as the framework declares it. */
export function servedEndpoints(frameworkFacts: ReadonlyMap<string, readonly FrameworkFact[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [file, facts] of frameworkFacts) {
    const texts = [...new Set(endpointsOf(file, facts).map((e) => e.text))].sort(compareStrings);
    if (texts.length > 0) out.set(file, texts);
  }
  return out;
}

/**
 * True when the route's segments match the end of the call's: a literal matches itself, a route
 * parameter matches anything, a parameter of the call (a value known only at run time) matches only a
 * route parameter; at least one literal segment must agree.
 */
function matchesEnd(call: readonly string[], route: readonly string[]): boolean {
  if (route.length > call.length) return false;
  const offset = call.length - route.length;
  let literal = false;
  for (let i = 0; i < route.length; i++) {
    const [r, c] = [route[i]!, call[offset + i]!];
    if (r === '*') continue;
    if (c !== r) return false;
    literal = true;
  }
  return literal;
}

export function matchHttpCalls(frameworkFacts: ReadonlyMap<string, readonly FrameworkFact[]>): FileEdge[] {
  // A route with no path (a controller's root) matches every call: it cannot say which one it serves.
  const endpoints = [...frameworkFacts].flatMap(([file, facts]) => endpointsOf(file, facts)).filter((e) => e.segments.length > 0);
  if (endpoints.length === 0) return [];
  const edges: FileEdge[] = [];
  for (const [file, facts] of [...frameworkFacts].sort(([a], [b]) => compareStrings(a, b))) {
    for (const call of facts.filter((f) => f.kind === 'http-call')) {
      const segments = segmentsOf(call.detail ?? '');
      const hits = endpoints.filter((e) => e.file !== file && (e.method === 'any' || e.method === call.name) && matchesEnd(segments, e.segments));
      const best = Math.max(0, ...hits.map((h) => h.segments.length));
      for (const h of hits.filter((x) => x.segments.length === best)) {
        edges.push({ kind: 'http-call', from: file, to: h.file, evidence: { file, line: call.line, text: `${call.name.toUpperCase()} ${call.detail} -> ${h.text} (${h.file}:${h.line})` } });
      }
    }
  }
  return edges;
}
