import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../../src/collect/files/list-files.js';
import { tempRepo } from '../../helpers/temp-repo.js';

const none = { include: [], exclude: [] };

describe('listFiles', () => {
  it('honours nested .gitignore files and prunes dependency, build and vendored folders with a reason', () => {
    const root = tempRepo({
      '.gitignore': 'generated/\n*.log\n',
      'src/a.ts': '',
      'src/generated/x.ts': '',
      'src/debug.log': '',
      'src/orders/.gitignore': 'local-*.ts\n!local-keep.ts\n',
      'src/orders/local-1.ts': '',
      'src/orders/local-keep.ts': '',
      'src/orders/order.ts': '',
      'node_modules/pkg/index.js': '',
      'dist/a.js': '',
      'vendor/lib.js': '',
      'coverage/lcov.js': '',
    });
    const r = listFiles(root, none);
    expect(r.files.map((f) => f.path)).toEqual(['.gitignore', 'src/a.ts', 'src/orders/.gitignore', 'src/orders/local-keep.ts', 'src/orders/order.ts']);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { path: 'node_modules', reason: 'node_modules' },
        { path: 'dist', reason: 'build-output' },
        { path: 'coverage', reason: 'build-output' },
        { path: 'vendor', reason: 'vendored' },
        { path: 'src/generated', reason: 'gitignored' },
        { path: 'src/debug.log', reason: 'gitignored' },
        { path: 'src/orders/local-1.ts', reason: 'gitignored' },
      ]),
    );
  });

  it('applies include and exclude globs', () => {
    const root = tempRepo({ 'src/a.ts': '', 'src/b.js': '', 'src/gen/c.ts': '', 'tools/d.ts': '' });
    const r = listFiles(root, { include: ['src/**'], exclude: ['**/gen/**', '**/*.js'] });
    expect(r.files.map((f) => f.path)).toEqual(['src/a.ts']);
    expect(r.skipped).toEqual(expect.arrayContaining([{ path: 'src/b.js', reason: 'excluded' }, { path: 'src/gen', reason: 'excluded' }]));
  });

  it('reports symlink loops, dangling links and links leaving the repository, and lists the rest', () => {
    const root = tempRepo({ 'src/a.ts': 'export const a = 1;', 'src/nested/b.ts': '' });
    fs.symlinkSync('..', path.join(root, 'src/nested/up'));
    fs.symlinkSync('missing.ts', path.join(root, 'src/dangling.ts'));
    fs.symlinkSync('self', path.join(root, 'src/self'));
    fs.symlinkSync(path.dirname(root), path.join(root, 'outside'));
    fs.symlinkSync('a.ts', path.join(root, 'src/alias.ts'));
    const r = listFiles(root, none);
    expect(r.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/nested/b.ts']);
    const codes = r.diagnostics.map((d) => `${d.code} ${d.file}`).sort();
    expect(codes).toEqual(['broken-symlink src/dangling.ts', 'symlink-loop src/nested/up', 'symlink-loop src/self']);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { path: 'outside', reason: 'symlink-outside-repo' },
        { path: 'src/alias.ts', reason: 'duplicate-symlink' },
      ]),
    );
  });
});
