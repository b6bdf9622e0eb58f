/**
 * Every command run in-process through runCli with a recording io: help, the option matrix, error
 * messages and exit codes, summaries, reports, graph and init. The spawned binary is in cli-smoke.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { commit, initRepo } from '../helpers/git-repo.js';
import { cli } from '../helpers/run-cli.js';
import { FIXTURES, snapshotTree, tempRepo } from '../helpers/temp-repo.js';

const SHOP = path.join(FIXTURES, 'shop-monolith');
const FAST = ['--no-history', '--no-symbols', '--runs', '3'];
const outDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-out-'));
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('help', () => {
  it('groups the options of every command, with examples', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/analyze \[options\] \[path\]/);
    expect(help.stdout).toContain('init [options] [path]');
    expect(help.stdout).toContain('Examples:');
    for (const command of ['analyze', 'history', 'db', 'graph', 'report', 'init']) {
      const r = await cli([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain('Examples:');
      expect(r.stdout, command).toContain('Run options:');
    }
    const analyze = (await cli(['analyze', '--help'])).stdout;
    for (const group of ['Input options:', 'Database options:', 'History options:', 'Contexts options:', 'Output options:']) expect(analyze).toContain(group);
    expect(analyze.indexOf('Input options:')).toBeLessThan(analyze.indexOf('--granularity'));
    expect(analyze.indexOf('Contexts options:')).toBeLessThan(analyze.indexOf('--contexts'));
    for (const flag of ['--out', '--format', '--granularity', '--include', '--exclude', '--config', '--quiet', '--debug', '--verbose', '--show-emails']) expect(analyze).toContain(flag);
    expect(analyze).toMatch(/--no-db {2,}skip the database stage/);
    expect(analyze).toContain('(default: 20)');
  });
});

describe('usage errors exit 2 naming the valid choices', () => {
  it('for a missing path or a file instead of a folder', async () => {
    const missing = await cli(['analyze', '/no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('path not found: /no/such/folder');
    const file = await cli(['analyze', path.join(SHOP, 'package.json')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/not a folder: .*package\.json/);
  });

  it('for a bad format, granularity, dialect or unknown option', async () => {
    const format = await cli(['analyze', SHOP, '--format', 'json,pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format: unknown format 'pdf'; valid formats: json, md, decomposition, html, csv, cml, structurizr, dot, mermaid, graphml, svg");
    const gran = await cli(['analyze', SHOP, '--granularity', 'class']);
    expect(gran.code).toBe(2);
    expect(gran.stderr).toContain("--granularity must be one of file, dir:N (N = 1, 2, ...), package; got 'class'");
    const dialect = await cli(['db', SHOP, '--dialect', 'oracle']);
    expect(dialect.code).toBe(2);
    expect(dialect.stderr).toContain("--dialect must be one of athena, bigquery, db2");
    expect((await cli(['analyze', SHOP, '--frobnicate'])).code).toBe(2);
    const weights = await cli(['analyze', SHOP, '--weights', 'code=1,style=2']);
    expect(weights.code).toBe(2);
    expect(weights.stderr).toContain("--weights: invalid weight 'style=2'; use code=N,data=N,history=N");
    const coupleBy = await cli(['history', SHOP, '--couple-by', 'sprint']);
    expect(coupleBy.code).toBe(2);
    expect(coupleBy.stderr).toContain("--couple-by must be one of commit, author-window:HOURS, ticket:REGEX; got 'sprint'");
  });

  it('reports every problem at once, each naming the flag or config key actually given', async () => {
    const repo = tempRepo({ 'a.ts': '', 'msa-split.config.yaml': 'coupleBy: sprint\nminRevs: 0\ncolour: true\n' });
    const r = await cli(['analyze', repo, '--resolution', '0', '--since', 'not a date', '--runs', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('6 problems with the options:');
    expect(r.stderr).toContain("msa-split.config.yaml: unknown key 'colour'; valid keys: botPatterns, branch,");
    expect(r.stderr).toContain("msa-split.config.yaml: 'coupleBy' must be one of commit, author-window:HOURS, ticket:REGEX; got 'sprint'");
    expect(r.stderr).toContain("msa-split.config.yaml: 'minRevs' must be a whole number from 1 to 1000000; got 0");
    expect(r.stderr).toContain('--resolution must be a number above 0 and at most 1000; got 0');
    expect(r.stderr).toContain("--since must be a date such as 2024-01-31, '2024-01-31 12:00', '6 months ago', yesterday or @1706659200; got 'not a date'");
    expect(r.stderr).toContain("--runs must be a whole number from 1 to 1000; got 'many'");
  });

  it('for a --branch the repository does not have, naming the branches it has', async () => {
    const repo = initRepo();
    commit(repo, { date: '2024-01-01T10:00:00Z', files: { 'src/a.ts': 'export const a = 1;\n' } });
    const r = await cli(['history', repo, '--branch', 'mian']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--branch 'mian' is not a branch, tag or commit of this repository; branches and tags: main");
  });
});

describe('config files', () => {
  it('reads msa-split.config.yaml from the repository; flags override it; a named config may set out', async () => {
    const repo = tempRepo({
      'src/orders/a.ts': "import { b } from '../billing/b';\nexport const a = b;\n",
      'src/billing/b.ts': 'export const b = 1;\n',
      'msa-split.config.yaml': 'granularity: dir:2\nformat: [json]\n',
    });
    const out = outDir();
    expect((await cli(['analyze', repo, '--out', out, '--quiet'])).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['analysis.json']);
    expect(readJson(path.join(out, 'analysis.json')).model.modules.map((m: { id: string }) => m.id)).toEqual(['src/billing', 'src/orders']);
    const flagWins = outDir();
    await cli(['analyze', repo, '--out', flagWins, '--quiet', '--granularity', 'file']);
    expect(readJson(path.join(flagWins, 'analysis.json')).options.granularity).toBe('file');

    const named = outDir();
    const cfg = path.join(outDir(), 'cfg.json');
    fs.writeFileSync(cfg, JSON.stringify({ $schema: './msa-split.config.schema.json', out: named, format: 'json', history: false }));
    expect((await cli(['analyze', repo, '--config', cfg, '--quiet'])).code).toBe(0);
    expect(fs.readdirSync(named)).toEqual(['analysis.json']);
  });

  it('refuses out and flag-only keys from a config inside the repository', async () => {
    const repo = tempRepo({ 'a.ts': '', 'msa-split.config.json': JSON.stringify({ out: '/tmp/x', git: '/bin/sh', maxFileBytes: 'big' }) });
    const r = await cli(['analyze', repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("msa-split.config.json: 'out': only accepted from the command line (--out) or a config file named with --config");
    expect(r.stderr).toContain("msa-split.config.json: 'git': only accepted as the flag --git");
    expect(r.stderr).toContain("msa-split.config.json: 'maxFileBytes' must be a whole number from 1 to 268435456; got 'big'");
  });
});

describe('analyze', () => {
  it('prints a compact summary (<= 60 lines, <= 100 columns) and the full one with --verbose', async () => {
    const r = await cli(['analyze', SHOP, ...FAST]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(60);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/Candidate contexts \(\d+\)/);
    expect(r.stdout).toMatch(/1\. \S.* \(pilot\)/);
    expect(r.stdout).toContain('The full report: run with --out DIR; more here with --verbose.');
    expect(r.stdout).not.toContain('analysis.json');
    const verbose = await cli(['analyze', SHOP, ...FAST, '--verbose']);
    expect(verbose.stdout).toContain('src/ordering/order-service.ts -> src/payments/payment-service.ts');
    expect(verbose.stdout).toMatch(/modularity Q -?\d/);
    expect(verbose.stdout.split('\n').length).toBeGreaterThan(lines.length);
    expect(await cli(['analyze', SHOP, ...FAST, '--quiet'])).toMatchObject({ code: 0, stdout: '' });
  });

  it('writes byte-identical analysis.json across runs and names the report in the summary', async () => {
    const [a, b] = [outDir(), outDir()];
    const first = await cli(['analyze', SHOP, '--no-history', '--out', a, '--format', 'json,md']);
    expect(first.stdout).toContain(`Written: 2 files to ${a}`);
    expect(first.stdout).toContain(`The full report is ${path.join(a, 'report.md')}`);
    await cli(['analyze', SHOP, '--no-history', '--out', b, '--format', 'json,md', '--quiet']);
    const json = fs.readFileSync(path.join(a, 'analysis.json'), 'utf8');
    expect(fs.readFileSync(path.join(b, 'analysis.json'), 'utf8')).toBe(json);
    expect(fs.readFileSync(path.join(b, 'report.md'), 'utf8')).toBe(fs.readFileSync(path.join(a, 'report.md'), 'utf8'));
    expect(JSON.parse(json)).toMatchObject({ schemaVersion: 1, model: { root: 'shop-monolith' } });
    expect(json).not.toContain(SHOP);
  });

  it('honours --contexts and --no-cluster, --no-db, and exits 1 under --strict with diagnostics', async () => {
    const few = await cli(['analyze', SHOP, ...FAST, '--contexts', '3']);
    const count = Number(/Candidate contexts \((\d+)\)/.exec(few.stdout)![1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(5);
    expect((await cli(['analyze', SHOP, ...FAST, '--no-cluster'])).stdout).not.toContain('Candidate contexts');
    const out = outDir();
    expect((await cli(['analyze', SHOP, ...FAST, '--no-db', '--quiet', '--out', out, '--format', 'json'])).code).toBe(0);
    expect(readJson(path.join(out, 'analysis.json')).model.data).toBeUndefined();
    const repo = tempRepo({ 'src/a.ts': "import { x } from './missing';\nexport const a = x;\n" });
    expect((await cli(['analyze', repo, '--quiet'])).code).toBe(0);
    const strict = await cli(['analyze', repo, '--quiet', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict: 1 error/warning diagnostics');
  });
});

describe('db and history', () => {
  it('db prints the schema, keys, joins and the access matrix', async () => {
    const r = await cli(['db', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dialect postgresql (package.json depends on pg)');
    expect(r.stdout).toMatch(/Tables \(14\)/);
    expect(r.stdout).toMatch(/orders\(customer_id\) -> customers\(id\) crosses areas/);
    expect(r.stdout).toMatch(/order_lines <-> products x2 crosses areas/);
    expect(r.stdout).toMatch(/Table access by area/);
  });

  it('history prints hotspots, coupling and ownership with author names; e-mails only on request', async () => {
    const repo = initRepo();
    for (let i = 0; i < 6; i++) {
      commit(repo, { date: `2024-01-0${i + 1}T10:00:00Z`, author: i % 2 ? 'Ann' : 'Ben', email: i % 2 ? 'ann@x.test' : 'ben@x.test', files: { 'src/a.ts': `export const a = ${i};\n`, 'src/b.ts': `export const b = ${i};\n` } });
    }
    const r = await cli(['history', repo]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 commits by 2 authors');
    expect(r.stdout).toMatch(/src\/a\.ts ~ src\/b\.ts degree 100%, 6 shared of 6\/6/);
    expect(r.stdout).toMatch(/Ownership by area/);
    expect(r.stdout).toMatch(/main author (Ann|Ben) \(/);
    expect(r.stdout).not.toContain('@x.test');
    expect((await cli(['history', repo, '--show-emails'])).stdout).toMatch(/main author (Ann <ann@x\.test>|Ben <ben@x\.test>)/);
    const out = outDir();
    await cli(['analyze', repo, '--quiet', '--no-symbols', '--out', out, '--format', 'json,md,html,csv']);
    for (const name of ['report.md', 'report.html', 'modules.csv']) expect(fs.readFileSync(path.join(out, name), 'utf8'), name).not.toContain('@x.test');
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/\| (Ann|Ben) \|/);
    expect(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8')).toContain('ann@x.test');
    const window = await cli(['history', repo, '--since', '2030-01-01']);
    expect(window.code).toBe(0);
    expect(window.stdout).toContain('no commits in the window read');
    expect(window.stdout).not.toContain('undefined');
  });
});

describe('report and graph', () => {
  it('re-renders a saved analysis in every format, and rejects damaged or older files with exit 2', async () => {
    const out = outDir();
    expect((await cli(['analyze', SHOP, ...FAST, '--quiet', '--out', out, '--format', 'json'])).code).toBe(0);
    const again = outDir();
    const r = await cli(['report', path.join(out, 'analysis.json'), '--format', 'md,html,dot,mermaid,graphml,csv,svg', '--out', again]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(again).sort()).toEqual(expect.arrayContaining(['report.md', 'report.html', 'graph-contexts.dot', 'graph-contexts.mmd', 'graph-contexts.graphml', 'modules.csv', 'edges.csv', 'graph-contexts.svg']));
    const damaged = path.join(again, 'damaged.json');
    fs.writeFileSync(damaged, '{"schemaVersion": 1, "model": {}');
    expect(await cli(['report', damaged])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not valid JSON') });
    const older = path.join(again, 'older.json');
    fs.writeFileSync(older, JSON.stringify({ schemaVersion: 0, model: {} }));
    expect((await cli(['report', older])).stderr).toContain('schema version 0, this msa-split reads version 1');
    const broken = path.join(again, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ schemaVersion: 1, model: { modules: [] } }));
    expect((await cli(['report', broken])).stderr).toContain('not a valid analysis (at $.model: missing');
  });

  it('re-renders byte for byte what analyze wrote (a saved analysis.json has sorted keys; the reports must not care)', async () => {
    const first = outDir();
    await cli(['analyze', SHOP, ...FAST, '--quiet', '--out', first, '--format', 'json,md,html,csv']);
    const again = outDir();
    expect((await cli(['report', path.join(first, 'analysis.json'), '--format', 'md,html,csv', '--out', again, '--quiet'])).code).toBe(0);
    for (const name of ['report.md', 'report.html', 'modules.csv', 'edges.csv']) {
      expect(fs.readFileSync(path.join(again, name), 'utf8'), name).toBe(fs.readFileSync(path.join(first, name), 'utf8'));
    }
  });

  it('exports one graph from a repository or a saved analysis, proposing contexts again on request', async () => {
    const dot = await cli(['graph', SHOP, ...FAST, '--level', 'table', '--format', 'dot']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph "msa-split tables" \{/);
    expect(dot.stdout).toContain('"orders"');
    expect((await cli(['graph', SHOP, '--level', 'files'])).stderr).toContain("unknown level 'files'; valid levels: module, context, table");
    expect((await cli(['graph', SHOP, '--format', 'png'])).stderr).toContain("unknown graph format 'png'; valid formats: dot, mermaid, graphml, svg, json, tgf");

    const out = outDir();
    await cli(['analyze', SHOP, ...FAST, '--quiet', '--out', out, '--format', 'json']);
    const saved = path.join(out, 'analysis.json');
    const fromFile = await cli(['graph', saved, '--level', 'context', '--format', 'json']);
    expect(fromFile.code).toBe(0);
    const contexts = JSON.parse(fromFile.stdout);
    expect(contexts.level).toBe('context');
    expect(contexts.nodes.filter((n: { id: string }) => n.id !== 'kernel').length).toBe(readJson(saved).decomposition.contexts.length);
    const two = JSON.parse((await cli(['graph', saved, '--format', 'json', '--contexts', '2', '--runs', '3'])).stdout);
    expect(two.nodes.filter((n: { id: string }) => n.id !== 'kernel').length).toBeLessThan(contexts.nodes.length - 1);
    const notClustering = await cli(['graph', saved, '--granularity', 'dir:2']);
    expect(notClustering.code).toBe(2);
    expect(notClustering.stderr).toContain('--granularity: only the clustering options apply to a saved analysis');
  });
});

describe('init', () => {
  it('prints a commented config with the detected frameworks, entry points and kernel guesses, valid as a config', async () => {
    const before = snapshotTree(SHOP);
    const r = await cli(['init', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# msa-split configuration for shop-monolith');
    expect(r.stdout).toMatch(/# Detected frameworks[^\n]*\n#   TypeORM: \d+ modules \(typeorm\)/);
    expect(r.stdout).toMatch(/# Entry points found \(\d+\)/);
    expect(r.stdout).toMatch(/\n# kernel:\n# {3}- "src\/shared\//);
    expect(r.stdout).toContain('# minRevs: 5');
    expect(snapshotTree(SHOP)).toEqual(before);
    // What init writes is a config the pipeline accepts.
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    const cfg = path.join(outDir(), 'init.yaml');
    expect((await cli(['init', SHOP, '--out', cfg, '--quiet'])).code).toBe(0);
    // Every line is a comment: the file changes nothing until the user uncomments a line.
    expect(YAML.parse(fs.readFileSync(cfg, 'utf8'))).toBeNull();
    fs.writeFileSync(cfg, fs.readFileSync(cfg, 'utf8').replace('# minRevs: 5', 'minRevs: 5').replace(/# kernel:\n# {3}(- .*)\n/, 'kernel:\n  $1\n'));
    expect(YAML.parse(fs.readFileSync(cfg, 'utf8'))).toMatchObject({ minRevs: 5, kernel: [expect.stringMatching(/^src\/shared\//)] });
    expect((await cli(['analyze', repo, '--config', cfg, ...FAST, '--quiet'])).code).toBe(0);
    expect((await cli(['init', SHOP, '--out', cfg])).stderr).toContain('already exists; init never replaces a file');
    expect((await cli(['init', SHOP, '--out', path.join(SHOP, 'msa-split.config.yaml')])).stderr).toContain('is inside the analyzed repository');
  });
});
