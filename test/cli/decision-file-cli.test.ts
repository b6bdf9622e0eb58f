/** `analyze --decomposition` from the command line: an invalid file is exit 2 naming key and line, and nothing is written. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { tempRepo } from '../helpers/temp-repo.js';

const REPO = {
  'src/ordering/order.ts': "import { pay } from '../payments/pay';\nexport const order = () => pay();\n",
  'src/ordering/cart.ts': "import { order } from './order';\nexport const cart = () => order();\n",
  'src/payments/pay.ts': 'export const pay = () => 1;\n',
  'src/payments/refund.ts': "import { pay } from './pay';\nexport const refund = () => pay();\n",
};

describe('analyze --decomposition', () => {
  it('refuses an invalid decision file with exit 2, naming the key and line, and writes nothing', async () => {
    const repo = tempRepo(REPO);
    const dir = tempRepo({ 'd.yaml': 'version: 1\ncontexts:\n  - id: ordering\n    includes: ["src/ordering/**"]\n' }, 'decisions');
    const out = path.join(path.dirname(dir), 'out');
    const r = await cli(['analyze', repo, '--decomposition', path.join(dir, 'd.yaml'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('d.yaml:4: contexts[0].includes: unknown key; valid keys here: id, name, include, exclude, modules, api, tables, notes');
    expect(fs.existsSync(out)).toBe(false);
    const without = await cli(['analyze', repo, '--no-cluster', '--decomposition', path.join(dir, 'd.yaml')]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--decomposition scores the decided contexts: it cannot be combined with --no-cluster');
  });

  it('scores a valid one, lists what it placed, and writes the file back as it was', async () => {
    const repo = tempRepo(REPO);
    const text = '# msa-split decision file: the decomposition the workshop decided.\n# Schema: https://msa-split.dev/schema/decomposition.schema.json (schema/decomposition.schema.json in the package).\n# Use it: msa-split analyze <repo> --decomposition msa-split.decomposition.yaml\nversion: 1\ncontexts:\n  - id: ordering\n    include:\n      - "src/ordering/**"\n  - id: payments\n    modules:\n      - src/payments/pay.ts\n';
    const dir = tempRepo({ 'msa-split.decomposition.yaml': text }, 'decisions');
    const out = path.join(path.dirname(dir), 'out');
    const r = await cli(['analyze', repo, '--no-history', '--decomposition', path.join(dir, 'msa-split.decomposition.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Decided contexts (2)');
    expect(r.stdout).toContain('decided in the decision file; 1 modules it left open placed by msa-split');
    expect(fs.readFileSync(path.join(out, 'msa-split.decomposition.yaml'), 'utf8')).toBe(text);
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('| src/payments/refund.ts | payments | ties 2 of its 2 to payments |');
    // Re-rendering the saved analysis gives the same decision file.
    const again = await cli(['report', path.join(out, 'analysis.json'), '--format', 'decomposition', '--out', path.join(out, 'again')]);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'again', 'msa-split.decomposition.yaml'), 'utf8')).toBe(text);
  });
});
