/**
 * The files changed since a revision (changed-files.ts) on real repositories: committed changes, a
 * work tree edited without git (a same-size edit with its mtime put back is still found: git's stat
 * check sees the ctime), new and deleted files, a subfolder analysed on its own, and bad revisions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedSince } from '../../../src/collect/history/changed-files.js';
import { listFiles } from '../../../src/collect/files/list-files.js';
import { commit, git, hour, initRepo } from '../../helpers/git-repo.js';

const OPTIONS = { idleMs: 10_000, maxFileBytes: 1024 * 1024 };
const since = (root: string, rev: string) => changedSince(fs.realpathSync(root), rev, listFiles(fs.realpathSync(root), { include: [], exclude: [] }), OPTIONS);

function history(): string {
  const repo = initRepo('changed');
  commit(repo, { date: hour(0), files: { 'app/src/a.ts': 'export const a = 1;\n', 'app/src/b.ts': 'export const b = 2;\n', 'app/src/c.ts': 'export const c = 3;\n', 'docs/x.md': 'x\n' } });
  commit(repo, { date: hour(1), files: { 'app/src/b.ts': 'export const b = 22;\n', 'docs/x.md': 'y\n', 'app/src/c.ts': null } });
  return repo;
}

describe('changedSince', () => {
  it('lists committed changes that still exist, sorted, with the commit the revision names', async () => {
    const repo = history();
    const r = await since(repo, 'HEAD~1');
    expect(r).toMatchObject({ ok: true, files: ['app/src/b.ts', 'docs/x.md'], uncommitted: 0 });
    expect(r.ok && r.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await since(repo, 'HEAD')).toMatchObject({ ok: true, files: [] });
  });

  it('finds work-tree edits git was not told about, new files, and a same-size edit with its mtime put back', async () => {
    const repo = history();
    const a = path.join(repo, 'app/src/a.ts');
    const st = fs.statSync(a);
    fs.writeFileSync(a, 'export const a = 9;\n');
    fs.utimesSync(a, st.atime, st.mtime);
    fs.writeFileSync(path.join(repo, 'app/src/new.ts'), 'export {};\n');
    expect(await since(repo, 'HEAD')).toMatchObject({ ok: true, files: ['app/src/a.ts', 'app/src/new.ts'], committed: 0, uncommitted: 2 });
  });

  it('answers in the analysed folder\'s own paths when it is a subfolder of the repository', async () => {
    const repo = history();
    fs.writeFileSync(path.join(repo, 'app/src/a.ts'), 'export const a = 10;\n');
    expect(await since(path.join(repo, 'app'), 'HEAD~1')).toMatchObject({ ok: true, files: ['src/a.ts', 'src/b.ts'] });
  });

  it('takes a branch that moved on since from where this one left it: none of its own changes count', async () => {
    const repo = history();
    git(repo, ['checkout', '-q', '-b', 'feature']);
    commit(repo, { date: hour(2), files: { 'app/src/a.ts': 'export const a = 2;\n' } });
    git(repo, ['checkout', '-q', 'main']);
    commit(repo, { date: hour(3), files: { 'docs/x.md': 'z\n', 'app/src/d.ts': 'export {};\n' } });
    git(repo, ['checkout', '-q', 'feature']);
    expect(await since(repo, 'main')).toMatchObject({ ok: true, files: ['app/src/a.ts'] });
  });

  it('says why for a revision git does not know or one that looks like an option', async () => {
    const repo = history();
    const unknown = await since(repo, 'nope');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toContain('not a commit of this repository');
    for (const rev of ['-p', '--output=/tmp/x', 'HEAD~1 HEAD', 'a\nb', '']) {
      const r = await since(repo, rev);
      expect(!r.ok && r.message, rev).toContain('is not a revision');
    }
  });
});
