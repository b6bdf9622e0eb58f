import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../../src/collect/cache/code-fingerprint.js';
import { cached, CacheWrites, openFactsCache, type CacheLocation } from '../../../src/collect/cache/facts-cache.js';
import { analyze } from '../../../src/main/analyze.js';
import type { ProgressListener } from '../../../src/model/progress.js';
import { UsageError } from '../../../src/model/usage-error.js';
import { commit, git, initRepo } from '../../helpers/git-repo.js';
import { tempRepo } from '../../helpers/temp-repo.js';

const freshFolder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-cache-'));
const location = (dir: string, repository = '/repo'): CacheLocation => ({ dir, repository, toolVersion: '1.0.0', writes: new CacheWrites() });
const isLength = (v: unknown): v is { length: number } => typeof v === 'object' && v !== null && typeof (v as { length?: unknown }).length === 'number';

/** Runs `files` through a cache: how many were computed, and the facts. */
async function pass(dir: string, files: Record<string, string>, namespace = 'ns') {
  const where = location(dir);
  const cache = openFactsCache(where, namespace, isLength);
  let computed = 0;
  const facts = Object.entries(files).map(([file, text]) => cached(cache, file, text, () => (computed++, { length: text.length })));
  cache.save();
  const problems = await where.writes.settle();
  return { computed, facts, stats: { ...cache.stats }, diagnostics: [...cache.diagnostics, ...problems] };
}

/** Deletes the repository's loose tree objects (commits stay); returns how many. */
function removeLooseTrees(repo: string): number {
  const objects = path.join(repo, '.git', 'objects');
  let removed = 0;
  for (const sub of fs.readdirSync(objects).filter((d) => /^[0-9a-f]{2}$/.test(d))) {
    for (const rest of fs.readdirSync(path.join(objects, sub))) {
      if (git(repo, ['cat-file', '-t', sub + rest]).trim() !== 'tree') continue;
      fs.rmSync(path.join(objects, sub, rest), { force: true });
      removed++;
    }
  }
  return removed;
}

const packOf = (dir: string) => path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.json.gz'))!);

describe('the per-file facts cache', () => {
  it('hits on unchanged files, misses on a changed text, another namespace (options, code, version) or another repository', async () => {
    const dir = freshFolder();
    const files = { 'src/a.ts': 'export const a = 1;', 'src/b.ts': 'export const b = 2;' };
    expect((await pass(dir, files)).computed).toBe(2);
    const warm = await pass(dir, files);
    expect(warm.computed).toBe(0);
    expect(warm.stats).toEqual({ hits: 2, misses: 0 });
    expect(warm.facts).toEqual([{ length: 19 }, { length: 19 }]);
    expect((await pass(dir, { ...files, 'src/b.ts': 'export const b = 22;' })).computed).toBe(1);
    expect((await pass(dir, files, 'ns-other-options')).computed).toBe(2);
    // The namespace carries the tool version and the code's fingerprint: either changing is a miss.
    const adapters = path.resolve(import.meta.dirname, '../../../src/collect/code/typescript');
    expect(codeFingerprint([adapters], '1.0.0')).not.toBe(codeFingerprint([adapters], '1.0.1'));
    const other = openFactsCache(location(dir, '/another/repo'), 'ns', isLength);
    expect(other.get('src/a.ts', files['src/a.ts'])).toBeUndefined();
  });

  it('ignores a corrupt, foreign or tampered pack with a diagnostic, computes again and writes a good one', async () => {
    const files = { 'src/a.ts': 'export const a = 1;' };
    const cases: [string, (pack: string) => void][] = [
      ['not gzip', (pack) => fs.writeFileSync(pack, 'garbage')],
      ['truncated', (pack) => fs.writeFileSync(pack, fs.readFileSync(pack).subarray(0, 20))],
      ['another tool', (pack) => fs.writeFileSync(pack, zlib.gzipSync('{"format":"other"}\n[]'))],
      [
        'tampered entries',
        (pack) => {
          const text = zlib.gunzipSync(fs.readFileSync(pack)).toString().replace('19', '99');
          fs.writeFileSync(pack, zlib.gzipSync(text));
        },
      ],
      [
        'another namespace under this name',
        (pack) => {
          const text = zlib.gunzipSync(fs.readFileSync(pack)).toString().replace('"namespace":"ns"', '"namespace":"nx"');
          fs.writeFileSync(pack, zlib.gzipSync(text));
        },
      ],
    ];
    for (const [what, damage] of cases) {
      const dir = freshFolder();
      await pass(dir, files);
      damage(packOf(dir));
      const again = await pass(dir, files);
      expect(again.computed, what).toBe(1);
      expect(again.facts, what).toEqual([{ length: 19 }]);
      expect(again.diagnostics.map((d) => d.code), what).toEqual(['cache-ignored']);
      expect((await pass(dir, files)).computed, `${what}: rewritten whole`).toBe(0);
    }
  });

  it('does not trust an entry of the wrong shape', async () => {
    const dir = freshFolder();
    await pass(dir, { 'src/a.ts': 'x' });
    const pack = packOf(dir);
    const text = zlib.gunzipSync(fs.readFileSync(pack)).toString();
    const [header, entries] = [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)];
    const forged = entries.replace('{"length":1}', '{"length":"1"}');
    const checksum = (await import('node:crypto')).createHash('sha1').update(forged).digest('hex');
    fs.writeFileSync(pack, zlib.gzipSync(`${header.replace(/"checksum":"[0-9a-f]+"/, `"checksum":"${checksum}"`)}\n${forged}`));
    expect((await pass(dir, { 'src/a.ts': 'x' })).computed).toBe(1);
  });
});

describe('analyze with the cache', () => {
  const shop = path.resolve(import.meta.dirname, '../../../fixtures/shop-monolith');

  it('gives byte-identical results cold, warm and without a cache, and reads every file from the cache when warm', async () => {
    const dir = freshFolder();
    const details: string[] = [];
    const listen: ProgressListener = (e) => void (e.stage === 'imports' && e.detail && details.push(e.detail));
    const none = JSON.stringify(await analyze(shop, { cache: false, history: false, runs: 3 }));
    const cold = JSON.stringify(await analyze(shop, { cacheDir: dir, history: false, runs: 3 }, listen));
    expect(details).toEqual([]);
    const warm = JSON.stringify(await analyze(shop, { cacheDir: dir, history: false, runs: 3 }, listen));
    expect(cold).toBe(none);
    expect(warm).toBe(none);
    expect(details.at(-1)).toBe('79 of 79 files from the cache');
    // Other options that change a file's facts use another pack: --deep reads no sketches.
    details.length = 0;
    await analyze(shop, { cacheDir: dir, history: false, runs: 3, deep: true }, listen);
    expect(details).toEqual([]);
  });

  it('reuses resolved imports while the layout stays (a file edited), with what resolution refused, and resolves again when a file is added', async () => {
    const repo = tempRepo({
      'tsconfig.json': JSON.stringify({ extends: '../outside/tsconfig.json', compilerOptions: { baseUrl: '.', paths: { '@billing/*': ['src/billing/*'] } } }),
      'src/billing/invoice.ts': 'export const invoice = 1;\n',
      'src/orders/order.ts': "import { invoice } from '@billing/invoice';\nexport const order = invoice;\n",
    });
    fs.mkdirSync(path.join(repo, '..', 'outside'), { recursive: true });
    fs.writeFileSync(path.join(repo, '..', 'outside', 'tsconfig.json'), '{}');
    const dir = freshFolder();
    const run = async () => {
      const r = await analyze(repo, { cacheDir: dir, history: false, runs: 2 });
      return { edges: r.model.edges.filter((e) => e.kind === 'import').map((e) => `${e.from} -> ${e.to}`), refused: r.model.diagnostics.filter((d) => d.code === 'read-outside-refused').length };
    };
    const cold = await run();
    expect(cold.edges).toEqual(['src/orders/order.ts -> src/billing/invoice.ts']);
    expect(cold.refused).toBe(1);
    fs.appendFileSync(path.join(repo, 'src/billing/invoice.ts'), 'export const more = 2;\n');
    // Gone outside: only the cached answers still know that resolution was refused a read there.
    fs.rmSync(path.join(repo, '..', 'outside'), { recursive: true });
    expect(await run()).toEqual(cold);
    fs.writeFileSync(path.join(repo, 'src/billing/index.ts'), "export * from './invoice';\n");
    fs.writeFileSync(path.join(repo, 'src/orders/order.ts'), "import { invoice } from '../billing';\nexport const order = invoice;\n");
    // A file added: resolved again (the barrel is found, nothing outside is read any more).
    expect(await run()).toEqual({ edges: ['src/billing/index.ts -> src/billing/invoice.ts', 'src/orders/order.ts -> src/billing/index.ts'], refused: 0 });
  });

  it('two runs at once on one cache folder both succeed and leave a whole pack', async () => {
    const dir = freshFolder();
    const [a, b] = await Promise.all([1, 2].map(() => analyze(shop, { cacheDir: dir, history: false, runs: 2 })));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const details: string[] = [];
    await analyze(shop, { cacheDir: dir, history: false, runs: 2 }, (e) => void (e.detail && details.push(e.detail)));
    expect(details).toContain('79 of 79 files from the cache');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replays the history of an unchanged HEAD and reads it again after a new commit', async () => {
    const repo = initRepo();
    const spec = (date: string, text: string) => ({ author: 'Ann', email: 'ann@example.com', date, files: { 'src/orders/order.ts': text, 'src/billing/bill.ts': `import '../orders/order';\n${text}` } });
    commit(repo, spec('2024-01-01T10:00:00Z', 'export const a = 1;\n'));
    commit(repo, spec('2024-01-02T10:00:00Z', 'export const a = 2;\n'));
    const dir = freshFolder();
    const history = async () => (await analyze(repo, { cacheDir: dir, runs: 2 })).model.history!;
    const first = await history();
    expect(first.commits).toBe(2);
    // Without its trees git log could not list a file; the replayed history does not need it.
    const trees = removeLooseTrees(repo);
    expect(trees).toBeGreaterThan(0);
    expect((await analyze(repo, { cache: false, runs: 2 })).model.diagnostics.map((d) => d.code)).toContain('unreadable-commit');
    expect(await history()).toEqual(first);
    const fresh = initRepo('again');
    commit(fresh, spec('2024-01-01T10:00:00Z', 'export const a = 1;\n'));
    const dir2 = freshFolder();
    expect((await analyze(fresh, { cacheDir: dir2, runs: 2 })).model.history!.commits).toBe(1);
    commit(fresh, spec('2024-01-03T10:00:00Z', 'export const a = 3;\n'));
    expect((await analyze(fresh, { cacheDir: dir2, runs: 2 })).model.history!.commits).toBe(2);
  });

  it('refuses a cache folder inside the analyzed repository (it is never written), and turns the cache off when the default one is there', async () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    await expect(analyze(repo, { cacheDir: path.join(repo, '.cache') })).rejects.toThrow(UsageError);
    await expect(analyze(repo, { cacheDir: path.join(repo, '.cache') })).rejects.toThrow(/inside the analyzed repository/);
    const link = path.join(freshFolder(), 'link');
    fs.symlinkSync(repo, link);
    await expect(analyze(repo, { cacheDir: path.join(link, 'cache') })).rejects.toThrow(/inside the analyzed repository/);
    const home = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = path.join(repo, 'cache-home');
    try {
      await analyze(repo, { history: false });
      expect(fs.existsSync(path.join(repo, 'cache-home'))).toBe(false);
    } finally {
      process.env.XDG_CACHE_HOME = home;
    }
  });
});
