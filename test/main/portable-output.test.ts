/**
 * analysis.json does not depend on where the repository is checked out: two copies at different
 * absolute paths (with diagnostics that would name paths: a tsconfig extends leaving the repository,
 * a broken tsconfig, a symbolic link outside) give byte-identical files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { renderJson } from '../../src/report/render-json.js';

function checkout(parent: string): string {
  const repo = path.join(parent, 'deeper', 'shop');
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ extends: '../base.json', compilerOptions: { paths: { '@k/*': ['src/kernel/*'] } } }),
    'pkg/tsconfig.json': '{ "compilerOptions": { "strict": tru ',
    'pkg/a.ts': "import { b } from './b';\nexport const a = b;\n",
    'src/orders/order.ts': "import { money } from '@k/money';\nimport x from 'left-pad';\nexport const total = money(1) + x;\n",
    'src/kernel/money.ts': 'export const money = (n: number) => n;\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  }
  fs.writeFileSync(path.join(parent, 'deeper', 'base.json'), '{}');
  fs.symlinkSync(path.join(parent, 'deeper', 'base.json'), path.join(repo, 'src', 'linked.ts'));
  return repo;
}

describe('analysis.json across checkout locations', () => {
  it('is byte-identical for the same repository at two absolute paths', async () => {
    const one = checkout(fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-where-a-')));
    const two = checkout(fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-where-bb-long-')));
    const a = renderJson(await analyze(one, { history: false }))[0]!.content;
    const b = renderJson(await analyze(two, { history: false }))[0]!.content;
    expect(a).toContain('read-outside-refused');
    expect(a).toContain('tsconfig-error');
    expect(a).not.toContain(os.tmpdir());
    expect(b).toBe(a);
  });
});
