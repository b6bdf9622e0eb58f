/**
 * The data readers of issue #14 on malformed and hostile input, in one repository: every reader gets
 * something it cannot use, the analysis completes, what can be read is read, nothing is invented, and
 * the repository is left untouched.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/main/analyze.js';
import { snapshotTree, tempRepo } from '../../helpers/temp-repo.js';

describe('data readers on bad input', async () => {
  const root = tempRepo({
    'package.json': '{"dependencies":{"knex":"3","sequelize":"6","mongoose":"8","typeorm":"0.3","pg":"8","ioredis":"5","objection":"3"}}',
    // Knex: a syntax error, a computed table name, a schema call chain nested 300 deep.
    'migrations/1-broken.js': "exports.up = knex => knex.schema.createTable(name, t => { t.integer('a').references('id').inTable( }\n",
    'migrations/2-deep.js': `exports.up = knex => knex.schema${".table('t', t => {})".repeat(300)}\n`,
    'migrations/3-ok.js': "exports.up = knex => knex.schema.createTable('orders', t => { t.increments('id') })\n",
    // Sequelize: an association naming models nobody defines, an alias to a file that does not exist.
    'models/relations.js': "const { Ghost: G } = require('./missing');\nG.hasMany(Phantom);\n",
    // queryInterface with no table name and a references object without a model.
    'migrations/4-qi.js': "module.exports = { up: async (queryInterface) => { await queryInterface.createTable(); await queryInterface.addColumn('orders', 'x', { references: {} }); } };\n",
    // Mongoose: a computed model name; a ref to a model nobody declares.
    'src/models.ts': "import mongoose, { Schema } from 'mongoose';\nconst s = new Schema({ owner: { type: Schema.Types.ObjectId, ref: 'Nobody' } });\nexport const A = mongoose.model(process.env.M as string, s);\nexport const B = mongoose.model('Thing', s);\n",
    // TypeORM EntitySchema without a name; Objection model without a tableName; relations pointing nowhere.
    'src/entities.ts': "import { EntitySchema } from 'typeorm';\nexport const X = new EntitySchema({ columns: {} } as any);\n",
    'src/objection.js': "const Model = require('objection').Model\nmodule.exports = class P extends Model { static get relationMappings() { return { q: { relation: Model.HasManyRelation, join: { from: 'p', to: 'q.x' } } } } }\n",
    // Redis with no literal prefix; a Tailwind class string; a CREATE TABLE that never closes, 200 KB long.
    'src/cache.ts': "import Redis from 'ioredis';\nconst redis = new Redis();\nexport const f = (k: string) => redis.get(k);\nexport const cls = 'truncate flex-1 text-sm';\n",
    'db/huge.sql': `CREATE TABLE endless (${'a int, '.repeat(30_000)}`,
    // JPA: a relation to a type that is no entity, a derived query on a property that does not exist.
    'src/main/java/com/acme/a/Order.java': 'package com.acme.a;\nimport javax.persistence.*;\n@Entity\npublic class Order { @Id Long id; @OneToMany(cascade = CascadeType.ALL) java.util.List<Nothing> items; }\n',
    'src/main/java/com/acme/a/OrderRepository.java': 'package com.acme.a;\npublic interface OrderRepository extends org.springframework.data.jpa.repository.JpaRepository<Order, Long> { java.util.List<Order> findByGhostName(String n); }\n',
  });
  const before = snapshotTree(root);
  const result = await analyze(root, { history: false, symbols: false });
  const data = result.model.data!;

  it('reads what can be read and invents nothing', () => {
    expect(data.tables.map((t) => t.id)).toEqual(['order', 'orders', 'things']);
    expect(data.edges.filter((e) => e.kind === 'foreign-key').map((e) => `${e.from}->${e.to}`)).toEqual([]);
    expect(data.edges.filter((e) => e.kind === 'table-access').map((e) => `${e.from} ${e.mode} ${e.to}`)).toEqual([
      'src/main/java/com/acme/a/OrderRepository.java read order',
      'src/main/java/com/acme/a/OrderRepository.java write order',
    ]);
  });

  it('says what it could not read', () => {
    const codes = result.model.diagnostics.map((d) => `${d.code} ${d.file ?? ''}`);
    expect(codes).toEqual(expect.arrayContaining(['parse-error migrations/1-broken.js', 'sql-parse-failed db/huge.sql']));
  });

  it('leaves the repository untouched', () => {
    expect(snapshotTree(root)).toEqual(before);
  });
});
