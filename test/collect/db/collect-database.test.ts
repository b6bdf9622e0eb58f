/**
 * The database stage end to end on small themed fixtures (fixtures/db/*), one ORM or dialect each,
 * and on bad input. Assertions read the model's data section.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/main/analyze.js';
import { FIXTURES, snapshotTree, tempRepo } from '../../helpers/temp-repo.js';

const run = (name: string, options = {}) => analyze(path.join(FIXTURES, 'db', name), { symbols: false, ...options });
type Result = Awaited<ReturnType<typeof run>>;
const fks = (r: Result) => r.model.data!.edges.filter((e) => e.kind === 'foreign-key').map((e) => `${e.from}(${e.columns!.from.join()})->${e.to}`);
const accesses = (r: Result) => r.model.data!.edges.filter((e) => e.kind === 'table-access').map((e) => `${e.from} ${e.mode} ${e.to} via ${e.via}`);
const tables = (r: Result) => r.model.data!.tables.map((t) => t.id);

describe('database stage on themed fixtures', () => {
  it('Prisma: schema.prisma models with @@map/@map/@@id, migrations applied in folder order with a rename, client calls', async () => {
    const r = await run('prisma-app');
    expect(r.model.data!.dialect).toEqual({ name: 'mysql', reason: 'schema.prisma datasource provider "mysql"' });
    expect(tables(r)).toEqual(['customers', 'order_lines', 'orders']);
    expect(r.model.data!.tables.find((t) => t.id === 'order_lines')!.primaryKey).toEqual(['order_id', 'sku']);
    expect(fks(r)).toEqual(['order_lines(order_id)->orders', 'orders(customer_id)->customers']);
    expect(accesses(r)).toEqual([
      'src/orders.ts write customers via orm',
      'src/orders.ts read order_lines via sql',
      'src/orders.ts read orders via sql',
    ]);
    expect(r.model.data!.edges.filter((e) => e.kind === 'join').map((e) => `${e.from}-${e.to}`)).toEqual(['order_lines-orders']);
  });

  it('Sequelize: define and init models, tableName and pluralised defaults, belongsTo/hasMany/belongsToMany keys, static calls', async () => {
    const r = await run('sequelize-app');
    expect(tables(r)).toEqual(['customers', 'invoice_products', 'invoices', 'products']);
    expect(r.model.data!.tables.find((t) => t.id === 'invoices')!.columns.map((c) => c.name)).toEqual(['id', 'total_cents']);
    expect(fks(r)).toEqual(['invoice_products(InvoiceId)->invoices', 'invoice_products(ProductId)->products', 'invoices(customer_id)->customers']);
    // Writing an invoice writes the junction of its belongsToMany too.
    expect(accesses(r)).toEqual(['src/billing.js read customers via orm', 'src/billing.js write invoice_products via orm', 'src/billing.js write invoices via orm']);
  });

  it('TypeORM: SQL in queryRunner.query()/addSql() migrations in timestamp order, entities, @JoinTable, @InjectRepository', async () => {
    const r = await run('typeorm-app');
    expect(r.model.data!.dialect.name).toBe('sqlite');
    expect(tables(r)).toEqual(['author', 'book', 'book_tags_tag', 'tag']);
    expect(fks(r)).toEqual(['book(authorId)->author', 'book_tags_tag(bookId)->book', 'book_tags_tag(tagId)->tag']);
    expect(r.model.data!.tables.find((t) => t.id === 'book')!.entityModules).toEqual(['src/entities/book.ts']);
    expect(r.model.data!.tables.find((t) => t.id === 'book')!.declaredIn.map((d) => `${d.source} ${d.file}`)).toEqual(['typeorm src/entities/book.ts', 'migration src/migrations/1700000000000-Init.ts']);
    // The junction table of Book's @ManyToMany is written with the book (read only on demand: it is lazy).
    expect(accesses(r)).toEqual(['src/catalog-service.ts read book via orm', 'src/catalog-service.ts write book via orm', 'src/catalog-service.ts write book_tags_tag via orm']);
  });

  it('JPA relations: embedded children, collection tables, default junction tables, cascades, EntityManager', async () => {
    const r = await run('jpa-relations');
    // Truck shares Vehicle's table (SINGLE_TABLE, the default); CardPayment has its own (JOINED).
    expect(tables(r)).toEqual(['card_payment', 'cargo', 'cargo_details', 'cargo_label', 'cargo_notes', 'claim', 'handling_event', 'label', 'leg', 'payment', 'vehicle']);
    expect(r.model.data!.tables.find((t) => t.id === 'vehicle')!.entityModules.map((m) => m.split('/').pop())).toEqual(['Truck.java', 'Vehicle.java']);
    // Itinerary's @OneToMany @JoinColumn lives in an @Embeddable: the key is the embedding cargo's.
    expect(fks(r)).toEqual([
      'card_payment(id)->payment', 'cargo_details(id)->cargo', 'cargo_label(cargo_id)->cargo', 'cargo_label(label_id)->label', 'cargo_notes(cargo_id)->cargo', 'claim(cargo_id)->cargo', 'handling_event(cargo_id)->cargo', 'leg(cargo_id)->cargo',
    ]);
    const repo = 'src/main/java/com/acme/freight/cargo/CargoRepository.java';
    // Through the repository: the junction and collection tables and the cascading legs are written with
    // cargo; the secondary table is read with it too (it is part of every row); claims (lazy, not
    // cascaded) are not reached.
    expect(accesses(r).filter((a) => a.startsWith(repo)).map((a) => a.slice(repo.length + 1))).toEqual([
      'read cargo via orm', 'write cargo via orm', 'read cargo_details via orm', 'write cargo_details via orm', 'write cargo_label via orm', 'write cargo_notes via orm', 'write leg via orm',
    ]);
    // A derived query through Claim.cargo reads and joins cargo; a named query names its entity;
    // persisting a JOINED subclass writes its parent's table.
    const J = 'src/main/java/com/acme/freight/';
    expect(accesses(r).filter((a) => /ClaimRepository|HandlingEventStore|PaymentDesk/.test(a)).map((a) => a.slice(J.length))).toEqual([
      'cargo/ClaimRepository.java read cargo via orm',
      'cargo/ClaimRepository.java read cargo_details via orm',
      'cargo/ClaimRepository.java read claim via orm',
      'cargo/ClaimRepository.java write claim via orm',
      'handling/HandlingEventStore.java read cargo via orm',
      'handling/HandlingEventStore.java read cargo_details via orm',
      'handling/HandlingEventStore.java write handling_event via orm',
      'payments/PaymentDesk.java write card_payment via orm',
      'payments/PaymentDesk.java write payment via orm',
    ]);
    expect(r.model.data!.edges.filter((e) => e.kind === 'join').map((e) => `${e.from}-${e.to} ${e.evidence[0]!.text}`)).toEqual(['cargo-claim findByCargoTrackingIdAndIdGreaterThan (derived query)']);
    const derived = r.model.data!.edges.find((e) => e.kind === 'table-access' && e.to === 'leg' && e.mode === 'write')!;
    expect(derived.from).toBe(repo);
    expect(derived.evidence[0]!.text).toBe('child table leg through Itinerary.legs; CargoRepository extends JpaRepository<Cargo, Long>');
    expect(accesses(r)).toContain('src/main/java/com/acme/freight/handling/HandlingEventStore.java write handling_event via orm');
  });

  it('MikroORM: Collection targets, pivot tables of the owning side, snake_case keys, EntityManager and repository classes', async () => {
    const r = await run('mikro-orm-app');
    expect(tables(r)).toEqual(['article', 'user', 'user_favorites', 'user_to_follower']);
    expect(fks(r)).toEqual(['article(author_id)->user', 'user_favorites(article_id)->article', 'user_favorites(user_id)->user', 'user_to_follower(user_id)->user']);
    expect(accesses(r)).toEqual([
      'src/user/user.repository.ts read user via orm',
      'src/user/user.repository.ts write user via orm',
      'src/user/user.repository.ts write user_favorites via orm',
      'src/user/user.repository.ts write user_to_follower via orm',
      'src/user/user.service.ts read user via orm',
      'src/user/user.service.ts write user via orm',
      'src/user/user.service.ts write user_favorites via orm',
      'src/user/user.service.ts write user_to_follower via orm',
    ]);
  });

  it('Knex-style builders: root table calls, from/into/join chains, write detection, join edges', async () => {
    const r = await run('knex-app');
    expect(accesses(r)).toEqual([
      'src/orders-repo.js read customers via query-builder',
      'src/orders-repo.js write order_items via query-builder',
      'src/orders-repo.js read orders via query-builder',
      'src/orders-repo.js write orders via query-builder',
    ]);
    expect(r.model.data!.tables.every((t) => t.undeclared)).toBe(true);
    expect(r.model.data!.edges.filter((e) => e.kind === 'join').map((e) => `${e.from}-${e.to} ${e.via}`)).toEqual(['customers-orders query-builder']);
  });

  it('MySQL dump with backticks, ENGINE and a quoted quote; SQLite; T-SQL with [brackets], IDENTITY and GO', async () => {
    const mysql = await run('mysql-schema');
    expect(mysql.model.data!.statements.byDialect).toEqual({ mysql: 2 });
    expect(fks(mysql)).toEqual(['ledger_entries(account_id)->accounts']);
    const sqlite = await run('sqlite-schema');
    expect(sqlite.model.data!.dialect.name).toBe('sqlite');
    expect(fks(sqlite)).toEqual(['note_tags(note_id)->notes']);
    const tsql = await run('tsql-schema');
    expect(tsql.model.data!.dialect.name).toBe('transactsql');
    // node-sql-parser 5.4's T-SQL grammar has no REFERENCES: the tolerant DDL reader still gets the
    // table, its columns and its foreign key, and says so.
    expect(tables(tsql)).toEqual(['bins', 'warehouses']);
    expect(fks(tsql)).toEqual(['bins(WarehouseId)->warehouses']);
    expect(tsql.model.data!.tables.find((t) => t.id === 'bins')!.columns.map((c) => c.name)).toEqual(['Id', 'WarehouseId']);
    expect(tsql.model.diagnostics).toEqual([expect.objectContaining({ code: 'ddl-read-tolerantly', file: 'schema.sql', line: 6, message: expect.stringContaining('table bins, 2 columns, 1 foreign keys') })]);
  });

  it('Knex schema builder in an init script and dated migrations, a SQLite rebuild no dialect parses, catalogs, temporary tables, redbean', async () => {
    const r = await run('knex-sqlite-app');
    expect(r.model.data!.dialect.name).toBe('sqlite');
    // report_scratch is temporary, sqlite_master the catalog: neither is a table of the domain.
    expect(tables(r)).toEqual(['customers', 'order_items', 'orders']);
    expect(r.model.data!.tables.find((t) => t.id === 'order_items')!.primaryKey).toEqual(['order_id', 'sku']);
    expect(r.model.data!.tables.find((t) => t.id === 'orders')!.columns.map((c) => c.name)).toEqual(['id', 'customer_id', 'total', 'notes']);
    // The rebuild (create orders_tmp, drop orders, rename) keeps order_items' key to orders; the
    // tolerant reader reads `references customers` (no column: the primary key).
    expect(fks(r)).toEqual(['order_items(order_id)->orders', 'orders(customer_id)->customers']);
    expect(r.model.data!.edges.filter((e) => e.kind === 'foreign-key').map((e) => e.columns!.onDelete ?? '-')).toEqual(['-', 'set null']);
    expect(accesses(r)).toEqual(['src/store.js write order_items via orm', 'src/store.js read orders via orm']);
    expect(r.model.diagnostics.map((d) => d.code).sort()).toEqual(['ddl-read-tolerantly', 'system-catalog']);
  });

  it('Prisma junctions: implicit many-to-many tables and explicit relation models are written through their owners', async () => {
    const r = await run('prisma-junctions');
    expect(tables(r)).toEqual(['_ordertotag', 'account', 'folder', 'order', 'orderline', 'tag', 'tagsonaccount']);
    expect(fks(r)).toEqual(['_ordertotag(A)->order', '_ordertotag(B)->tag', 'folder(parentId)->folder', 'orderline(orderId)->order', 'tagsonaccount(accountId)->account', 'tagsonaccount(tagId)->tag']);
    expect(accesses(r)).toEqual(['src/accounts.ts write account via orm', 'src/accounts.ts read order via orm', 'src/accounts.ts write tagsonaccount via orm']);
  });

  it('Spring Data MongoDB: @Document collections (named and default), @DBRef, MongoRepository, MongoTemplate', async () => {
    const r = await run('mongo-spring');
    expect(r.model.data!.tables.map((t) => `${t.id} ${t.store ?? 'table'} ${t.declaredIn[0]!.source}`)).toEqual(['author document mongodb', 'notes document mongodb']);
    expect(fks(r)).toEqual(['notes(author)->author']);
    const J = 'src/main/java/com/acme/notes';
    expect(accesses(r).map((a) => a.slice(J.length + 1))).toEqual([
      'authors/AuthorDirectory.java read author via orm',
      'authors/AuthorDirectory.java write author via orm',
      'notes/NoteRepository.java read notes via orm',
      'notes/NoteRepository.java write notes via orm',
    ]);
  });

  it('Mongoose: models (collection option, default plural, names already plural), refs, statics, a wrapper handed the model; the Node driver', async () => {
    const r = await run('mongoose-app');
    expect(r.model.data!.tables.map((t) => `${t.id}${t.store ? ` ${t.store}` : ''}${t.undeclared ? ' undeclared' : ''}`)).toEqual(['audit_log undeclared', 'executiondetails document', 'orgs document', 'users document']);
    expect(fks(r)).toEqual(['orgs(_userId)->users', 'users(_organizationId)->orgs']);
    expect(accesses(r)).toEqual([
      'src/repositories/organization.repository.ts read orgs via orm',
      'src/repositories/organization.repository.ts write orgs via orm',
      'src/services/user.service.ts write audit_log via orm',
      'src/services/user.service.ts read users via orm',
      'src/services/user.service.ts write users via orm',
    ]);
  });

  it('a dialect the parser lacks: ten failures listed, the rest summarised in one diagnostic', async () => {
    // ClickHouse: ENGINE = MergeTree ORDER BY, no dialect of node-sql-parser reads it.
    const statements = Array.from({ length: 25 }, (_, i) => `SELECT count() FROM events_${i} FINAL SAMPLE 1/10 SETTINGS max_threads = 2;`).join('\n');
    const repo = tempRepo({ 'package.json': '{"dependencies":{"@clickhouse/client":"1"}}', 'src/report.sql': `CREATE TABLE events_0 (id UInt64) ENGINE = MergeTree ORDER BY id;\n${statements}` });
    const r = await analyze(repo, { symbols: false });
    const failed = r.model.diagnostics.filter((d) => d.code === 'sql-parse-failed');
    expect(failed.length).toBe(11);
    expect(failed.filter((d) => d.file === undefined).map((d) => d.message)).toEqual([expect.stringMatching(/^15 more statements no dialect parses .* in 1 files \(src\/report.sql\)/)]);
  });

  it('MyBatis with the schema shipped per vendor: one variant read and said, a rejected CREATE TABLE read tolerantly', async () => {
    const r = await run('mybatis-vendors');
    expect(r.model.data!.dialect.name).toBe('mysql');
    expect(r.model.data!.tables.map((t) => `${t.id} ${t.declaredIn.map((d) => d.file.split('/').slice(-2).join('/')).join(',')}`)).toEqual(['account mysql/schema.sql', 'customer mysql/schema.sql']);
    expect(r.model.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(['schema-vendor-variants: the schema is shipped once per database vendor (3 variants of src/main/resources/db/*): read src/main/resources/db/mysql/ (the dialect, mysql), skipped 2 files of src/main/resources/db/h2/, src/main/resources/db/postgres/']);
    expect(accesses(r).map((a) => a.split('/').pop())).toEqual(['AccountMapper.java read account via sql', 'AccountMapper.java write account via sql', 'AccountMapper.java read customer via sql']);
    const pg = await run('mybatis-vendors', { dialect: 'postgresql' });
    expect(pg.model.data!.tables.map((t) => `${t.id} ${t.columns.length}`)).toEqual(['account 3', 'customer 2']);
    expect(fks(pg)).toEqual(['account(customer_id)->customer']);
    expect(pg.model.diagnostics.map((d) => d.code).sort()).toEqual(['ddl-read-tolerantly', 'schema-vendor-variants']);
  });

  it('Sequelize as real apps write it: models in one folder, associations in a relations file under imported aliases, default imports, include, raw SQL, SQLite', async () => {
    const r = await run('sequelize-real');
    expect(r.model.data!.dialect.name).toBe('sqlite');
    expect(tables(r)).toEqual(['order_products', 'orders', 'products', 'users']);
    expect(fks(r)).toEqual(['order_products(OrderId)->orders', 'order_products(ProductId)->products', 'orders(user_id)->users']);
    expect(accesses(r)).toEqual([
      'services/orders.ts write order_products via orm',
      'services/orders.ts read orders via sql',
      'services/orders.ts write orders via orm',
      'services/orders.ts read users via sql',
    ]);
    const join = r.model.data!.edges.find((e) => e.kind === 'join')!;
    expect([join.from, join.to, join.evidence.map((e) => e.line)]).toEqual(['orders', 'users', [6, 18]]);
  });

  it('sequelize-typescript models with queryInterface migrations in JS: one schema, the DDL keys winning', async () => {
    const r = await run('sequelize-ts');
    expect(r.model.data!.tables.map((t) => `${t.id} ${t.declaredIn.map((d) => d.source).join('+')}`)).toEqual(['categories migration+sequelize', 'product_tags migration+sequelize', 'products migration+sequelize', 'tags migration+sequelize']);
    expect(r.model.data!.tables.find((t) => t.id === 'tags')!.columns.map((c) => c.name)).toEqual(['id', 'label', 'color']);
    expect(fks(r)).toEqual(['product_tags(productId)->products', 'product_tags(tagId)->tags', 'products(category_id)->categories']);
    expect(r.model.data!.edges.find((e) => e.kind === 'foreign-key' && e.from === 'products')!.columns!.onDelete).toBe('cascade');
    expect(accesses(r)).toEqual([
      'src/services/catalog.service.ts write product_tags via orm',
      'src/services/catalog.service.ts read products via orm',
      'src/services/catalog.service.ts write products via orm',
    ]);
  });

  it('Objection: models by class and file name (WIKI.models.pages), this.query(), relationMappings, withGraphJoined, $relatedQuery, a knex CTE', async () => {
    const r = await run('objection-app');
    expect(r.model.data!.tables.map((t) => `${t.id} ${t.declaredIn.map((d) => d.source).join('+')}`)).toEqual(['pages migration+objection', 'pagetags migration', 'tags migration+objection', 'users migration+objection']);
    expect(fks(r)).toEqual(['pages(authorId)->users', 'pagetags(pageId)->pages', 'pagetags(tagId)->tags']);
    // The CTE 'ancestors' is no table; writes are patches.
    expect(accesses(r)).toEqual([
      'server/models/pages.js read pages via orm',
      'server/services/search.js read pages via orm',
      'server/services/search.js read tags via orm',
      'server/services/search.js write users via orm',
    ]);
    expect(r.model.data!.edges.filter((e) => e.kind === 'join').map((e) => `${e.from}-${e.to}`)).toEqual(['pages-tags']);
  });

  it('tables only tests declare are the tests\' own; a product table they declare too stays', async () => {
    const r = await run('test-tables');
    expect(tables(r)).toEqual(['audit_log', 'orders']);
    expect(fks(r)).toEqual([]);
    expect(r.model.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(['test-tables: tables declared only by tests, fixtures or seed data and used by no product code, left out: test_gadgets, test_widgets']);
  });

  it('Drizzle tables by variable (references as keys, select/insert/joins, db.query) and Kysely selectFrom/insertInto', async () => {
    const r = await run('drizzle-kysely');
    expect(r.model.data!.tables.map((t) => `${t.id}${t.undeclared ? ' undeclared' : ` ${t.declaredIn[0]!.source}`}`)).toEqual(['audit_log undeclared', 'posts drizzle', 'users drizzle']);
    expect(r.model.data!.tables.find((t) => t.id === 'posts')!.columns.map((c) => c.name)).toEqual(['id', 'author_id', 'title']);
    expect(fks(r)).toEqual(['posts(author_id)->users']);
    expect(accesses(r)).toEqual([
      'src/audit.ts read audit_log via query-builder',
      'src/audit.ts write audit_log via query-builder',
      'src/audit.ts read users via query-builder',
      'src/posts.ts read posts via orm',
      'src/posts.ts write posts via orm',
      'src/posts.ts read users via orm',
    ]);
    expect(r.model.data!.edges.filter((e) => e.kind === 'join').map((e) => `${e.from}-${e.to}`)).toEqual(['audit_log-users', 'posts-users']);
  });

  it('Redis key prefixes become key-value data nodes; keys without a literal prefix and other clients are left out', async () => {
    const r = await run('redis-app');
    expect(r.model.data!.tables.map((t) => `${t.id} ${t.store}`)).toEqual(['redis:cart key-value', 'redis:session key-value']);
    expect(accesses(r)).toEqual(['src/cart.ts read redis:cart via orm', 'src/cart.ts write redis:cart via orm', 'src/cart.ts write redis:session via orm']);
    expect(r.model.diagnostics).toEqual([]);
  });

  it('JPA Criteria: the entity a class literal names is read', async () => {
    const r = await run('jpa-relations');
    expect(accesses(r).filter((a) => a.includes('FleetReport'))).toEqual(['src/main/java/com/acme/freight/vehicles/FleetReport.java read vehicle via orm']);
  });

  it('entities declared as data (TypeORM EntitySchema): tables, many-to-one keys, repositories of the schema object', async () => {
    const r = await run('entity-schema');
    expect(tables(r)).toEqual(['categories', 'posts']);
    expect(fks(r)).toEqual(['posts(categoryId)->categories']);
    expect(accesses(r)).toEqual(['src/posts.ts read posts via orm', 'src/posts.ts write posts via orm']);
  });

  it('keeps unique constraints over two or more columns', async () => {
    const repo = tempRepo({ 'package.json': '{"dependencies":{"pg":"8"}}', 'db/schema.sql': 'CREATE TABLE r (id int PRIMARY KEY, order_id int, item_id int, code text UNIQUE, UNIQUE (order_id, item_id));' });
    const r = await analyze(repo, { symbols: false });
    expect(r.model.data!.tables.map((t) => [t.id, t.uniqueKeys])).toEqual([['r', [['order_id', 'item_id']]]]);
  });

  it('--dialect forces the first dialect tried', async () => {
    expect((await run('mysql-schema', { dialect: 'mariadb' })).model.data!.dialect).toEqual({ name: 'mariadb', reason: '--dialect' });
    await expect(run('mysql-schema', { dialect: 'oracle' })).rejects.toThrow(/option 'dialect' must be one of athena, bigquery/);
  });
});

describe('database stage on bad input', async () => {
  const r = await run('bad-sql');
  const diag = r.model.diagnostics.map((d) => `${d.code} ${d.file}:${d.line ?? ''}`);

  it('reports PL/SQL no dialect parses with file:line and the tables the fallback recovered, and goes on', async () => {
    const oracle = r.model.diagnostics.find((d) => d.file === 'V2__oracle.sql' && d.code === 'sql-parse-failed')!;
    expect(oracle.line).toBe(1);
    expect(oracle.message).toMatch(/fallback extractor.*: invoices/);
    expect(tables(r)).toEqual(['clients', 'invoices']);
  });

  it('reports duplicate tables, references to missing tables, empty and binary .sql files', async () => {
    expect(diag).toEqual(
      expect.arrayContaining([
        'duplicate-table V1__schema.sql:3',
        'unknown-table V1__schema.sql:2',
        'unknown-table V2__oracle.sql:7',
        'unknown-table V2__oracle.sql:8',
        'empty-sql-file empty.sql:',
        'binary-file data.sql:',
      ]),
    );
    // The later definition of clients wins.
    expect(r.model.data!.tables.find((t) => t.id === 'clients')!.columns.map((c) => c.name)).toEqual(['id', 'name', 'email']);
  });

  it('streams a 50 MB dump of INSERTs without parsing the data, keeping its DDL', async () => {
    const row = "INSERT INTO events (id, payload) VALUES (1, 'a;b ''quoted'' -- not a comment');\n";
    const repo = tempRepo({ 'package.json': '{"dependencies":{"pg":"8"}}' });
    const fd = fs.openSync(path.join(repo, 'dump.sql'), 'w');
    fs.writeSync(fd, 'CREATE TABLE events (id INT PRIMARY KEY, payload TEXT);\n');
    const block = row.repeat(10_000);
    for (let written = 0; written < 50 * 1024 * 1024; written += block.length) fs.writeSync(fd, block);
    fs.writeSync(fd, 'CREATE TABLE event_tags (event_id INT REFERENCES events (id));\n');
    fs.closeSync(fd);
    const before = snapshotTree(repo);
    const big = await analyze(repo, { symbols: false });
    expect(big.model.data!.statements.bulkSkipped).toBeGreaterThan(600_000);
    expect(big.model.data!.tables.map((t) => t.id)).toEqual(['event_tags', 'events']);
    expect(big.model.data!.edges.filter((e) => e.kind === 'foreign-key').map((e) => `${e.from}->${e.to}`)).toEqual(['event_tags->events']);
    expect(snapshotTree(repo)).toEqual(before);
  });

  it('skips the database stage entirely with db: false', async () => {
    expect((await run('bad-sql', { db: false })).model.data).toBeUndefined();
  });
});
