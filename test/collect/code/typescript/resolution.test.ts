import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/main/analyze.js';
import { FIXTURES } from '../../../helpers/temp-repo.js';

const fixture = (name: string) => path.join(FIXTURES, 'resolution', name);
const edges = async (name: string, kinds = ['import', 'type-import', 'dynamic-import']) =>
  (await analyze(fixture(name), { symbols: false }))
    .model.edges.filter((e) => kinds.includes(e.kind))
    .map((e) => `${e.kind} ${e.from} -> ${e.to}`);

describe('import resolution', () => {
  it('follows tsconfig paths with baseUrl through extends, and baseUrl-relative bare specifiers', async () => {
    expect(await edges('paths-baseurl')).toEqual([
      'import src/billing/invoice.ts -> src/shared/round.ts',
      'import src/billing/invoice.ts -> src/shared/tax.ts',
    ]);
  });

  it('follows paths without baseUrl, .js specifiers to .ts, index files, type-only and dynamic imports, and build output back to source', async () => {
    expect(await edges('paths-no-baseurl')).toEqual([
      'import bin/cli.js -> src/orders/place-order.ts',
      'import src/billing/index.ts -> src/billing/charge.ts',
      'type-import src/billing/index.ts -> src/billing/invoice.ts',
      'import src/orders/place-order.ts -> src/billing/index.ts',
      'type-import src/orders/place-order.ts -> src/billing/invoice.ts',
      'import src/orders/place-order.ts -> src/billing/ledger/index.ts',
      'dynamic-import src/orders/place-order.ts -> src/orders/audit.ts',
    ]);
  });

  it('records externals and builtins apart, and reports unresolved relative and aliased specifiers', async () => {
    const r = await analyze(fixture('paths-no-baseurl'), { symbols: false });
    expect(r.model.externals.map((x) => `${x.name} ${x.kind} declared=${x.declared}`)).toEqual([
      'express package declared=false',
      'node:fs builtin declared=true',
      'node:path builtin declared=true',
    ]);
    expect(r.model.unresolved.map((u) => `${u.specifier} @${u.evidence.line}`)).toEqual(['./does-not-exist.js @4', '@billing/nothing-here @5']);
    expect(r.model.diagnostics.filter((d) => d.code === 'unresolved-import').map((d) => d.message)).toEqual([
      "cannot resolve './does-not-exist.js': no such file",
      "cannot resolve '@billing/nothing-here': matches a tsconfig \"paths\" alias but no file exists there",
    ]);
  });

  it('maps a package.json main that points at build output back to the source entry', async () => {
    const r = await analyze(fixture('paths-no-baseurl'), { symbols: false });
    expect(r.analyses.unreferenced.entryPoints).toEqual([
      { module: 'bin/cli.js', reason: 'script' },
      { module: 'src/orders/place-order.ts', reason: 'declared in package.json' },
    ]);
  });

  it('resolves package.json "imports" (#specifiers) with conditions, require() in .cjs, and ignores assets', async () => {
    expect(await edges('package-imports')).toEqual([
      'import lib/db.cjs -> lib/format.cjs',
      'import lib/main.mjs -> lib/db.cjs',
      'import lib/main.mjs -> lib/util/strings.mjs',
    ]);
    expect((await analyze(fixture('package-imports'), { symbols: false })).model.diagnostics).toEqual([]);
  });

  it('resolves npm workspace packages to their source, through exports maps and subpaths', async () => {
    expect(await edges('workspaces-npm')).toEqual([
      'import packages/billing/src/index.ts -> packages/kernel/src/index.ts',
      'import packages/kernel/src/index.ts -> packages/kernel/src/money.ts',
      'import packages/orders/src/index.ts -> packages/billing/src/index.ts',
      'import packages/orders/src/index.ts -> packages/billing/src/tax.ts',
      'type-import packages/orders/src/index.ts -> packages/kernel/src/index.ts',
    ]);
  });

  it('resolves pnpm workspace packages through their "source" field, .tsx included', async () => {
    const r = await analyze(fixture('workspaces-pnpm'), { symbols: false });
    expect(r.model.edges.map((e) => `${e.kind} ${e.from} -> ${e.to}`)).toEqual(['import apps/web/src/page.tsx -> libs/ui/src/button.tsx']);
    expect(r.model.externals.map((x) => x.name)).toEqual(['react']);
  });

  it('reports a broken tsconfig with its line and still resolves relative imports', async () => {
    const r = await analyze(fixture('broken-tsconfig'), { symbols: false });
    expect(r.model.edges.map((e) => `${e.from} -> ${e.to}`)).toEqual(['src/a.ts -> src/b.ts']);
    expect(r.model.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'tsconfig-error', file: 'tsconfig.json', line: 4 })]);
  });
});
