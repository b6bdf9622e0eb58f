/**
 * git's index read by our own reader (read-git-index.ts): the entries git itself lists (`git ls-files
 * --stage --debug`) for index versions 2, 3 (an intent-to-add entry) and 4 (prefix-compressed paths);
 * a damaged or hostile index is refused with a reason, never read past its end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGitIndex } from '../../../src/collect/history/read-git-index.js';
import { commit, git, hour, initRepo } from '../../helpers/git-repo.js';

function repoWithFiles(): string {
  const repo = initRepo('index');
  commit(repo, {
    date: hour(0),
    files: {
      'src/ordering/order-service.ts': 'export const a = 1;\n',
      'src/ordering/order.ts': 'export const b = 2;\n',
      'src/payments/payment-service.ts': 'export const c = 3;\n',
      'README.md': '# shop\n',
    },
  });
  return repo;
}

/** What git says the index holds: path -> blob id, for stage-0 regular files. */
function gitsView(repo: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of git(repo, ['ls-files', '--stage', '-z']).split('\0').filter(Boolean)) {
    const [meta, file] = line.split('\t') as [string, string];
    const [mode, id, stage] = meta.split(' ');
    if (stage === '0' && mode!.startsWith('100')) out.set(file, id!);
  }
  return out;
}

describe('readGitIndex', () => {
  it.each([2, 3, 4])('reads what git lists from an index of version %i', (version) => {
    const repo = repoWithFiles();
    git(repo, ['update-index', '--index-version', String(version)]);
    if (version === 3) {
      fs.writeFileSync(path.join(repo, 'src/new.ts'), 'export {};\n');
      git(repo, ['add', '--intent-to-add', 'src/new.ts']);
    }
    const index = readGitIndex(fs.readFileSync(path.join(repo, '.git', 'index')), 20);
    expect(index.ok).toBe(true);
    if (!index.ok) return;
    const expected = gitsView(repo);
    // An intent-to-add entry has no content yet: left out (the file is hashed instead).
    expected.delete('src/new.ts');
    expect(new Map([...index.entries].map(([p, e]) => [p, e.id]))).toEqual(expected);
    const st = fs.statSync(path.join(repo, 'src/ordering/order.ts'));
    expect(index.entries.get('src/ordering/order.ts')).toMatchObject({ size: st.size, ino: st.ino % 2 ** 32, mtimeSec: Math.floor(st.mtimeMs / 1000) });
  });

  it('refuses damaged and hostile indexes with a reason', () => {
    const repo = repoWithFiles();
    const good = fs.readFileSync(path.join(repo, '.git', 'index'));
    expect(readGitIndex(Buffer.from('not an index'), 20)).toEqual({ ok: false, why: 'not an index file' });
    const huge = Buffer.from(good);
    huge.writeUInt32BE(0xffffffff, 8);
    expect(readGitIndex(huge, 20)).toEqual({ ok: false, why: 'entry count larger than the file' });
    expect(readGitIndex(good.subarray(0, 80), 20).ok).toBe(false);
    const future = Buffer.from(good);
    future.writeUInt32BE(9, 4);
    expect(readGitIndex(future, 20)).toEqual({ ok: false, why: 'index version 9' });
    // A v4 index whose first entry asks to drop more of the previous path than there is.
    git(repo, ['update-index', '--index-version', '4']);
    const v4 = Buffer.from(fs.readFileSync(path.join(repo, '.git', 'index')));
    v4[12 + 62] = 0x05;
    expect(readGitIndex(v4, 20)).toEqual({ ok: false, why: 'bad path prefix' });
  });
});
