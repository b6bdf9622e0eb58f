import { describe, expect, it } from 'vitest';
import { nameByTerms } from '../../src/cluster/name-by-terms.js';
import { termsOf } from '../../src/model/terms.js';
import { businessFolderOf } from '../../src/model/business-folder.js';

describe('business terms and names', () => {
  it('splits identifiers, folds plurals and drops technical words', () => {
    expect(termsOf('OrderLineRepositoryImpl')).toEqual(['order', 'line']);
    expect(termsOf('HTTPServerConfig')).toEqual([]);
    expect(termsOf('loan_installments')).toEqual(['loan', 'installment']);
    expect(termsOf('categories-service')).toEqual(['category']);
    expect(termsOf('axios-ntlm.analytics')).toEqual(['axios', 'ntlm', 'analytics']);
  });

  it('names a context after the terms that distinguish it, tables weighing double', () => {
    const named = nameByTerms(
      [
        { modules: ['src/orders/order-service.ts', 'src/orders/order.entity.ts', 'src/orders/cart.ts'], tables: ['orders', 'order_lines'] },
        { modules: ['src/billing/invoice.ts', 'src/billing/invoice-service.ts'], tables: ['invoices'] },
      ],
      () => 'domain',
    );
    // order: 3 file names + 3 x 0.5 folder + 2 x 2 tables = 8.5 against line 2: one term dominates.
    expect(named.map((n) => n.name)).toEqual(['order', 'invoice']);
    expect(named[0]!.terms.slice(0, 3)).toEqual(['order', 'line', 'cart']);
    const mixed = nameByTerms([{ modules: ['src/a/cargo.ts', 'src/a/handling-event.ts'], tables: [] }, { modules: ['src/b/voyage.ts'], tables: [] }], () => 'domain');
    expect(mixed[0]!.name).toBe('cargo · handling');
  });

  it('warns when a context is a layer: most modules share one role and come from several business folders', () => {
    const controllers = ['src/orders/web/OrderController.java', 'src/billing/web/InvoiceController.java', 'src/stock/web/StockController.java', 'src/users/web/UserController.java'];
    const [layer] = nameByTerms([{ modules: controllers, tables: [] }], () => 'interface');
    expect(layer!.warning).toBe('this context is a layer, not a capability: 4 of 4 modules are interface code from 4 business folders');
    const [client] = nameByTerms([{ modules: controllers, tables: [] }], () => 'interface', () => 'browser');
    expect(client!.warning).toMatch(/^this context is a front end, not a capability: 4 of 4 modules are browser code/);
    const [vertical] = nameByTerms([{ modules: ['src/orders/a.ts', 'src/orders/b.ts', 'src/orders/c.ts', 'src/orders/d.ts'], tables: [] }], () => 'interface');
    expect(vertical!.warning).toBeUndefined();
  });

  it("finds a module's business folder past layer folders and the JVM base package", () => {
    expect(businessFolderOf('src/main/java/se/citerus/dddsample/interfaces/booking/facade/internal/assembler/X.java')).toBe('src/main/java/se/citerus/dddsample/interfaces/booking');
    expect(businessFolderOf('src/main/java/se/citerus/dddsample/application/impl/BookingServiceImpl.java')).toBeUndefined();
    expect(businessFolderOf('src/article/dto/index.ts')).toBe('src/article');
    expect(businessFolderOf('server/model/monitor.js')).toBeUndefined();
  });
});
