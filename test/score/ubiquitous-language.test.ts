import { describe, expect, it } from 'vitest';
import { analyzeUbiquitousLanguage } from '../../src/score/ubiquitous-language.js';
import type { DataEdge, SystemModel, TableNode } from '../../src/model/types.js';
import { tinyDecomposition } from '../helpers/tiny-decomposition.js';
import { tinyModel } from '../helpers/tiny-model.js';

const table = (id: string, columns: string[], entityModules: string[] = []): TableNode => ({
  id,
  name: id,
  columns: columns.map((name) => ({ name })),
  primaryKey: ['id'],
  declaredIn: [],
  entityModules,
});
const access = (from: string, to: string, mode: 'read' | 'write', fields?: string[]): DataEdge => ({ kind: 'table-access', from, to, mode, via: 'sql', weight: 1, evidence: [], ...(fields ? { fields } : {}) });

describe('ubiquitous language', () => {
  const base = tinyModel(['stock/reorder -type-import-> catalog/product', 'catalog/service -> catalog/product', 'stock/reorder -call-> order/toast', 'catalog/service -call-> order/toast'], { modules: ['catalog/repo', 'order/repo', 'crm/user', 'crm/member', 'crm/account-repo', 'kernel/money', 'order/cart'] });
  const role = (id: string) =>
    ['catalog/product', 'crm/user', 'crm/member', 'kernel/money', 'order/cart'].includes(id)
      ? { role: { role: 'domain' as const, rule: 'domain or model folder' } }
      : id === 'order/toast'
        ? { role: { role: 'domain' as const, rule: 'default: no framework fact or technical name (a business noun)' } }
        : {};
  const model: SystemModel = {
    ...base,
    modules: base.modules.map((m) => ({ ...m, ...role(m.id) })),
    data: {
      dialect: { name: 'postgresql', reason: 'test' },
      tables: [
        // `region` is in every table (a base entity's column): it says nothing about sameness.
        table('products', ['id', 'sku', 'name', 'price_cents', 'region'], ['catalog/product']),
        table('users', ['id', 'email', 'full_name', 'phone', 'created_at', 'region']),
        table('members', ['id', 'email', 'full_name', 'phone', 'level', 'region']),
        table('accounts', ['id', 'iban', 'region']),
      ],
      edges: [
        access('catalog/repo', 'products', 'write', ['name', 'price_cents']),
        access('catalog/repo', 'products', 'read', ['*']),
        access('order/repo', 'products', 'read', ['id', 'name']),
        access('stock/reorder', 'products', 'read', ['id', 'sku']),
        access('crm/account-repo', 'accounts', 'read'),
        access('crm/account-repo', 'users', 'read'),
        access('crm/account-repo', 'members', 'read'),
        { kind: 'foreign-key', from: 'accounts', to: 'users', columns: { from: ['id'], to: ['id'] }, via: 'sql', weight: 1, evidence: [] },
      ],
      statements: { parsed: 0, byDialect: {}, fallback: 0, bulkSkipped: 0 },
    },
  };
  const d = tinyDecomposition(
    { catalog: ['catalog/product', 'catalog/repo', 'catalog/service'], order: ['order/repo', 'order/cart', 'order/toast'], stock: ['stock/reorder'], crm: ['crm/user', 'crm/member', 'crm/account-repo'] },
    { kernel: ['kernel/money'], tables: { catalog: ['products'], crm: ['accounts', 'members', 'users'] }, terms: { catalog: ['product', 'catalog'] } },
  );
  const language = analyzeUbiquitousLanguage(model, d);

  it('reports one Product used by three contexts, the owner first, with the columns each reads; a file domain only by default is no concept', () => {
    expect(language.conflicts.map((c) => c.concept)).toEqual(['Product']);
    const product = language.conflicts[0]!;
    expect(product).toMatchObject({ table: 'products', owner: 'catalog', declaredBy: ['catalog/product'] });
    expect(product.usedBy.map((u) => [u.context, u.how.join('/'), u.columns?.join(',')])).toEqual([
      ['catalog', 'imports/reads/writes', '*,name,price_cents'],
      ['order', 'reads', 'id,name'],
      ['stock', 'reads/type-imports', 'id,sku'],
    ]);
    expect(product.suggestion).toContain('order uses columns id, name');
    expect(product.suggestion).toContain('give each context its own model');
  });

  it('finds synonyms kept in one context: by the lexicon, a 1:1 foreign key and shared columns', () => {
    const pairs = Object.fromEntries(language.synonyms.map((s) => [`${s.a}/${s.b}`, s.why]));
    expect(Object.keys(pairs)).toEqual(['Account/Member', 'Account/User', 'Member/User']);
    expect(pairs['Account/User']).toEqual(["'account' and 'user' are synonyms", 'the primary key of accounts is a foreign key to users (1:1)']);
    expect(pairs['Member/User']).toEqual(["'member' and 'user' are synonyms", 'they share 3 columns (email, full_name, phone; Jaccard 0.75)']);
  });

  it('gives each context a glossary: its terms with their use, and the concepts it owns', () => {
    const catalog = language.glossary.find((g) => g.context === 'catalog')!;
    expect(catalog.terms).toEqual([
      { term: 'product', modules: 1, tables: 1 },
      { term: 'catalog', modules: 3, tables: 0 },
    ]);
    expect(catalog.concepts).toEqual(['Product']);
    expect(language.glossary.find((g) => g.context === 'crm')!.concepts).toEqual(['Account', 'Member', 'User']);
  });
});
