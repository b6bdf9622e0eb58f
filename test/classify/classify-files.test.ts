/**
 * The classify stage: a role for every file (with the rule and its evidence) and the entry points
 * frameworks create, from framework facts first, then paths and names.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFiles, type ClassifyInput } from '../../src/classify/classify-files.js';
import { analyze } from '../../src/main/analyze.js';
import type { FrameworkFact } from '../../src/model/facts/code-facts.js';
import { FIXTURES, tempRepo } from '../helpers/temp-repo.js';

const classify = (files: Record<string, FrameworkFact[]>, extra: Partial<ClassifyInput> = {}) =>
  classifyFiles({ files: Object.keys(files), frameworkFacts: new Map(Object.entries(files)), packageRoots: [''], dependencies: new Set(), overrides: {}, ...extra });
const ann = (name: string, on: 'type' | 'member' = 'type', line = 3): FrameworkFact => ({ kind: 'annotation', name, on, line, detail: 'X' });
const dec = (name: string, on: 'type' | 'member' = 'type', line = 5): FrameworkFact => ({ kind: 'decorator', name, on, line, detail: 'X' });

describe('roles from framework facts', () => {
  it('reads Spring and Jakarta EE annotations and Spring Data supertypes, with entry points and evidence', () => {
    const { roles, entryPoints } = classify({
      'a/App.java': [ann('SpringBootApplication')],
      'a/WebConfig.java': [ann('Configuration')],
      'a/Order.java': [ann('Entity')],
      'a/OrderRepo.java': [{ kind: 'supertype', name: 'JpaRepository', line: 4 }],
      'a/OrderApi.java': [ann('RestController')],
      'a/Billing.java': [ann('Stateless')],
      'a/Nightly.java': [ann('Scheduled', 'member', 9)],
      'a/Tool.java': [{ kind: 'main', name: 'main', on: 'member', line: 2 }],
    });
    const r = (f: string) => [roles.get(f)!.role, roles.get(f)!.setAside ?? '-'].join('/');
    expect(['a/App.java', 'a/WebConfig.java', 'a/Order.java', 'a/OrderRepo.java', 'a/OrderApi.java', 'a/Billing.java', 'a/Nightly.java', 'a/Tool.java'].map(r)).toEqual([
      'configuration/platform', 'configuration/platform', 'domain/-', 'persistence/-', 'interface/-', 'application/-', 'interface/-', 'configuration/platform',
    ]);
    expect(roles.get('a/OrderApi.java')).toMatchObject({ rule: '@RestController (Spring / Jakarta EE)', evidence: { file: 'a/OrderApi.java', line: 3 } });
    expect(entryPoints.get('a/OrderApi.java')).toBe('@RestController (called by the container)');
    expect(entryPoints.get('a/Nightly.java')).toBe('@Scheduled on X');
    expect(entryPoints.has('a/Order.java')).toBe(false);
  });

  it('reads NestJS, Angular and ORM decorators: the root module is platform, feature modules are not', () => {
    const { roles, entryPoints } = classify({
      'src/app.module.ts': [dec('Module')],
      'src/orders/orders.module.ts': [dec('Module')],
      'src/orders/orders.controller.ts': [dec('Controller')],
      'src/orders/orders.service.ts': [dec('Injectable')],
      'src/orders/orders.repository.ts': [dec('Injectable')],
      'src/orders/order.entity.ts': [dec('Entity')],
      'src/orders/cleanup.ts': [dec('Cron', 'member')],
      'web/app/cart.component.ts': [dec('Component')],
    });
    expect(roles.get('src/app.module.ts')).toMatchObject({ role: 'configuration', setAside: 'platform' });
    expect(roles.get('src/orders/orders.module.ts')).toMatchObject({ role: 'configuration' });
    expect(roles.get('src/orders/orders.module.ts')!.setAside).toBeUndefined();
    expect(['orders.controller', 'orders.service', 'orders.repository', 'order.entity', 'cleanup'].map((n) => roles.get(`src/orders/${n}.ts`)!.role)).toEqual(['interface', 'application', 'persistence', 'domain', 'interface']);
    expect(roles.get('web/app/cart.component.ts')!.role).toBe('interface');
    expect(entryPoints.get('src/orders/orders.service.ts')).toBe('@Injectable (created by dependency injection)');
  });

  it('knows Next.js file routing only where next is a dependency, and route registrations anywhere', () => {
    const files = { 'app/orders/page.tsx': [], 'app/layout.tsx': [], 'pages/api/orders.ts': [], 'pages/_app.tsx': [], 'middleware.ts': [], 'server/routes.ts': [{ kind: 'route', name: 'get', detail: '/orders', line: 7 } as FrameworkFact] };
    const next = classify(files, { dependencies: new Set(['next']) });
    expect(next.entryPoints.get('app/orders/page.tsx')).toBe('Next.js app router page');
    expect(next.entryPoints.get('pages/api/orders.ts')).toBe('Next.js API route');
    expect(next.roles.get('pages/_app.tsx')).toMatchObject({ role: 'configuration', setAside: 'platform' });
    expect(next.roles.get('app/layout.tsx')).toMatchObject({ role: 'configuration', setAside: 'platform' });
    expect(next.entryPoints.get('middleware.ts')).toBe('Next.js middleware');
    expect(next.roles.get('server/routes.ts')).toMatchObject({ role: 'interface', rule: 'registers 1 route (GET /orders) (HTTP route registration)', evidence: { line: 7 } });
    const plain = classify(files);
    expect(plain.entryPoints.has('app/orders/page.tsx')).toBe(false);
  });
});

describe('roles from paths and names', () => {
  it('sets tooling and generated code aside, keeps program config in the program', () => {
    const { roles } = classify(Object.fromEntries(
      ['eslint.config.mjs', 'cypress.config.ts', '.eslintrc.js', 'web/karma.conf.js', '.mvn/wrapper/MavenWrapperDownloader.java', 'src/main/java/a/package-info.java', 'buildSrc/src/Plugin.java', 'scripts/seed.ts', 'src/generated/api.ts', 'src/app/app.config.ts', 'src/database.config.ts'].map((f) => [f, []]),
    ));
    const of = (f: string) => `${roles.get(f)!.role}/${roles.get(f)!.setAside ?? '-'}`;
    expect(['eslint.config.mjs', 'cypress.config.ts', '.eslintrc.js', 'web/karma.conf.js', '.mvn/wrapper/MavenWrapperDownloader.java', 'src/main/java/a/package-info.java', 'buildSrc/src/Plugin.java', 'scripts/seed.ts'].map(of)).toEqual(Array(8).fill('tooling/tooling'));
    expect(of('src/generated/api.ts')).toBe('generated/tooling');
    expect(of('src/app/app.config.ts')).toBe('configuration/platform');
    expect(of('src/database.config.ts')).toBe('configuration/platform');
  });

  it('reads technical names and folders, defaults a business noun to domain, and lets the config override', () => {
    const files = ['src/orders/order-repository.ts', 'src/orders/OrderController.java', 'src/orders/order-service.ts', 'src/orders/order.ts', 'src/shared/logger.ts', 'db/migrations/001_init.ts', 'src/legacy/old.ts'];
    const { roles } = classify(Object.fromEntries(files.map((f) => [f, []])), { overrides: { 'src/legacy/**': 'tooling' } });
    expect(files.map((f) => roles.get(f)!.role)).toEqual(['persistence', 'interface', 'application', 'domain', 'infrastructure', 'persistence', 'tooling']);
    expect(roles.get('src/orders/order.ts')!.rule).toBe('default: no framework fact or technical name (a business noun)');
    expect(roles.get('src/legacy/old.ts')).toMatchObject({ rule: "config override 'src/legacy/**'", setAside: 'tooling' });
    // Migration files are run by their tool from the folder: live without an import.
    expect(classify({ 'db/knex_migrations/2024-01-01-init.js': [] }).entryPoints.get('db/knex_migrations/2024-01-01-init.js')).toBe('migration (run by the migration tool from its folder)');
  });
});

describe('roles and entry points in an analysis', () => {
  it('gives every module of the Spring fixture a role and makes container-created classes entry points', async () => {
    const r = await analyze(path.join(FIXTURES, 'spring-clinic'), { history: false, cluster: false });
    const role = (m: string) => r.model.modules.find((x) => x.id.endsWith(m))!.role!;
    expect(r.model.modules.every((m) => m.role)).toBe(true);
    expect([role('ClinicApplication.java'), role('owners/Owner.java'), role('owners/OwnerRepository.java'), role('vets/VetMapper.java'), role('owners/OwnerController.java'), role('owners/OwnerService.java')].map((x) => x.role)).toEqual([
      'configuration', 'domain', 'persistence', 'persistence', 'interface', 'application',
    ]);
    // The mapper XML names it (a MyBatis namespace), which makes it live before its @Mapper annotation does.
    expect(r.model.modules.find((m) => m.id.endsWith('vets/VetMapper.java'))!.entryPoint).toBe('referenced from src/main/resources/mapper/VetMapper.xml');
    expect(r.model.modules.find((m) => m.id.endsWith('owners/OwnerService.java'))!.entryPoint).toBe('@Service (a container bean)');
  });

  it('never lists tooling as dead code, and folds file roles into a folder module by lines', async () => {
    const repo = tempRepo({
      'package.json': JSON.stringify({ name: 'x', main: 'src/index.ts' }),
      'src/index.ts': "import { a } from './orders/order-service';\nexport const x = a;\n",
      'src/orders/order-service.ts': "import { b } from './order-repository';\nexport const a = b;\n",
      'src/orders/order-repository.ts': 'export const b = 1;\n'.repeat(5),
      'cypress.config.ts': 'export default {};\n',
      'scripts/one-off.ts': 'export const y = 2;\n',
    });
    const r = await analyze(repo, { history: false, cluster: false });
    expect(r.analyses.unreferenced.modules.map((m) => m.module)).toEqual([]);
    const dir = await analyze(repo, { history: false, cluster: false, granularity: 'dir:2' });
    expect(dir.model.modules.find((m) => m.id === 'src/orders')!.role).toMatchObject({ role: 'persistence', rule: expect.stringMatching(/^1 of 2 files \(e\.g\. name \*Repository/) });
  });
});

describe('serverless handlers and npm scripts', () => {
  it('makes the files serverless.yml names as handlers, and the files npm scripts run, entry points', async () => {
    const repo = tempRepo({
      'package.json': JSON.stringify({ name: 'fn', scripts: { seed: 'tsx src/tasks/seed.ts --fast && echo done' } }),
      'src/tasks/seed.ts': "import { save } from '../orders/store';\nsave();\n",
      'serverless.yml': 'service: shop\nfunctions:\n  createOrder:\n    handler: src/handlers/orders.create\n  broken: 7\n',
      'src/handlers/orders.ts': "import { save } from '../orders/store';\nexport const create = () => save();\n",
      'src/orders/store.ts': 'export const save = () => 1;\n',
    });
    const r = await analyze(repo, { history: false, cluster: false });
    expect(r.model.modules.find((m) => m.id === 'src/handlers/orders.ts')!.entryPoint).toBe('serverless handler in serverless.yml');
    expect(r.model.modules.find((m) => m.id === 'src/tasks/seed.ts')!.entryPoint).toBe("run by the npm script 'seed' in package.json");
    expect(r.analyses.unreferenced.modules).toEqual([]);
  });

  it('survives a hostile serverless.yml (alias bomb, wrong shapes): no entry point from it, no crash', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), 'functions:\n  f:\n    handler: src/a.run'].join('\n');
    const repo = tempRepo({ 'serverless.yml': bomb, 'src/a.ts': 'export const run = 1;\n', 'api/serverless.yml': 'functions: [1, 2]\n', 'fn/serverless.yaml': 'functions:\n  g: { handler: 7 }\n' });
    const r = await analyze(repo, { history: false, cluster: false });
    expect(r.model.modules.find((m) => m.id === 'src/a.ts')!.entryPoint).toBeUndefined();
  });
});

describe('paths that no framework fact explains (issue #13)', () => {
  it('sets vendored library bundles and ORM data sources aside, and reads request-pipeline folders as infrastructure', () => {
    const { roles } = classify({
      'src/main/webapp/resources/leaflet/leaflet-src.js': [],
      'web/lib/chart.umd.js': [],
      'src/data-source.ts': [],
      'src/middleware/auth.ts': [],
      'src/main/webapp/resources/app.css.ts': [],
    });
    const r = (f: string) => [roles.get(f)!.role, roles.get(f)!.setAside ?? '-'].join('/');
    expect(['src/main/webapp/resources/leaflet/leaflet-src.js', 'web/lib/chart.umd.js', 'src/data-source.ts', 'src/middleware/auth.ts'].map(r)).toEqual([
      'generated/tooling', 'generated/tooling', 'configuration/platform', 'infrastructure/-',
    ]);
    expect(roles.get('src/main/webapp/resources/app.css.ts')!.setAside).toBeUndefined();
  });
});

describe('the program entry file', () => {
  it('is the platform even when it registers routes itself (server.js of an Express app)', () => {
    const { roles } = classify(
      { 'server/server.js': [{ kind: 'route', name: 'get', detail: '/metrics', line: 12 }], 'server/routers/api-router.js': [{ kind: 'route', name: 'get', detail: '/api/push', line: 3 }] },
      { dependencies: new Set(['express']) },
    );
    expect(roles.get('server/server.js')).toMatchObject({ role: 'configuration', setAside: 'platform' });
    expect(roles.get('server/routers/api-router.js')!.role).toBe('interface');
  });
});
