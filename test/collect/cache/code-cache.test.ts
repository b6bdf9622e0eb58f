/**
 * V8's code cache for the tool's own large packages (code-cache.ts): off until the CLI allows a folder;
 * then the first load writes a cache at the end of the run and the next load uses it, with the same
 * exports and `require` working inside the package; a damaged cache is rejected by V8 and rewritten.
 * The folder is never one inside the analyzed repository (cache-folder.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { allowCodeCache, codeCacheStats, flushCodeCaches, requireWithCodeCache } from '../../../src/collect/code-cache.js';
import { codeCacheFolder } from '../../../src/collect/cache/cache-folder.js';

/** A package of our own making, `probe`, beside an importer file. */
function probePackage(): { from: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-code-cache-'));
  const pkg = path.join(dir, 'node_modules', 'probe');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'probe', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'index.js'), "const path = require('node:path');\nexports.answer = 42;\nexports.base = path.basename(__filename);\nexports.twice = (n) => n * 2;\n");
  const from = path.join(dir, 'importer.js');
  fs.writeFileSync(from, '');
  return { from: pathToFileURL(from).href, file: path.join(pkg, 'index.js') };
}

const forget = (file: string) => delete createRequire(file).cache[file];

describe('requireWithCodeCache', () => {
  afterEach(() => allowCodeCache(undefined));

  it('is a plain require until allowed', () => {
    allowCodeCache(undefined);
    const { from, file } = probePackage();
    expect((requireWithCodeCache('probe', from) as { answer: number }).answer).toBe(42);
    forget(file);
  });

  it('writes the cache when the run ends, then loads from it with the same exports', () => {
    const { from, file } = probePackage();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-v8-'));
    allowCodeCache(cacheDir);
    const first = requireWithCodeCache('probe', from) as { answer: number; base: string; twice(n: number): number };
    expect([first.answer, first.base, first.twice(21)]).toEqual([42, 'index.js', 42]);
    const written = codeCacheStats.written;
    flushCodeCaches();
    // (Other test files of this worker may have left caches to write too.)
    expect(codeCacheStats.written).toBeGreaterThan(written);
    const [cache] = fs.readdirSync(path.join(cacheDir, 'v8'));
    expect(cache).toMatch(/\.v8$/);
    forget(file);
    const used = codeCacheStats.used;
    const second = requireWithCodeCache('probe', from) as { answer: number; twice(n: number): number };
    expect([second.answer, second.twice(4)]).toEqual([42, 8]);
    expect(codeCacheStats, JSON.stringify(codeCacheStats)).toMatchObject({ used: used + 1 });
    forget(file);
  });

  it('loads the package all the same from a damaged cache, and writes it again (a fresh process: V8 keeps what it compiled)', () => {
    const { from } = probePackage();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-v8-'));
    const script = `import { allowCodeCache, requireWithCodeCache, flushCodeCaches, codeCacheStats } from ${JSON.stringify(pathToFileURL(path.resolve('dist/collect/code-cache.js')).href)};
      allowCodeCache(${JSON.stringify(cacheDir)}); const m = requireWithCodeCache('probe', ${JSON.stringify(from)}); flushCodeCaches();
      console.log(JSON.stringify({ answer: m.answer, ...codeCacheStats }));`;
    const run = () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<string, number>;
    expect(run()).toEqual({ answer: 42, used: 0, written: 1, rejected: 0 });
    expect(run()).toEqual({ answer: 42, used: 1, written: 0, rejected: 0 });
    const [cache] = fs.readdirSync(path.join(cacheDir, 'v8'));
    fs.writeFileSync(path.join(cacheDir, 'v8', cache!), Buffer.alloc(64, 7));
    expect(run()).toEqual({ answer: 42, used: 0, written: 1, rejected: 1 });
    expect(run()).toEqual({ answer: 42, used: 1, written: 0, rejected: 0 });
  });

  it('is never allowed in a folder inside the analyzed repository, nor with --no-cache', () => {
    const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-repo-')));
    expect(codeCacheFolder({ cache: true, cacheDir: path.join(repo, '.cache') }, repo)).toBeUndefined();
    expect(codeCacheFolder({ cache: false }, repo)).toBeUndefined();
    expect(codeCacheFolder({ cache: true, cacheDir: '/tmp/elsewhere-cache' }, repo)).toBe('/tmp/elsewhere-cache');
  });
});
