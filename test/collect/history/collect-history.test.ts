/**
 * The history collector against real git repositories built here with fixed authors and dates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectHistory, type HistoryOptions } from '../../../src/collect/history/collect-history.js';
import { commit, git, hour, initRepo } from '../../helpers/git-repo.js';
import { snapshotTree, tempRepo } from '../../helpers/temp-repo.js';

const defaults: HistoryOptions = { includeMerges: false, churn: false, botPatterns: ['[bot]', 'dependabot', 'renovate'] };
const touches = (h: Awaited<ReturnType<typeof collectHistory>>) => h.commits.map((c) => c.files.map((f) => f.path).join(',')).reverse();

describe('collectHistory', () => {
  it('chains renames so a file keeps its history, newest name first', async () => {
    const repo = initRepo();
    commit(repo, { date: hour(1), files: { 'src/search.ts': 'a\n' } });
    commit(repo, { date: hour(2), files: { 'src/search.ts': 'a\nb\n' } });
    commit(repo, { date: hour(3), renames: [['src/search.ts', 'src/catalog/product-search.ts']] });
    commit(repo, { date: hour(4), renames: [['src/catalog/product-search.ts', 'src/catalog/find.ts']], files: { 'src/other.ts': 'x\n' } });
    commit(repo, { date: hour(5), files: { 'src/catalog/find.ts': 'a\nb\nc\n' } });
    const h = await collectHistory(repo, defaults);
    expect(h.renamesFollowed).toBe(2);
    expect(touches(h)).toEqual(['src/catalog/find.ts', 'src/catalog/find.ts', 'src/catalog/find.ts', 'src/catalog/find.ts,src/other.ts', 'src/catalog/find.ts']);
    // A commit of renames only is marked (a package move is a maintenance sweep); one that also edits is not.
    expect(h.commits.map((c) => c.renameOnly ?? false).reverse()).toEqual([false, false, true, false, false]);
    const withChurn = await collectHistory(repo, { ...defaults, churn: true });
    expect(withChurn.commits.map((c) => c.renameOnly ?? false).reverse()).toEqual([false, false, true, false, false]);
  });

  it('excludes merge commits by default, counts bots apart, merges authors by .mailmap and e-mail', async () => {
    const repo = initRepo();
    commit(repo, { date: hour(1), files: { 'a.ts': '1\n', '.mailmap': 'Bob Baker <bob@new.test> <bob@old.test>\n' } });
    git(repo, ['checkout', '-q', '-b', 'feature']);
    commit(repo, { date: hour(2), author: 'Bob', email: 'bob@old.test', files: { 'b.ts': '1\n' } });
    git(repo, ['checkout', '-q', 'main']);
    commit(repo, { date: hour(3), author: 'Bob Baker', email: 'bob@new.test', files: { 'a.ts': '2\n' } });
    git(repo, ['merge', '-q', '--no-ff', '-m', 'merge', 'feature'], { GIT_AUTHOR_DATE: hour(4), GIT_COMMITTER_DATE: hour(4), GIT_AUTHOR_NAME: 'M', GIT_AUTHOR_EMAIL: 'm@x.test', GIT_COMMITTER_NAME: 'M', GIT_COMMITTER_EMAIL: 'm@x.test' });
    commit(repo, { date: hour(5), author: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', files: { 'a.ts': '3\n' } });
    commit(repo, { date: hour(6), author: 'Renovate Bot', email: 'bot@renovateapp.com', files: { 'a.ts': '4\n' } });
    const h = await collectHistory(repo, defaults);
    expect(h.commits).toHaveLength(3);
    expect(h.botCommits).toBe(2);
    expect([...h.authors.entries()]).toEqual([
      ['bob@new.test', 'Bob Baker'],
      ['ada@example.test', 'Ada Lovelace'],
    ]);
    const withMerges = await collectHistory(repo, { ...defaults, includeMerges: true });
    expect(withMerges.commits.map((c) => c.subject)).not.toContain('merge'); // a merge without its own diff adds no files
  });

  it('reads a subfolder only, with paths relative to it, and handles spaces, quotes and non-ASCII names', async () => {
    const repo = initRepo();
    commit(repo, { date: hour(1), files: { 'app/src/my file.ts': '1\n', 'app/src/"quoted".ts': '1\n', 'app/src/ünïcødé.ts': '1\n', 'other/x.ts': '1\n' } });
    commit(repo, { date: hour(2), files: { 'other/x.ts': '2\n' } });
    const h = await collectHistory(path.join(repo, 'app'), defaults);
    expect(touches(h)).toEqual(['src/"quoted".ts,src/my file.ts,src/ünïcødé.ts']);
  });

  it('reads a detached HEAD, a branch, --since/--until and --max-commits, with churn on request', async () => {
    const repo = initRepo();
    const first = commit(repo, { date: hour(1), files: { 'a.ts': '1\n2\n' } });
    commit(repo, { date: hour(30), files: { 'a.ts': '1\n' } });
    commit(repo, { date: hour(60), files: { 'b.ts': '1\n' } });
    git(repo, ['checkout', '-q', '--detach', first]);
    expect(touches(await collectHistory(repo, defaults))).toEqual(['a.ts']);
    expect(touches(await collectHistory(repo, { ...defaults, branch: 'main' }))).toEqual(['a.ts', 'a.ts', 'b.ts']);
    expect(touches(await collectHistory(repo, { ...defaults, branch: 'main', since: hour(20), until: hour(40) }))).toEqual(['a.ts']);
    expect(touches(await collectHistory(repo, { ...defaults, branch: 'main', maxCommits: 1 }))).toEqual(['b.ts']);
    const churn = await collectHistory(repo, { ...defaults, branch: 'main', churn: true });
    expect(churn.commits.map((c) => c.files[0])).toEqual([
      { path: 'b.ts', added: 1, deleted: 0 },
      { path: 'a.ts', added: 0, deleted: 1 },
      { path: 'a.ts', added: 2, deleted: 0 },
    ]);
    // A revision the user named that does not exist is a usage error naming the branches there are.
    await expect(collectHistory(repo, { ...defaults, branch: 'no-such-branch' })).rejects.toThrow("--branch 'no-such-branch' is not a branch, tag or commit of this repository; branches and tags: main");
  });

  it('says so for a folder outside git, an empty repository and a single commit', async () => {
    const plain = await collectHistory(tempRepo({ 'a.ts': '' }), defaults);
    expect(plain).toMatchObject({ available: false, note: 'not inside a git work tree: no history signal' });
    const empty = await collectHistory(initRepo(), defaults);
    expect(empty).toMatchObject({ available: false, note: 'empty repository: no commits yet' });
    const one = initRepo();
    commit(one, { date: hour(1), files: { 'a.ts': '1\n' } });
    expect(touches(await collectHistory(one, defaults))).toEqual(['a.ts']);
  });

  it('warns about a shallow clone and says how deep it is', async () => {
    const origin = initRepo('origin');
    for (let i = 1; i <= 5; i++) commit(origin, { date: hour(i), files: { 'a.ts': `${i}\n` } });
    const clone = path.join(path.dirname(origin), 'clone');
    git(path.dirname(origin), ['clone', '-q', '--depth', '2', `file://${origin}`, clone]);
    const h = await collectHistory(clone, defaults);
    expect(h.shallowDepth).toBe(2);
    expect(h.diagnostics).toEqual([expect.objectContaining({ code: 'shallow-clone', message: expect.stringContaining('only the last 2 commits') })]);
  });

  it('skips commits whose objects cannot be read and keeps the rest, without writing to the repository', async () => {
    const repo = initRepo();
    for (let i = 1; i <= 6; i++) commit(repo, { date: hour(i), files: { [`dir${i % 2}/f.ts`]: `${i}\n` } });
    const tree = git(repo, ['rev-parse', 'HEAD~2:dir1']).trim();
    fs.rmSync(path.join(repo, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    const before = snapshotTree(repo);
    const h = await collectHistory(repo, defaults);
    expect(h.available).toBe(true);
    expect(h.commits.length).toBeGreaterThanOrEqual(3);
    expect(h.commits.length).toBeLessThan(6);
    expect(h.diagnostics.every((d) => d.code === 'unreadable-commit')).toBe(true);
    expect(h.diagnostics.length).toBe(6 - h.commits.length);
    expect(snapshotTree(repo)).toEqual(before);
  });
});
