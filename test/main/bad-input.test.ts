/**
 * Issue #2's bad inputs, all in one repository: each becomes a diagnostic, the rest is analysed,
 * and the repository is left untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { UsageError } from '../../src/model/usage-error.js';
import { snapshotTree, tempRepo } from '../helpers/temp-repo.js';

describe('analyze on bad input', async () => {
  const root = tempRepo({
    'tsconfig.json': '{ "compilerOptions": { "paths": { "@k/*": ["src/kernel/*"] ',
    'src/orders/order.ts': "import { money } from '../kernel/money';\nimport { broken } from './broken';\nexport const total = money(1) + broken;\n",
    'src/orders/broken.ts': "export const broken = 1;\nexport function oops( {\n",
    'src/kernel/money.ts': 'export const money = (n: number) => n;\n',
    'src/assets/logo.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]),
    'src/legacy/latin1.js': Buffer.from("module.exports = 'Gr\xfc\xdfe';\n", 'latin1'),
    'src/generated/schema.ts': `export const schema = [\n${'  { "field": "value" },\n'.repeat(230_000)}];\n`,
  });
  fs.symlinkSync('..', path.join(root, 'src/orders/loop'));
  const before = snapshotTree(root);
  const result = await analyze(root);
  const codes = result.model.diagnostics.map((d) => `${d.code} ${d.file ?? ''}`);

  it('reports each bad file once with a code naming the problem', async () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'parse-error src/orders/broken.ts',
        'binary-file src/assets/logo.ts',
        'not-utf8 src/legacy/latin1.js',
        'file-too-large src/generated/schema.ts',
        'symlink-loop src/orders/loop',
        'tsconfig-error tsconfig.json',
      ]),
    );
    expect(fs.statSync(path.join(root, 'src/generated/schema.ts')).size).toBeGreaterThan(5_000_000);
  });

  it('still analyses everything else, the broken file included as far as it parses', async () => {
    expect(result.model.modules.map((m) => m.id)).toEqual(['src/kernel/money.ts', 'src/legacy/latin1.js', 'src/orders/broken.ts', 'src/orders/order.ts']);
    expect(result.model.edges.filter((e) => e.kind === 'import').map((e) => `${e.from} -> ${e.to}`)).toEqual([
      'src/orders/order.ts -> src/kernel/money.ts',
      'src/orders/order.ts -> src/orders/broken.ts',
    ]);
    expect(result.model.skipped).toEqual(
      expect.arrayContaining([
        { path: 'src/assets/logo.ts', reason: 'binary' },
        { path: 'src/generated/schema.ts', reason: 'too-large' },
        { path: 'src/orders/loop', reason: 'symlink-loop' },
      ]),
    );
  });

  it('writes nothing into the analysed repository', async () => {
    expect(snapshotTree(root)).toEqual(before);
  });

  it('rejects a missing path and a file with a usage error', async () => {
    await expect(analyze(path.join(root, 'nope'))).rejects.toThrow(UsageError);
    await expect(analyze(path.join(root, 'src/kernel/money.ts'))).rejects.toThrow(/not a folder/);
  });

  it('handles an empty repository', async () => {
    const empty = await analyze(tempRepo({}));
    expect(empty.summary).toMatchObject({ files: 0, modules: 0, lines: 0 });
    expect(empty.analyses.cycles.cycles).toEqual([]);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });
});
