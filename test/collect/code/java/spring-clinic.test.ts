/**
 * The Java adapter on fixtures/spring-clinic: code graph, Spring, JPA, Spring Data, @Query, JDBC,
 * MyBatis (with a DTD reference and a statement no dialect parses), tests and generated sources left
 * out, a broken file, the intended contexts recovered.
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/main/analyze.js';
import { adjustedRandIndex } from '../../../../src/model/adjusted-rand-index.js';
import { FIXTURES, tempRepo } from '../../../helpers/temp-repo.js';

const ROOT = path.join(FIXTURES, 'spring-clinic');
const J = 'src/main/java/com/acme/clinic';
const result = await analyze(ROOT, { history: false, runs: 5 });
const edge = (kind: string, from: string, to: string) => result.model.edges.some((e) => e.kind === kind && e.from === `${J}/${from}` && e.to === `${J}/${to}`);
const data = result.model.data!;

describe('Java adapter on the Spring fixture', () => {
  it('builds the class graph: imports, same-package types, injection, calls, inheritance', () => {
    expect(edge('import', 'owners/Owner.java', 'pets/Pet.java')).toBe(true); // single import
    expect(edge('import', 'owners/OwnerService.java', 'owners/OwnerRepository.java')).toBe(true); // same package, injected
    expect(edge('call', 'owners/OwnerService.java', 'pets/PetService.java')).toBe(true); // pets.petsOf(...)
    expect(edge('call', 'visits/VisitService.java', 'billing/BillingService.java')).toBe(true);
    expect(edge('extends', 'pets/Pet.java', 'common/BaseEntity.java')).toBe(true);
    expect(result.model.unresolved).toEqual([]);
    expect(result.model.externals.map((e) => e.name)).toEqual(expect.arrayContaining(['org.springframework.stereotype', 'jakarta.persistence']));
  });

  it('records stereotypes and entry points, leaves out tests and generated sources, reports the broken file', () => {
    const mod = (f: string) => result.model.modules.find((m) => m.id === `${J}/${f}`)!;
    expect(mod('owners/OwnerService.java').stereotypes).toEqual(['Service']);
    expect(mod('owners/OwnerController.java')).toMatchObject({ stereotypes: ['RestController'], entryPoint: '@RestController' });
    expect(mod('ClinicApplication.java').entryPoint).toBe('@SpringBootApplication');
    expect(result.model.skipped).toEqual(expect.arrayContaining([{ path: 'target', reason: 'build-output' }]));
    expect(result.model.tests?.map((t) => t.path)).toContain('src/test/java/com/acme/clinic/OwnerServiceTest.java');
    expect(result.model.modules.map((m) => m.id)).not.toContain('src/test/java/com/acme/clinic/OwnerServiceTest.java');
    expect(result.model.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'parse-error', file: `${J}/billing/BillingService.java`, line: 20 })]));
    expect(result.analyses.unreferenced.modules).toEqual([]);
  });

  it('maps test classes to the classes they test: by import, by name in the same package, through a shared builder', () => {
    const T = 'src/test/java/com/acme/clinic';
    const tests = Object.fromEntries(result.model.tests!.map((t) => [t.path, { touches: t.touches.map((x) => `${x.module.slice(J.length + 1)}:${x.kinds.join('+')}`), helpers: t.helpers, helper: t.helper ?? false }]));
    expect(tests).toEqual({
      [`${T}/OwnerServiceTest.java`]: { touches: ['owners/OwnerService.java:import+name'], helpers: [], helper: false },
      [`${T}/TestData.java`]: { touches: ['pets/Pet.java:call+import'], helpers: [], helper: true },
      [`${T}/vets/VetServiceTest.java`]: { touches: ['vets/VetService.java:name'], helpers: [], helper: false },
      [`${T}/visits/VisitControllerIT.java`]: { touches: ['visits/VisitController.java:import+name'], helpers: [`${T}/TestData.java`], helper: false },
    });
    expect(result.assessment!.safetyNet!.tests).toBe(3);
  });

  it('reports Bill and Invoice, one document under two names in one context, as synonyms', () => {
    const billing = result.decomposition!.contexts.find((c) => c.modules.includes(`${J}/billing/Invoice.java`))!;
    expect(billing.modules).toContain(`${J}/billing/Bill.java`);
    expect(result.assessment!.language.synonyms).toEqual([
      { context: billing.id, a: 'Bill', b: 'Invoice', why: ["'bill' and 'invoice' are synonyms", 'the primary key of bills is a foreign key to invoices (1:1)'] },
    ]);
  });

  it('maps JPA entities to tables and foreign keys, and merges them with schema.sql', () => {
    const fks = data.edges.filter((e) => e.kind === 'foreign-key').map((e) => `${e.from}(${e.columns!.from.join()})->${e.to}`);
    // schema.sql declares vet_specialties' keys: its columns win over the mapping's naming defaults
    // (vets_id, specialties_id), and each key is there once.
    expect(fks).toEqual(['bills(id)->invoices', 'invoices(visit_id)->visits', 'pets(owner_id)->owners', 'pets(type_id)->types', 'vet_specialties(specialty_id)->specialties', 'vet_specialties(vet_id)->vets', 'visits(pet_id)->pets']);
    const pets = data.tables.find((t) => t.id === 'pets')!;
    expect(pets.entityModules).toEqual([`${J}/pets/Pet.java`]);
    expect(pets.declaredIn.map((d) => d.source).sort()).toEqual(['jpa', 'sql']);
  });

  it('finds table use through Spring Data, @Query (JPQL and native), JDBC strings and MyBatis XML', () => {
    const access = (file: string) => data.edges.filter((e) => e.kind === 'table-access' && e.from === `${J}/${file}`).map((e) => `${e.mode} ${e.to} ${e.via}`);
    // Owner maps its pets with a lazy, non-cascading @OneToMany: the repository does not reach pets.
    expect(access('owners/OwnerRepository.java')).toEqual(['read owners orm', 'write owners orm']);
    expect(access('visits/VisitRepository.java')).toEqual(expect.arrayContaining(['read pets sql', 'read visits sql']));
    expect(access('visits/VisitService.java')).toEqual(['read visits sql']);
    expect(access('billing/BillingService.java')).toEqual(expect.arrayContaining(['write invoices sql']));
    expect(access('vets/VetMapper.java')).toEqual(expect.arrayContaining(['read specialties sql', 'read vet_specialties sql', 'read vets sql', 'write vets sql']));
    const joins = data.edges.filter((e) => e.kind === 'join').map((e) => `${e.from}-${e.to}`);
    expect(joins).toEqual(expect.arrayContaining(['pets-visits', 'vet_specialties-vets']));
    const legacy = result.model.diagnostics.find((d) => d.code === 'sql-parse-failed' && d.file === 'src/main/resources/mapper/VetMapper.xml')!;
    expect(legacy.line).toBe(18); // the <select id="legacyReport"> line of the XML
    expect(legacy.message).toMatch(/fallback extractor: vets/);
  });

  it('recovers the intended contexts (ARI >= 0.8) with the kernel set aside', () => {
    const intended = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'spring-clinic.intended.json'), 'utf8')) as { contexts: Record<string, string[]> };
    const kernel = new Set(result.decomposition!.kernel);
    const truth = new Map<string, string>();
    const got = new Map<string, string>();
    for (const m of result.model.modules) {
      const t = Object.entries(intended.contexts).find(([, g]) => picomatch(g)(m.id))?.[0];
      if (t && !kernel.has(m.id)) truth.set(m.id, t);
    }
    for (const c of result.decomposition!.contexts) for (const m of c.modules) got.set(m, c.id);
    expect(adjustedRandIndex(truth, got)).toBeGreaterThanOrEqual(0.8);
    expect(kernel.has(`${J}/common/BaseEntity.java`)).toBe(true);
  });

  it('groups classes by Java package with --granularity package', async () => {
    const byPackage = await analyze(ROOT, { history: false, cluster: false, db: false, granularity: { kind: 'package' } });
    expect(byPackage.model.modules.map((m) => m.id)).toEqual([J, `${J}/billing`, `${J}/common`, `${J}/owners`, `${J}/pets`, `${J}/vets`, `${J}/visits`]);
  });

  it('analyses a mixed repository: TypeScript and Java side by side', async () => {
    const repo = tempRepo({
      'web/src/app.ts': "import { api } from './api';\nexport const run = () => api();\n",
      'web/src/api.ts': 'export const api = () => 1;\n',
      'server/src/main/java/com/x/y/orders/Order.java': 'package com.x.y.orders;\npublic class Order { }\n',
      'server/src/main/java/com/x/y/orders/OrderService.java': 'package com.x.y.orders;\npublic class OrderService { Order make() { return new Order(); } }\n',
    });
    const mixed = await analyze(repo, { history: false, runs: 2 });
    expect(mixed.model.files.map((f) => `${f.language} ${f.path}`)).toEqual([
      'java server/src/main/java/com/x/y/orders/Order.java',
      'java server/src/main/java/com/x/y/orders/OrderService.java',
      'typescript web/src/api.ts',
      'typescript web/src/app.ts',
    ]);
    expect(mixed.model.edges.map((e) => `${e.kind} ${e.from.split('/').pop()} -> ${e.to.split('/').pop()}`)).toEqual(expect.arrayContaining(['call OrderService.java -> Order.java', 'import app.ts -> api.ts']));
  });
});

describe('EntityManager and Session calls, JPQL named queries', () => {
  it('credits the entity table to the code calling find/persist/createNamedQuery/createQuery, reading JPQL as JPQL', async () => {
    const E = 'src/main/java/com/acme/shop';
    const repo = tempRepo({
      [`${E}/Order.java`]: `package com.acme.shop;\nimport jakarta.persistence.*;\n@Entity\n@Table(name = "order1")\n@NamedQuery(name = "Order.open", query = "select o from Order o where o.open = true")\npublic class Order { @Id Long id; }\n`,
      [`${E}/Item.java`]: `package com.acme.shop;\nimport jakarta.persistence.*;\n@Entity\npublic class Item { @Id Long id; }\n`,
      [`${E}/OrderMgr.java`]: [
        'package com.acme.shop;',
        'import jakarta.persistence.EntityManager;',
        'public class OrderMgr {',
        '  private EntityManager em;',
        '  public Order byId(Long id) { return em.find(Order.class, id); }',
        '  public void store(Order order) { em.persist(order); }',
        '  public java.util.List<Order> open() { return em.createNamedQuery("Order.open", Order.class).getResultList(); }',
        '  public int drop() { return em.createQuery("delete from Item i where i.id = 1").executeUpdate(); }',
        '}',
      ].join('\n'),
    });
    const r = await analyze(repo, { history: false, cluster: false });
    const access = r.model.data!.edges.filter((e) => e.kind === 'table-access').map((e) => `${e.from.split('/').pop()} ${e.to} ${e.mode}`);
    expect(access).toEqual(expect.arrayContaining(['OrderMgr.java order1 read', 'OrderMgr.java order1 write', 'OrderMgr.java item write']));
    // The named query's JPQL names the entity Order, not a table "order".
    expect(r.model.data!.tables.map((t) => t.id).sort()).toEqual(['item', 'order1']);
  });
});
