/**
 * Deployable units and the side of the wire each module runs on.
 * Input: the model (modules, code edges, external packages per module) and the unit roots (folders of
 * package.json, pom.xml, build.gradle). Output per module: its unit (the nearest root, '' = the
 * repository) and its side: `browser` when it imports a UI framework (react, vue, @angular, svelte,
 * solid, preact, lit, next/navigation...; it wins over server packages, whose types UI code borrows),
 * `server` when it imports a server framework, a database
 * driver or Node's system modules, or is Java; otherwise the side of the modules that import it,
 * followed along imports (type-only imports of a package give no side): reached only from browser modules -> browser, only from server modules ->
 * server, from both -> shared; reached from neither -> unknown.
 */
import { compareStrings } from '../model/compare.js';
import { pushTo } from '../model/group.js';
import type { Side, SystemModel, UnitFact } from '../model/types.js';

const BROWSER = /^(react|react-dom|vue|@vue\/.+|@angular\/(core|common|router|forms|material|cdk|platform-browser).*|svelte|solid-js|preact|lit|@remix-run\/react|next\/(navigation|router|link|image|head)|@tanstack\/react-query|zone\.js)$/;
// ORM packages (Prisma, TypeORM, MikroORM, Sequelize, Mongoose) are left out on purpose: their enums,
// entity classes and types are shared with UI code, so importing them says nothing about the side.
const SERVER = /^(express|koa|fastify|hapi|@hapi\/.+|hono|@nestjs\/.+|next\/server|pg|mysql2?|mariadb|sqlite3|better-sqlite3|mongodb|knex|objection|redis|ioredis|bull|bullmq|socket\.io|ws|nodemailer)$/;
const NODE_SYSTEM = /^(node:)?(fs|fs\/promises|child_process|net|tls|http|https|http2|cluster|dgram|worker_threads|os|path|crypto|stream|zlib|dns|readline|vm|v8|process)$/;

export function assignUnits(
  model: SystemModel,
  unitRoots: readonly string[],
  /** Sides the framework conventions fix per file ('use client', Next.js route handlers); they win. */
  fileSides: ReadonlyMap<string, { side: 'browser' | 'server'; rule: string }> = new Map(),
  dependencies: ReadonlySet<string> = new Set(),
): Map<string, UnitFact> {
  const roots = [...new Set(unitRoots)].filter((r) => r !== '').sort((a, b) => b.length - a.length || compareStrings(a, b));
  const unitOf = (id: string) => roots.find((r) => id === r || id.startsWith(`${r}/`)) ?? '';
  const seed = new Map<string, { side: 'browser' | 'server'; rule: string }>();
  // With React Server Components (Next.js) importing React says nothing: files run on the server unless
  // they say 'use client'.
  const rsc = dependencies.has('next');
  for (const e of model.externals) {
    if (rsc && /^(react|react-dom)$/.test(e.name)) continue;
    const side = BROWSER.test(e.name) ? 'browser' : SERVER.test(e.name) || (e.kind === 'builtin' && NODE_SYSTEM.test(e.name)) ? 'server' : undefined;
    if (!side) continue;
    for (const m of e.importedBy) {
      // Borrowing a package's types runs none of its code: no side from that.
      if (m.typeOnly) continue;
      const had = seed.get(m.module);
      // A module importing both a UI framework and a server package is UI code that borrows the
      // server's types (an Angular component importing a Prisma enum): the UI framework decides.
      if (!had || (had.side === 'server' && side === 'browser')) seed.set(m.module, { side, rule: `imports ${e.name}` });
    }
  }
  for (const m of model.modules) if (!seed.has(m.id) && m.languages.includes('java')) seed.set(m.id, { side: 'server', rule: 'Java code' });
  for (const m of model.modules) {
    const fixed = m.files.map((f) => fileSides.get(f)).find(Boolean);
    if (fixed) seed.set(m.id, fixed);
  }

  // Follow imports from each side's seeds.
  const out = new Map<string, string[]>();
  // Code runs where it is imported; an HTTP call crosses the wire and carries no side.
  for (const e of model.edges) if (e.kind !== 'type-import' && e.kind !== 'http-call') pushTo(out, e.from, e.to);
  const reach = (side: 'browser' | 'server') => {
    const seen = new Set([...seed].filter(([, s]) => s.side === side).map(([m]) => m));
    const queue = [...seen];
    while (queue.length > 0) for (const next of out.get(queue.pop()!) ?? []) if (!seen.has(next)) (seen.add(next), queue.push(next));
    return seen;
  };
  const browser = reach('browser');
  const server = reach('server');
  const units = new Map<string, UnitFact>();
  for (const m of model.modules) {
    const s = seed.get(m.id);
    let side: Side;
    let rule: string;
    if (s) [side, rule] = [s.side, s.rule];
    else if (browser.has(m.id) && server.has(m.id)) [side, rule] = ['shared', 'imported from browser and server modules'];
    else if (browser.has(m.id)) [side, rule] = ['browser', 'imported only from browser modules'];
    else if (server.has(m.id)) [side, rule] = ['server', 'imported only from server modules'];
    else [side, rule] = ['unknown', 'no UI or server framework on its import paths'];
    units.set(m.id, { id: unitOf(m.id), side, rule });
  }
  return units;
}
