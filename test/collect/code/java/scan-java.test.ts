import { describe, expect, it } from 'vitest';
import { scanJava } from '../../../../src/collect/code/java/scan-java.js';

describe('scanJava', () => {
  it('reads package, imports, types with annotations and supertypes, and type references', async () => {
    const s = await scanJava(
      'A.java',
      [
        'package com.acme.shop.orders;',
        'import com.acme.shop.billing.Invoice;',
        'import com.acme.shop.common.*;',
        'import static com.acme.shop.common.Ids.next;',
        '@Service',
        'public class OrderService extends Base implements Api<Order> {',
        '  private final OrderRepository repo;',
        '  public OrderService(OrderRepository repo) { this.repo = repo; }',
        '  @Query(value = "SELECT o FROM Order o", nativeQuery = false)',
        '  public List<Order> all() { Invoice i = new Invoice(); Money.zero(); return repo.findAll(); }',
        '}',
      ].join('\n'),
    );
    expect(s.packageName).toBe('com.acme.shop.orders');
    expect(s.imports.map((i) => [i.name, i.wildcard, i.isStatic])).toEqual([
      ['com.acme.shop.billing.Invoice', false, false],
      ['com.acme.shop.common', true, false],
      ['com.acme.shop.common.Ids.next', false, true],
    ]);
    const t = s.types[0]!;
    expect([t.name, t.kind, t.annotations.map((a) => a.name), t.extends.map((x) => x.name), t.implements.map((x) => `${x.name}<${x.typeArgs}>`)]).toEqual([
      'OrderService', 'class', ['Service'], ['Base'], ['Api<Order>'],
    ]);
    expect(t.methods.find((m) => m.name === 'all')!.annotations[0]).toEqual({ name: 'Query', args: { value: 'SELECT o FROM Order o', nativeQuery: 'false' } });
    expect(s.refs.filter((r) => r.how !== 'type').map((r) => `${r.how} ${r.name}`)).toEqual(['new Invoice', 'static-call Money', 'field-call OrderRepository']);
    expect(s.diagnostics).toEqual([]);
  });

  it('keeps what parses in a broken file and reports the error with its line', async () => {
    const s = await scanJava('B.java', 'package a;\nclass B {\n  void broken( { }\n  void ok() { new C(); }\n}\n');
    expect(s.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', file: 'B.java', line: 3 })]);
    expect(s.refs.map((r) => r.name)).toContain('C');
  });

  it('reads Lombok-annotated classes like any other (their generated members are invisible, their fields are not)', async () => {
    const s = await scanJava('L.java', 'package a;\n@Data @Builder\n@Entity\npublic class L { @Id private Long id; private Other other; }\n');
    expect(s.types[0]!.annotations.map((a) => a.name)).toEqual(['Data', 'Builder', 'Entity']);
    expect(s.types[0]!.fields.map((f) => `${f.type} ${f.name}`)).toEqual(['Long id', 'Other other']);
  });
});
