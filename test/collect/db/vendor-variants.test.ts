import { describe, expect, it } from 'vitest';
import { pickVendorMethods, pickVendorVariants } from '../../../src/collect/db/vendor-variants.js';

const paths = (list: string[]) => list.map((path) => ({ path }));

describe('pickVendorVariants', () => {
  it('keeps the default folder beside vendor-suffixed ones, whole folders at a time (files need not match)', () => {
    const r = pickVendorVariants(paths(['server/db/migrations/2.0.0.js', 'server/db/migrations/2.1.0.js', 'server/db/migrations-sqlite/2.0.0.js', 'server/db/migrations-sqlite/2.0.5.js', 'server/db/seed.js']), 'postgresql');
    expect(r.files.map((f) => f.path)).toEqual(['server/db/migrations/2.0.0.js', 'server/db/migrations/2.1.0.js', 'server/db/seed.js']);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['the schema is shipped once per database vendor (2 variants of server/db/migrations): read server/db/migrations/, skipped 2 files of server/db/migrations-sqlite/']);
  });

  it("prefers the dialect's vendor, then a fixed order; a single vendor folder is left alone", () => {
    const files = paths(['db/h2/schema.sql', 'db/mysql/schema.sql', 'db/postgres/schema.sql', 'db/postgres/data.sql', 'other/mysql/only.sql']);
    expect(pickVendorVariants(files, 'sqlite').files.map((f) => f.path)).toEqual(['db/postgres/schema.sql', 'db/postgres/data.sql', 'other/mysql/only.sql']);
    expect(pickVendorVariants(files, 'mysql').files.map((f) => f.path)).toEqual(['db/mysql/schema.sql', 'other/mysql/only.sql']);
  });
});

describe('pickVendorMethods', () => {
  it("keeps one vendor's methods of a migration, and literals outside vendor-named methods", () => {
    const literals = [
      { file: 'm/1-init.ts', enclosing: 'postgresUpQueryRunner', text: 'a' },
      { file: 'm/1-init.ts', enclosing: 'sqliteUpQueryRunner', text: 'b' },
      { file: 'm/1-init.ts', enclosing: 'mysqlUpQueryRunner', text: 'c' },
      { file: 'm/1-init.ts', enclosing: 'up', text: 'd' },
      { file: 'm/2-only.ts', enclosing: 'sqliteUpQueryRunner', text: 'e' },
    ];
    expect(pickVendorMethods(literals, 'postgresql').map((l) => l.text)).toEqual(['a', 'd', 'e']);
    expect(pickVendorMethods(literals, 'mysql').map((l) => l.text)).toEqual(['c', 'd', 'e']);
  });
});
