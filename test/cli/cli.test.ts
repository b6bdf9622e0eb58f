/**
 * The real binary, spawned as a user would run it (needs `npm run build`, which `npm test` does first).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, snapshotTree, tempRepo } from '../helpers/temp-repo.js';

const BIN = fileURLToPath(new URL('../../bin/msa-split.js', import.meta.url));
const SHOP = path.join(FIXTURES, 'shop-monolith');

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const outDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-out-'));

beforeAll(() => {
  if (!fs.existsSync(fileURLToPath(new URL('../../dist/cli/run-cli.js', import.meta.url)))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  }
});

describe('msa-split CLI', () => {
  it('prints its version and help for every command', () => {
    const pkg = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/analyze \[options\] \[path\]/);
    const analyzeHelp = run(['analyze', '--help']);
    expect(analyzeHelp.code).toBe(0);
    for (const flag of ['--out', '--format', '--granularity', '--include', '--exclude', '--config', '--quiet', '--debug']) {
      expect(analyzeHelp.stdout).toContain(flag);
    }
  });

  it('exits 2 with a clear message for a missing path or a file instead of a folder', () => {
    const missing = run(['analyze', '/no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('path not found: /no/such/folder');
    const file = run(['analyze', path.join(SHOP, 'package.json')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/not a folder: .*package\.json/);
  });

  it('exits 2 naming the valid choices for a bad format, granularity, unknown option or command', () => {
    const format = run(['analyze', SHOP, '--format', 'json,pdf']);
    expect(format).toMatchObject({ code: 2 });
    expect(format.stderr).toContain("unknown format 'pdf'; valid formats: json, md, html, dot, mermaid, graphml, csv, svg");
    const gran = run(['analyze', SHOP, '--granularity', 'class']);
    expect(gran.code).toBe(2);
    expect(gran.stderr).toContain("invalid granularity 'class'; valid values: file, dir:N (N = 1, 2, ...), package");
    expect(run(['analyze', SHOP, '--frobnicate']).code).toBe(2);
    const cmd = run(['analyse']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command 'analyse'/);
  });

  it('prints a summary without colour codes under NO_COLOR, and nothing with --quiet', () => {
    const r = run(['analyze', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('msa-split');
    expect(r.stdout).toMatch(/\d+ files, \d+ modules/);
    expect(r.stdout).toContain('src/ordering/order-service.ts -> src/payments/payment-service.ts');
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toBe('');
    expect(run(['analyze', SHOP, '--quiet'])).toMatchObject({ code: 0, stdout: '' });
    expect(run(['analyze', SHOP], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
  });

  it('writes byte-identical analysis.json across runs, with a schema version, and never writes into the repository', () => {
    const before = snapshotTree(SHOP);
    const [a, b] = [outDir(), outDir()];
    expect(run(['analyze', SHOP, '--out', a, '--format', 'json,md']).code).toBe(0);
    expect(run(['analyze', SHOP, '--out', b, '--format', 'json,md', '--quiet']).code).toBe(0);
    const json = fs.readFileSync(path.join(a, 'analysis.json'), 'utf8');
    expect(fs.readFileSync(path.join(b, 'analysis.json'), 'utf8')).toBe(json);
    expect(fs.readFileSync(path.join(b, 'report.md'), 'utf8')).toBe(fs.readFileSync(path.join(a, 'report.md'), 'utf8'));
    const parsed = JSON.parse(json) as { schemaVersion: number; model: { root: string } };
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.model.root).toBe('shop-monolith');
    expect(json).not.toContain(SHOP);
    expect(snapshotTree(SHOP)).toEqual(before);
  });

  it('refuses an output folder inside the analyzed repository', () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    const before = snapshotTree(repo);
    const r = run(['analyze', '.', '--out', 'report'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is inside the analyzed repository');
    expect(snapshotTree(repo)).toEqual(before);
  });

  it('reads msa-split.config.json and .yaml from the repository, flags override them, bad keys exit 2', () => {
    const repo = tempRepo({
      'src/orders/a.ts': "import { b } from '../billing/b';\nexport const a = b;\n",
      'src/billing/b.ts': 'export const b = 1;\n',
      'msa-split.config.yaml': 'granularity: dir:2\nformat: [json]\n',
    });
    const out = outDir();
    expect(run(['analyze', repo, '--out', out, '--quiet']).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['analysis.json']);
    const modules = (JSON.parse(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8')) as { model: { modules: { id: string }[] } }).model.modules;
    expect(modules.map((m) => m.id)).toEqual(['src/billing', 'src/orders']);
    const flagWins = outDir();
    run(['analyze', repo, '--out', flagWins, '--quiet', '--granularity', 'file']);
    expect((JSON.parse(fs.readFileSync(path.join(flagWins, 'analysis.json'), 'utf8')) as { options: { granularity: string } }).options.granularity).toBe('file');

    const bad = tempRepo({ 'a.ts': '', 'cfg.json': JSON.stringify({ granularity: 'file', colour: true }) });
    const r = run(['analyze', bad, '--config', path.join(bad, 'cfg.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key 'colour'; valid keys: botPatterns, branch, bulkThresholdBytes, churn, cluster, contexts, coupleBy, db, dialect, entryPoints, exclude, format, gitTimeout, granularity, history, include, includeMerges, includeTests, kernel, kernelMinAreas, maxChangesetSize, maxCommits, maxFileBytes, minContextSize, minCoupling, minRevs, minShared, out, resolution, runs, seed, since, symbols, until, weights/);
    const badValue = tempRepo({ 'a.ts': '', 'msa-split.config.json': JSON.stringify({ maxFileBytes: 'big' }) });
    expect(run(['analyze', badValue]).stderr).toContain("'maxFileBytes' must be a whole number from 1 to 268435456");
  });

  it('turns diagnostics into exit 1 with --strict', () => {
    const repo = tempRepo({ 'src/a.ts': "import { x } from './missing';\nexport const a = x;\n" });
    expect(run(['analyze', repo, '--quiet']).code).toBe(0);
    const strict = run(['analyze', repo, '--quiet', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict: 1 error/warning diagnostics');
  });
});

describe('msa-split db', () => {
  it('prints the schema, keys, joins and the access matrix', () => {
    const r = run(['db', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dialect postgresql (package.json depends on pg)');
    expect(r.stdout).toMatch(/Tables \(14\)/);
    expect(r.stdout).toMatch(/orders\(customer_id\) -> customers\(id\) crosses areas/);
    expect(r.stdout).toMatch(/order_lines <-> products x2 crosses areas/);
    expect(r.stdout).toMatch(/Table access by area/);
  });

  it('rejects an unknown dialect naming the valid ones, and analyze --no-db skips the stage', () => {
    const bad = run(['db', SHOP, '--dialect', 'oracle']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown dialect 'oracle'; valid dialects: athena, bigquery, db2");
    const out = outDir();
    expect(run(['analyze', SHOP, '--no-db', '--no-symbols', '--quiet', '--out', out, '--format', 'json']).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8')).model.data).toBeUndefined();
  });
});

describe('msa-split history', () => {
  it('prints hotspots, coupling and ownership for a repository with history', async () => {
    const { initRepo, commit, hour } = await import('../helpers/git-repo.js');
    const repo = initRepo();
    for (let i = 0; i < 6; i++) commit(repo, { date: hour(i), author: i % 2 ? 'Ann' : 'Ben', email: i % 2 ? 'ann@x.test' : 'ben@x.test', files: { 'src/a.ts': `export const a = ${i};\n`, 'src/b.ts': `export const b = ${i};\n` } });
    const r = run(['history', repo]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 commits by 2 authors');
    expect(r.stdout).toMatch(/src\/a\.ts ~ src\/b\.ts degree 100%, 6 shared of 6\/6/);
    expect(r.stdout).toMatch(/Ownership by area/);
    const bad = run(['history', repo, '--couple-by', 'sprint']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid --couple-by 'sprint'; valid values: commit, author-window:HOURS, ticket:REGEX");
  });

  it('reports a missing git as a diagnostic and analyzes the rest; --no-history skips the stage', () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    const r = run(['analyze', repo, '--no-symbols'], { env: { PATH: path.join(repo, 'no-bin') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no history: git is not installed or not on PATH');
    expect(r.stdout).toContain('git-not-found');
    const out = outDir();
    expect(run(['analyze', repo, '--no-history', '--quiet', '--out', out, '--format', 'json']).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8')).model.history).toBeUndefined();
  });
});

describe('msa-split analyze: contexts and plan', () => {
  it('prints candidate contexts and the plan, honours --contexts and --no-cluster, rejects bad weights', () => {
    const r = run(['analyze', SHOP, '--no-history', '--no-symbols', '--runs', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Candidate contexts \(\d+\)/);
    expect(r.stdout).toMatch(/modularity Q -?\d/);
    expect(r.stdout).toMatch(/1\. \S+ \(pilot\)/);
    const few = run(['analyze', SHOP, '--no-history', '--no-symbols', '--runs', '3', '--contexts', '3']);
    const count = Number(/Candidate contexts \((\d+)\)/.exec(few.stdout)![1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(5);
    expect(run(['analyze', SHOP, '--no-cluster', '--no-history']).stdout).not.toContain('Candidate contexts');
    const bad = run(['analyze', SHOP, '--weights', 'code=1,style=2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--weights: invalid weight 'style=2'; use code=N,data=N,history=N");
  });
});

describe('msa-split report and graph', () => {
  it('re-renders a saved analysis in every format, and rejects damaged or older files with exit 2', () => {
    const out = outDir();
    expect(run(['analyze', SHOP, '--no-history', '--runs', '2', '--quiet', '--out', out, '--format', 'json']).code).toBe(0);
    const again = outDir();
    const r = run(['report', path.join(out, 'analysis.json'), '--format', 'md,html,dot,mermaid,graphml,csv,svg', '--out', again]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(again).sort()).toEqual(
      expect.arrayContaining(['report.md', 'report.html', 'graph-contexts.dot', 'graph-contexts.mmd', 'graph-contexts.graphml', 'modules.csv', 'edges.csv', 'graph-contexts.svg']),
    );
    const damaged = path.join(again, 'damaged.json');
    fs.writeFileSync(damaged, '{"schemaVersion": 1, "model": {}');
    expect(run(['report', damaged])).toMatchObject({ code: 2 });
    expect(run(['report', damaged]).stderr).toContain('is not valid JSON');
    const older = path.join(again, 'older.json');
    fs.writeFileSync(older, JSON.stringify({ schemaVersion: 0, model: {} }));
    expect(run(['report', older]).stderr).toContain('schema version 0, this msa-split reads version 1');
    const broken = path.join(again, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ schemaVersion: 1, model: { modules: [] } }));
    expect(run(['report', broken]).stderr).toContain('not a valid analysis (at $.model: missing');
  });

  it('exports one graph at a chosen level and format, and names the valid levels and formats', () => {
    const dot = run(['graph', SHOP, '--no-history', '--level', 'table', '--format', 'dot']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph "msa-split tables" \{/);
    expect(dot.stdout).toContain('"orders"');
    const json = run(['graph', SHOP, '--level', 'context', '--format', 'json']);
    expect(JSON.parse(json.stdout).level).toBe('context');
    expect(run(['graph', SHOP, '--level', 'files']).stderr).toContain("unknown level 'files'; valid levels: module, context, table");
    expect(run(['graph', SHOP, '--format', 'png']).stderr).toContain("unknown graph format 'png'; valid formats: dot, mermaid, graphml, json, svg");
  });
});
