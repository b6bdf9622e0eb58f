/**
 * The Java adapter: .java files -> the same file-level facts as the TypeScript adapter, plus the
 * persistence facts of JPA and Spring Data for the database stage.
 * Input: the file listing and options. Output: JavaFacts.
 * Resolution of a simple type name in a file: its single imports, then its own package, then its
 * wildcard imports (first match in import order); java.lang and unresolved names are not project
 * classes. Edges: single imports and field/parameter/generic types -> `import`; `new T()`, `T.m()`
 * and calls on fields or parameters of a project type -> `call`; extends / implements. Stereotypes
 * (@Controller, @RestController, @Service, @Repository, @Component, @Configuration) are recorded per
 * file. Tests (src/test/java) are left out unless includeTests; generated sources are skipped.
 * JPA: @Entity -> table (@Table(name) or the class name in snake_case, Spring Boot's default naming),
 * @Column names, @Id, @ManyToOne / @OneToOne (@JoinColumn, default `<field>_id`) and @ManyToMany
 * (@JoinTable) -> foreign keys. Spring Data: an interface extending JpaRepository<Entity, Id> (or
 * Crud-/PagingAndSorting-/ListCrudRepository) reads and writes the entity's table. @Query: native SQL
 * goes to the SQL parser; JPQL names entities, mapped to their tables.
 */
import type { Diagnostic, SkippedPath } from '../../../model/types.js';
import type { FileListing } from '../../files/list-files.js';
import { countLines, readTextFile } from '../../files/read-text-file.js';
import type { FileJoin, FileTableAccess } from '../../../model/facts/db-facts.js';
import { fallbackTables } from '../../db/fallback-tables.js';
import type { OrmFacts } from '../../db/orm/orm-facts.js';
import { snakeCase } from '../../db/orm/orm-facts.js';
import { looksLikeSql } from '../typescript/looks-like-sql.js';
import type { CodeFacts, FileEdge, FrameworkFact } from '../../../model/facts/code-facts.js';
import { descriptorReferences } from './descriptor-references.js';
import { scanJava, type JavaAnnotation, type JavaScan } from './scan-java.js';
import { hasArrays, openAdapterCache } from '../../cache/adapter-cache.js';
import type { CacheLocation } from '../../cache/facts-cache.js';
import { pushAll } from '../../../model/group.js';

export interface JavaOptions {
  maxFileBytes: number;
  includeTests: boolean;
  /** Where each file's scan is cached (keyed by its content); absent: no cache. */
  cache?: CacheLocation;
}

export interface JavaFacts extends CodeFacts {
  /** Fully qualified class name -> file, for MyBatis mapper namespaces. */
  classes: Map<string, string>;
  /** Spring stereotypes per file. */
  stereotypes: Map<string, string[]>;
  orm: OrmFacts;
}

const STEREOTYPES = new Set(['Controller', 'RestController', 'Service', 'Repository', 'Component', 'Configuration', 'SpringBootApplication']);
const REPOSITORY_BASES = new Set([
  'JpaRepository', 'CrudRepository', 'PagingAndSortingRepository', 'ListCrudRepository', 'ListPagingAndSortingRepository', 'Repository', 'JpaSpecificationExecutor',
  'MongoRepository', 'ReactiveMongoRepository', 'ReactiveCrudRepository',
]);
const ENTRY_ANNOTATIONS = new Set(['SpringBootApplication', 'Controller', 'RestController', 'Configuration']);
/** Maven/Gradle test sources (src/test/java, src/integrationTest/java, src/it/java). */
export const JAVA_TEST_PATH = /(^|\/)src\/(test|it|integration-?test|integrationTest)\//;
const GENERATED_PATH = /(^|\/)(generated|generated-sources|generated-test-sources)\//;

const ann = (list: readonly JavaAnnotation[], name: string) => list.find((a) => a.name === name);

export async function collectJava(listing: FileListing, options: JavaOptions): Promise<JavaFacts> {
  const facts: JavaFacts = {
    files: [],
    edges: [],
    externals: [],
    unresolved: [],
    sqlLiterals: [],
    entryPoints: new Map(),
    packageRoots: [],
    skipped: [],
    diagnostics: [],
    classes: new Map(),
    stereotypes: new Map(),
    frameworkFacts: new Map(),
    transactions: [],
    orm: { tables: [], foreignKeys: [], relations: [], accesses: [], joins: [], prismaProviders: [], diagnostics: [] },
  };
  const skipped: SkippedPath[] = facts.skipped;
  const cache = openAdapterCache(options.cache, 'java', '', isJavaScan);
  const diagnostics: Diagnostic[] = facts.diagnostics;
  const scans = new Map<string, JavaScan>();
  for (const f of listing.files) {
    if (!f.path.endsWith('.java')) continue;
    if (!options.includeTests && JAVA_TEST_PATH.test(f.path)) {
      skipped.push({ path: f.path, reason: 'test' });
      continue;
    }
    if (GENERATED_PATH.test(f.path)) {
      skipped.push({ path: f.path, reason: 'generated' });
      continue;
    }
    const read = readTextFile(f, options.maxFileBytes);
    pushAll(diagnostics, read.diagnostics);
    if (!read.ok) {
      skipped.push({ path: f.path, reason: read.reason });
      continue;
    }
    let scan = cache.get(f.path, read.text);
    if (!scan) cache.put(f.path, read.text, (scan = await scanJava(f.path, read.text)));
    pushAll(diagnostics, scan.diagnostics);
    scans.set(f.path, scan);
    facts.files.push({ path: f.path, language: 'java', lines: countLines(read.text), bytes: f.bytes, ...(scan.decisions !== undefined ? { complexity: scan.decisions } : {}) });
    for (const t of scan.types) facts.classes.set(scan.packageName ? `${scan.packageName}.${t.name}` : t.name, f.path);
  }
  cache.save();
  pushAll(diagnostics, cache.diagnostics);

  const byPackage = new Map<string, Map<string, string>>();
  for (const [fqn, file] of facts.classes) {
    const dot = fqn.lastIndexOf('.');
    const pkg = dot < 0 ? '' : fqn.slice(0, dot);
    const row = byPackage.get(pkg) ?? new Map<string, string>();
    row.set(fqn.slice(dot + 1), file);
    byPackage.set(pkg, row);
  }
  const entityTable = new Map<string, string>();
  for (const scan of scans.values()) {
    for (const t of scan.types) {
      const document = ann(t.annotations, 'Document');
      if (!ann(t.annotations, 'Entity') && !document) continue;
      // A Spring Data MongoDB @Document: its collection (`collection`/`value`, else the class name with a lower-case first letter).
      const table = document ? (document.args.collection ?? document.args.value ?? t.name.charAt(0).toLowerCase() + t.name.slice(1)) : (ann(t.annotations, 'Table')?.args.name ?? snakeCase(t.name));
      entityTable.set(t.name, table);
      entityTable.set(scan.packageName ? `${scan.packageName}.${t.name}` : t.name, table);
    }
  }
  // JPA inheritance: a subclass entity without its own @Table shares its root's table under
  // SINGLE_TABLE (the default strategy); under JOINED it has its own table and reading or writing it
  // reaches the parent's (a relation); TABLE_PER_CLASS keeps the tables apart.
  const entityTypes = new Map<string, JavaScan['types'][number]>();
  for (const scan of scans.values()) for (const t of scan.types) if (ann(t.annotations, 'Entity')) entityTypes.set(t.name, t);
  const inheritanceOf = (t: JavaScan['types'][number]) => /\b(JOINED|TABLE_PER_CLASS|SINGLE_TABLE)\b/.exec(ann(t.annotations, 'Inheritance')?.args.strategy ?? '')?.[1] ?? (ann(t.annotations, 'Inheritance') ? 'SINGLE_TABLE' : undefined);
  const joinedParent = new Map<string, string>();
  for (const t of entityTypes.values()) {
    let root = t;
    let parent = entityTypes.get(t.extends[0]?.name ?? '');
    for (let guard = 0; parent && guard < 20; guard++) {
      root = parent;
      parent = entityTypes.get(parent.extends[0]?.name ?? '');
    }
    if (root === t) continue;
    const strategy = inheritanceOf(root) ?? 'SINGLE_TABLE';
    if (strategy === 'SINGLE_TABLE' && !ann(t.annotations, 'Table')) entityTable.set(t.name, entityTable.get(root.name)!);
    if (strategy === 'JOINED') joinedParent.set(t.name, t.extends[0]!.name);
  }
  // Spring Data derived queries are resolved once every entity's relations are known.
  const relationTarget = new Map<string, Map<string, string>>();
  const derived: { file: string; line: number; method: string; table: string }[] = [];

  for (const [file, scan] of scans) {
    const resolveName = (name: string): string | undefined => {
      const single = scan.imports.find((i) => !i.wildcard && !i.isStatic && i.name.endsWith(`.${name}`));
      if (single) return facts.classes.get(single.name);
      const local = byPackage.get(scan.packageName)?.get(name);
      if (local) return local;
      for (const w of scan.imports.filter((i) => i.wildcard && !i.isStatic)) {
        const hit = byPackage.get(w.name)?.get(name);
        if (hit) return hit;
      }
      return undefined;
    };
    // Method starts in line order: a call site belongs to the last method starting before it.
    const methodStarts = scan.types.flatMap((t) => t.methods.map((m) => ({ name: m.name, line: m.line }))).sort((a, b) => a.line - b.line);
    const memberAt = (line: number) => {
      let found: string | undefined;
      for (const m of methodStarts) if (m.line <= line) found = m.name;
      return found;
    };
    const edge = (kind: FileEdge['kind'], to: string | undefined, line: number, text: string, inMember = false) => {
      if (!to || to === file) return;
      const member = inMember ? memberAt(line) : undefined;
      facts.edges.push({ kind, from: file, to, evidence: { file, line, text, ...(member ? { member } : {}) } });
    };
    for (const i of scan.imports) {
      if (i.isStatic) {
        const owner = facts.classes.get(i.name.slice(0, i.name.lastIndexOf('.')));
        if (owner) edge('import', owner, i.line, i.text);
        continue;
      }
      const target = i.wildcard ? undefined : facts.classes.get(i.name);
      if (target) edge('import', target, i.line, i.text);
      else if (!i.wildcard || !byPackage.has(i.name)) {
        const parts = i.name.split('.');
        const builtin = /^(java|javax|jakarta|sun|jdk)$/.test(parts[0] ?? '');
        facts.externals.push({ file, name: parts.slice(0, builtin || parts.length < 4 ? 2 : 3).join('.'), builtin, declared: true });
      }
    }
    const framework: FrameworkFact[] = [];
    for (const t of scan.types) {
      const value = (a: JavaAnnotation) => a.args.value ?? a.args.path;
      for (const a of t.annotations) framework.push({ kind: 'annotation', name: a.name, on: 'type', detail: t.name, ...(value(a) !== undefined ? { value: value(a)! } : {}), line: t.line });
      for (const m of t.methods) for (const a of m.annotations) framework.push({ kind: 'annotation', name: a.name, on: 'member', detail: `${t.name}.${m.name}`, ...(value(a) !== undefined ? { value: value(a)! } : {}), line: m.line });
      for (const s of [...t.extends, ...t.implements]) framework.push({ kind: 'supertype', name: s.name, detail: t.name, line: t.line });
      const main = t.methods.find((m) => m.name === 'main');
      if (main) framework.push({ kind: 'main', name: 'main', on: 'member', detail: `${t.name}.main`, line: main.line });
    }
    if (framework.length > 0) facts.frameworkFacts!.set(file, framework);
    for (const t of scan.types) {
      for (const s of t.extends) edge('extends', resolveName(s.name), t.line, `${t.name} extends ${s.name}`);
      for (const s of t.implements) edge('implements', resolveName(s.name), t.line, `${t.name} implements ${s.name}`);
      const stereo = t.annotations.map((a) => a.name).filter((a) => STEREOTYPES.has(a));
      if (stereo.length > 0) facts.stereotypes.set(file, [...new Set([...(facts.stereotypes.get(file) ?? []), ...stereo])].sort());
      const entry = t.annotations.find((a) => ENTRY_ANNOTATIONS.has(a.name));
      if (entry && !facts.entryPoints.has(file)) facts.entryPoints.set(file, `@${entry.name}`);
      if (t.methods.some((m) => m.name === 'main') && !facts.entryPoints.has(file)) facts.entryPoints.set(file, 'main method');
    }
    for (const r of scan.refs) edge(r.how === 'type' ? 'import' : 'call', resolveName(r.name), r.line, r.text, r.how !== 'type');

    // Transaction boundaries: @Transactional methods, or every method of a @Transactional class
    // (Spring's and Jakarta's annotation; a method's own annotation wins over its class's), and every
    // method of an EJB session bean (container-managed transactions, REQUIRED by default) unless
    // @TransactionAttribute says NOT_SUPPORTED or NEVER.
    const ejb = scan.imports.some((i) => /^(javax|jakarta)\.ejb\b/.test(i.name));
    for (const t of scan.types) {
      const sessionBean = ['Stateless', 'Stateful', ...(ejb ? ['Singleton'] : [])].find((a) => ann(t.annotations, a));
      const onType = ann(t.annotations, 'Transactional') ?? (sessionBean ? { name: `@${sessionBean} (container-managed)`, args: ann(t.annotations, 'TransactionAttribute')?.args ?? {} } : undefined);
      for (const m of t.methods) {
        const tx = ann(m.annotations, 'Transactional') ?? (sessionBean && ann(m.annotations, 'TransactionAttribute') ? { name: onType!.name, args: ann(m.annotations, 'TransactionAttribute')!.args } : onType);
        if (!tx || /\b(NOT_SUPPORTED|NEVER)\b/.test(tx.args.value ?? '')) continue;
        const propagation = /\b(REQUIRES_NEW|NESTED|NOT_SUPPORTED|NEVER|SUPPORTS|MANDATORY)\b/.exec(`${tx.args.propagation ?? ''} ${tx.args.value ?? ''}`)?.[1];
        facts.transactions!.push({
          file,
          line: m.line,
          endLine: m.endLine,
          member: m.name,
          kind: tx.name === 'Transactional' ? '@Transactional' : tx.name,
          ...(propagation ? { propagation } : {}),
          ...(tx.args.readOnly === 'true' ? { readOnly: true } : {}),
        });
      }
    }
    for (const call of scan.transactionCalls) {
      const member = memberAt(call.line);
      facts.transactions!.push({ file, line: call.line, endLine: call.endLine, ...(member ? { member } : {}), kind: 'TransactionTemplate' });
    }
    // Persistence.
    for (const t of scan.types) {
      const document = ann(t.annotations, 'Document') !== undefined;
      const entity = entityTable.get(t.name) !== undefined && (ann(t.annotations, 'Entity') !== undefined || document);
      // An @Embeddable's relations belong to the entities that embed it (resolved once all files are read).
      const table = entity ? entityTable.get(t.name)! : ann(t.annotations, 'Embeddable') ? `${EMBEDDED}${t.name}` : undefined;
      if (table) {
        const columns: { name: string }[] = [];
        const primaryKey: string[] = [];
        for (const f of t.fields) {
          const relation = ['ManyToOne', 'OneToOne', 'ManyToMany', 'OneToMany'].find((k) => ann(f.annotations, k));
          const at = { file, line: f.line, text: `${t.name}.${f.name}` };
          if (relation) {
            const target = entityTable.get(relation === 'ManyToMany' || relation === 'OneToMany' ? (f.typeArgs[0] ?? f.type) : f.type);
            if (!target) continue;
            const rel = ann(f.annotations, relation)!;
            const inverse = rel.args.mappedBy !== undefined;
            const cascade = cascades(f.annotations, rel);
            const eager = /\bEAGER\b/.test(rel.args.fetch ?? '');
            if (relation === 'ManyToOne' || (relation === 'OneToOne' && ann(f.annotations, 'JoinColumn'))) {
              const column = ann(f.annotations, 'JoinColumn')?.args.name ?? `${snakeCase(f.name)}_id`;
              facts.orm.foreignKeys.push({ from: { name: table }, fk: { columns: [column], references: { name: target }, referencedColumns: ['id'] }, evidence: at, source: 'jpa' });
            } else if (relation === 'OneToMany' && ann(f.annotations, 'JoinColumn') && !inverse) {
              // A unidirectional one-to-many keeps its key in the child table.
              const column = ann(f.annotations, 'JoinColumn')!.args.name ?? `${snakeCase(t.name)}_id`;
              facts.orm.foreignKeys.push({ from: { name: target }, fk: { columns: [column], references: { name: table }, referencedColumns: ['id'] }, evidence: at, source: 'jpa' });
            } else if (relation === 'ManyToMany' && !inverse) {
              // The owning side declares the junction table: @JoinTable(name) or JPA's default owner_target.
              const junction = ann(f.annotations, 'JoinTable')?.args.name ?? `${table}_${target}`;
              facts.orm.tables.push({ ref: { name: junction }, columns: [], primaryKey: [], evidence: at, source: 'jpa', file });
              facts.orm.foreignKeys.push({ from: { name: junction }, fk: { columns: [`${table}_id`], references: { name: table }, referencedColumns: ['id'] }, evidence: at, source: 'jpa' });
              facts.orm.foreignKeys.push({ from: { name: junction }, fk: { columns: [`${target}_id`], references: { name: target }, referencedColumns: ['id'] }, evidence: at, source: 'jpa' });
              facts.orm.relations.push({ from: table, to: junction, kind: 'junction', cascade: true, eager, evidence: at });
            }
            // What code does with the entity reaches the tables behind its collections and children:
            // reading an owner loads its eager or cascading children, writing it writes the cascading ones.
            // A lazy collection that does not cascade is only loaded by code that asks for it: not followed.
            if ((relation === 'OneToMany' || relation === 'OneToOne') && (cascade || eager)) facts.orm.relations.push({ from: table, to: target, kind: 'child', cascade, eager, evidence: at });
            continue;
          }
          if (ann(f.annotations, 'DBRef') || ann(f.annotations, 'DocumentReference')) {
            // A MongoDB reference to another document's collection.
            const target = entityTable.get(f.typeArgs[0] ?? f.type);
            if (target) facts.orm.foreignKeys.push({ from: { name: table }, fk: { columns: [f.name], references: { name: target }, referencedColumns: ['_id'] }, evidence: at, source: 'mongodb' });
            continue;
          }
          if (ann(f.annotations, 'ElementCollection')) {
            // A collection of values lives in a table of its own, owned by the entity.
            const collection = ann(f.annotations, 'CollectionTable')?.args.name ?? `${entity ? table : snakeCase(t.name)}_${snakeCase(f.name)}`;
            facts.orm.tables.push({ ref: { name: collection }, columns: [], primaryKey: [], evidence: at, source: 'jpa', file });
            facts.orm.foreignKeys.push({ from: { name: collection }, fk: { columns: [`${table}_id`], references: { name: table }, referencedColumns: ['id'] }, evidence: at, source: 'jpa' });
            facts.orm.relations.push({ from: table, to: collection, kind: 'collection', cascade: true, eager: /\bEAGER\b/.test(ann(f.annotations, 'ElementCollection')!.args.fetch ?? ''), evidence: at });
            continue;
          }
          if (ann(f.annotations, 'Transient')) continue;
          if (ann(f.annotations, 'Embedded')) facts.orm.relations.push({ from: table, to: `${EMBEDDED}${f.type}`, kind: 'child', cascade: true, eager: true, evidence: at });
          const name = ann(f.annotations, 'Column')?.args.name ?? snakeCase(f.name);
          columns.push({ name });
          if (ann(f.annotations, 'Id')) primaryKey.push(name);
        }
        if (entity) relationTarget.set(table, relationTarget.get(table) ?? new Map());
        for (const f of t.fields) {
          const target = entityTable.get(f.typeArgs[0] ?? f.type);
          if (entity && target && ['ManyToOne', 'OneToOne', 'ManyToMany', 'OneToMany', 'ElementCollection', 'Embedded'].some((k) => ann(f.annotations, k))) relationTarget.get(table)!.set(f.name, target);
        }
        if (entity) {
          // @SecondaryTable: part of the entity's state lives in another table, owned with it.
          for (const secondary of t.annotations.filter((a) => a.name === 'SecondaryTable' && a.args.name)) {
            const at = { file, line: t.line, text: `@SecondaryTable ${secondary.args.name} on ${t.name}` };
            facts.orm.tables.push({ ref: { name: secondary.args.name! }, columns: [], primaryKey: [], evidence: at, source: 'jpa', file });
            facts.orm.foreignKeys.push({ from: { name: secondary.args.name! }, fk: { columns: ['id'], references: { name: table }, referencedColumns: ['id'] }, evidence: at, source: 'jpa' });
            facts.orm.relations.push({ from: table, to: secondary.args.name!, kind: 'collection', cascade: true, eager: true, evidence: at });
          }
          const parent = joinedParent.get(t.name);
          const parentTable = parent ? entityTable.get(parent) : undefined;
          if (parentTable && parentTable !== table) {
            const at = { file, line: t.line, text: `${t.name} extends ${parent} (JOINED)` };
            facts.orm.foreignKeys.push({ from: { name: table }, fk: { columns: ['id'], references: { name: parentTable }, referencedColumns: ['id'] }, evidence: at, source: 'jpa' });
            facts.orm.relations.push({ from: table, to: parentTable, kind: 'collection', cascade: true, eager: true, evidence: at });
          }
        }
        // (A SINGLE_TABLE subclass declares its root's table again: the declarations merge, columns and all.)
        if (entity) facts.orm.tables.push({ ref: { name: table }, columns, primaryKey, evidence: { file, line: t.line, text: `@${document ? 'Document' : 'Entity'} ${t.name}` }, source: document ? 'mongodb' : 'jpa', file });
      }
      // Spring Data repositories.
      const base = t.extends.find((s) => REPOSITORY_BASES.has(s.name) && s.typeArgs.length > 0);
      const repoTable = base ? entityTable.get(base.typeArgs[0]!) : undefined;
      if (repoTable) {
        const at = { file, line: t.line, text: `${t.name} extends ${base!.name}<${base!.typeArgs.join(', ')}>` };
        facts.orm.accesses.push({ file, table: repoTable, mode: 'read', via: 'orm', evidence: at }, { file, table: repoTable, mode: 'write', via: 'orm', evidence: at });
        for (const m of t.methods) if (!ann(m.annotations, 'Query')) derived.push({ file, line: m.line, method: m.name, table: repoTable });
      }
      for (const m of t.methods) {
        const q = ann(m.annotations, 'Query');
        if (!q?.args.value) continue;
        if (q.args.nativeQuery === 'true') facts.sqlLiterals.push({ file, line: m.line, text: q.args.value, callee: 'Query' });
        else jpqlAccesses(q.args.value, file, m.line, entityTable, facts.orm.accesses, facts.orm.joins);
      }
    }
    // EntityManager / Session calls: the entity comes from a class literal, a typed value, a named
    // query's "Entity.name" prefix or the JPQL itself.
    for (const call of scan.persistenceCalls) {
      const mode = PERSISTENCE_WRITES.has(call.method) ? 'write' : PERSISTENCE_READS.has(call.method) ? 'read' : undefined;
      if (!mode) continue;
      const member = memberAt(call.line);
      const evidence = { file, line: call.line, text: call.text, ...(member ? { member } : {}) };
      const jpql = call.method === 'createQuery' ? call.args.find((a) => a.kind === 'string') : undefined;
      if (jpql) {
        jpqlAccesses(jpql.name, file, call.line, entityTable, facts.orm.accesses, facts.orm.joins);
        continue;
      }
      const named = call.method === 'createNamedQuery' ? call.args.find((a) => a.kind === 'string')?.name.split('.')[0] : undefined;
      const entity = call.args.find((a) => a.kind === 'class' || a.kind === 'value')?.name ?? named;
      const table = entity ? entityTable.get(entity) : undefined;
      if (table) facts.orm.accesses.push({ file, table, mode, via: 'orm', evidence });
    }
    const queryValues = new Set(scan.types.flatMap((t) => t.methods.map((m) => ann(m.annotations, 'Query')?.args.value)).filter(Boolean));
    for (const s of scan.strings) {
      if (!looksLikeSql(s.text) || queryValues.has(s.text)) continue;
      // JPQL (a named query, a createQuery string built elsewhere) names entity classes: read it as
      // JPQL when a name after FROM / JOIN is an entity class mapped to a table of another name.
      if (fallbackTables(s.text).some((r) => entityTable.has(r.table.name) && entityTable.get(r.table.name) !== r.table.name.toLowerCase())) jpqlAccesses(s.text, file, s.line, entityTable, facts.orm.accesses, facts.orm.joins);
      else facts.sqlLiterals.push({ file, line: s.line, text: s.text });
    }
  }
  for (const d of derived) derivedQueryJoins(d, relationTarget, facts.orm);
  resolveEmbedded(facts.orm);
  // Classes loaded by name from web.xml, Spring XML, JSP, META-INF/services, spring.factories.
  for (const [file, reason] of descriptorReferences(listing, facts.classes)) if (!facts.entryPoints.has(file)) facts.entryPoints.set(file, reason);
  return facts;
}

const DERIVED_PREFIX = /^(?:find|read|get|query|search|stream|count|exists|delete|remove)(?:First\d*|Top\d*|Distinct)*By(.+)$/;

/**
 * A Spring Data derived query (`findByOwnerLastName`) whose property path starts with a relation of the
 * repository's entity (`owner`) reads the related table and joins it: the longest field name that
 * prefixes each And/Or part of the path, matched case-insensitively.
 */
function derivedQueryJoins(d: { file: string; line: number; method: string; table: string }, relationTarget: ReadonlyMap<string, ReadonlyMap<string, string>>, orm: OrmFacts): void {
  const whole = DERIVED_PREFIX.exec(d.method)?.[1];
  const path = whole !== undefined && whole.includes('OrderBy') ? whole.slice(0, whole.indexOf('OrderBy')) : whole;
  const fields = relationTarget.get(d.table);
  if (!path || !fields || fields.size === 0) return;
  const evidence = { file: d.file, line: d.line, text: `${d.method} (derived query)` };
  for (const part of path.split(/And(?=[A-Z])|Or(?=[A-Z])/)) {
    const lower = part.toLowerCase();
    const field = [...fields.keys()].filter((f) => lower.startsWith(f.toLowerCase()) && lower.length > f.length).sort((a, b) => b.length - a.length)[0];
    const target = field && fields.get(field);
    if (!target || target === d.table) continue;
    orm.accesses.push({ file: d.file, table: target, mode: 'read', via: 'orm', evidence });
    const [a, b] = [d.table, target].sort();
    orm.joins.push({ file: d.file, a: a!, b: b!, via: 'orm', evidence });
  }
}

/** Placeholder owner for the relations declared inside an @Embeddable. */
const EMBEDDED = '\u0000embedded:';

/** The relations and keys an @Embeddable declares become those of each entity that embeds it. */
function resolveEmbedded(orm: OrmFacts): void {
  const owners = new Map<string, string[]>();
  for (const r of orm.relations) if (r.to.startsWith(EMBEDDED) && !r.from.startsWith(EMBEDDED)) (owners.get(r.to) ?? owners.set(r.to, []).get(r.to)!).push(r.from);
  const expand = (name: string) => (name.startsWith(EMBEDDED) ? (owners.get(name) ?? []) : [name]);
  orm.relations = orm.relations.filter((r) => !r.to.startsWith(EMBEDDED)).flatMap((r) => expand(r.from).map((from) => ({ ...r, from })));
  orm.foreignKeys = orm.foreignKeys.flatMap((k) =>
    expand(k.from.name).flatMap((from) => expand(k.fk.references.name).map((to) => ({ ...k, from: { ...k.from, name: from }, fk: { ...k.fk, references: { ...k.fk.references, name: to } } }))),
  );
  orm.tables = orm.tables.filter((t) => !t.ref.name.startsWith(EMBEDDED));
}

/** Whether a relation cascades writes: JPA's `cascade` element or Hibernate's @Cascade naming persist, merge, save, remove or all. */
function cascades(annotations: readonly JavaAnnotation[], relation: JavaAnnotation): boolean {
  const text = `${relation.args.cascade ?? ''} ${ann(annotations, 'Cascade')?.args.value ?? ''} ${relation.args.orphanRemoval === 'true' ? 'ALL' : ''}`;
  return /\b(ALL|PERSIST|MERGE|SAVE_UPDATE|REMOVE|DELETE)\b/.test(text);
}

// EntityManager / Session, and Spring Data's MongoTemplate (updateFirst, findAndModify, ...).
const PERSISTENCE_WRITES = new Set(['createCriteriaUpdate', 'createCriteriaDelete', 'persist', 'merge', 'remove', 'save', 'saveOrUpdate', 'update', 'delete', 'insert', 'upsert', 'insertAll', 'updateFirst', 'updateMulti', 'findAndModify', 'findAndRemove', 'findAllAndRemove', 'findAndReplace']);
const PERSISTENCE_READS = new Set(['from', 'find', 'getReference', 'createQuery', 'createNamedQuery', 'createNativeQuery', 'get', 'load', 'byId', 'createCriteria', 'refresh', 'lock', 'contains', 'findOne', 'findById', 'findAll', 'findDistinct', 'count', 'exists', 'aggregate', 'stream']);

/** JPQL names entities, not tables: the names after FROM / JOIN that are entities become accesses. */
function jpqlAccesses(jpql: string, file: string, line: number, entityTable: Map<string, string>, accesses: FileTableAccess[], joins: FileJoin[]): void {
  const write = /^\s*(update|delete)\b/i.test(jpql);
  const tables = [...new Set(fallbackTables(jpql).map((r) => entityTable.get(r.table.name)).filter((t): t is string => !!t))];
  const evidence = { file, line, text: jpql.replace(/\s+/g, ' ').slice(0, 120) };
  tables.forEach((t, i) => accesses.push({ file, table: t, mode: write && i === 0 ? 'write' : 'read', via: 'orm', evidence }));
  for (let i = 1; i < tables.length; i++) {
    const [a, b] = [tables[0]!, tables[i]!].sort();
    if (a !== b) joins.push({ file, a: a!, b: b!, via: 'orm', evidence });
  }
}

function isJavaScan(value: unknown): value is JavaScan {
  return hasArrays(value, ['imports', 'types', 'refs', 'strings', 'persistenceCalls', 'transactionCalls', 'diagnostics']) && typeof (value as { packageName?: unknown }).packageName === 'string';
}
