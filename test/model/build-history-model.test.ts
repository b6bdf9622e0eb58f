import { describe, expect, it } from 'vitest';
import type { HistoryCommit, HistoryFacts } from '../../src/model/facts/history-facts.js';
import { changeSetColumns, changeSetModules } from '../../src/model/change-sets.js';
import type { SystemModel } from '../../src/model/types.js';
import { buildHistoryModel, DEFAULT_MAINTENANCE_PATTERN, groupChangesets, type CouplingSettings } from '../../src/model/build-history-model.js';

let n = 0;
const c = (author: string, hours: number, files: string[], subject = 'change'): HistoryCommit => ({
  sha: `c${String(++n).padStart(3, '0')}`,
  author,
  date: new Date(Date.UTC(2024, 0, 1) + hours * 3600e3).toISOString(),
  subject,
  files: files.map((path) => ({ path })),
});
const facts = (commits: HistoryCommit[]): HistoryFacts => ({
  available: true,
  commits,
  authors: new Map([['ann@x', 'Ann'], ['ben@x', 'Ben']]),
  botCommits: 1,
  renamesFollowed: 0,
  gone: new Set(['old.ts']),
  diagnostics: [],
});
const settings: CouplingSettings = { coupleBy: { kind: 'commit' }, maxChangesetSize: 30, minRevs: 5, minShared: 5, minCoupling: 30, mergesExcluded: true, churn: false };
const modules = new Map([['a.ts', 'a.ts'], ['b.ts', 'b.ts'], ['c.ts', 'c.ts']]);

describe('buildHistoryModel', () => {
  // a and b change together 6 times, a alone twice, c alone 5 times, one bulk commit touches 31 files.
  const commits = [
    ...Array.from({ length: 6 }, (_, i) => c(i % 3 === 0 ? 'ben@x' : 'ann@x', i, ['a.ts', 'b.ts'])),
    c('ann@x', 10, ['a.ts']),
    c('ann@x', 11, ['a.ts', 'old.ts']),
    ...Array.from({ length: 5 }, (_, i) => c('ben@x', 20 + i, ['c.ts'])),
    c('ann@x', 30, ['a.ts', 'b.ts', 'c.ts', ...Array.from({ length: 28 }, (_, i) => `gen/${i}.ts`)]),
  ];
  const h = buildHistoryModel(facts(commits), modules, settings);

  it('computes revisions, ownership and fragmentation per module that exists today', () => {
    expect(h.modules.map((m) => [m.module, m.revisions, m.mainAuthor, m.ownership, m.fragmentation])).toEqual([
      ['a.ts', 9, 'ann@x', 0.778, 0.346],
      ['b.ts', 7, 'ann@x', 0.714, 0.408],
      ['c.ts', 6, 'ben@x', 0.833, 0.278],
    ]);
    expect(h).toMatchObject({ commits: 14, changesets: 14, bulkChangesets: 1, botCommits: 1, filesGone: 1, filesTouched: 32 });
  });

  it('computes code-maat coupling: degree = shared / mean(revs) x 100 after dropping bulk change sets', () => {
    // revs: a = 8 (bulk dropped), b = 6, shared 6 -> 6 / 7 * 100 = 85.7 -> 85
    // strength: six two-module change sets, each tying the pair fully: 6 / 7 = 0.857
    expect(h.coChange).toEqual([{ a: 'a.ts', b: 'b.ts', shared: 6, revsA: 8, revsB: 6, degree: 85, strength: 0.857, commits: ['c001', 'c002', 'c003', 'c004', 'c005'] }]);
    expect(buildHistoryModel(facts(commits), modules, { ...settings, minShared: 7 }).coChange).toEqual([]);
    expect(buildHistoryModel(facts(commits), modules, { ...settings, minCoupling: 90 }).coChange).toEqual([]);
    expect(buildHistoryModel(facts(commits), modules, { ...settings, maxChangesetSize: 40 }).coChange.map((p) => `${p.a}~${p.b} ${p.degree}`)).toEqual(['a.ts~b.ts 87']); // 7 / mean(9, 7) x 100
  });

  it('weighs a shared change set by 1 / (modules - 1) for clustering, and leaves maintenance commits out of coupling', () => {
    const wide = ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'];
    const five = new Map(wide.map((f) => [f, f]));
    const loose = { ...settings, minRevs: 1, minShared: 1, minCoupling: 1 };
    // a and b change together 4 times, each time with three other modules: 4 x 1/4 over mean revs 4.
    const sets = Array.from({ length: 4 }, (_, i) => c('ann@x', 100 + i, wide, 'feature work'));
    const pair = buildHistoryModel(facts(sets), five, loose).coChange.find((p) => p.a === 'a.ts' && p.b === 'b.ts')!;
    expect([pair.degree, pair.strength]).toEqual([100, 0.25]);
    // The same four commits as licence-header or formatting sweeps count for revisions, not for coupling.
    const sweeps = ['Update license headers', 'Reformat code with prettier', 'bump dependencies', 'Convert JUnit assertions to AssertJ'].map((subject, i) => c('ann@x', 200 + i, wide, subject));
    const swept = buildHistoryModel(facts(sweeps), five, { ...loose, maintenancePattern: DEFAULT_MAINTENANCE_PATTERN });
    expect(swept.coChange).toEqual([]);
    expect(swept.modules.find((m) => m.module === 'a.ts')!.revisions).toBe(4);
    expect(swept.maintenanceCommits!.count).toBe(4);
    expect(swept.maintenanceCommits!.examples.map((e) => e.subject)).toContain('Update license headers');
    expect(swept.maintenanceCommits!.examples.every((e) => e.why === 'subject')).toBe(true);
    // The change shape of a sweep: renames only, or (with churn) at most 2 changed lines in each of 10+ files.
    const moved = { ...c('ann@x', 250, wide, 'tidy the packages'), renameOnly: true as const };
    const header = { ...c('ann@x', 251, [...wide, 'f.ts', 'g.ts', 'h.ts', 'i.ts', 'j.ts'], 'routine'), files: [...wide, 'f.ts', 'g.ts', 'h.ts', 'i.ts', 'j.ts'].map((path) => ({ path, added: 1, deleted: 1 })) };
    const feature = { ...header, sha: 'feat', files: header.files.map((f) => ({ ...f, added: 6 })) };
    const shaped = buildHistoryModel(facts([moved, header, feature]), five, { ...loose, maintenancePattern: DEFAULT_MAINTENANCE_PATTERN }).maintenanceCommits!;
    expect(shaped.examples.map((e) => [e.subject, e.why])).toEqual([['tidy the packages', 'renames only'], ['routine', 'at most 2 changed lines in every file']]);
    // Small commits are never maintenance, whatever their subject; '' turns detection off.
    expect(buildHistoryModel(facts([c('ann@x', 300, ['a.ts', 'b.ts'], 'rename x')]), five, { ...loose, maintenancePattern: DEFAULT_MAINTENANCE_PATTERN }).maintenanceCommits!.count).toBe(0);
    expect(buildHistoryModel(facts(sweeps), five, { ...loose, maintenancePattern: '' }).coChange.length).toBeGreaterThan(0);
  });

  it('finds co-authored modules (>= 2 shared authors, Jaccard >= 0.5)', () => {
    expect(h.coAuthor).toEqual([{ a: 'a.ts', b: 'b.ts', sharedAuthors: 2, jaccard: 1 }, { a: 'a.ts', b: 'c.ts', sharedAuthors: 2, jaccard: 1 }, { a: 'b.ts', b: 'c.ts', sharedAuthors: 2, jaccard: 1 }]);
  });

  it('keeps the change sets coupling counted (bulk and maintenance out), each module\'s first change and its active authors', () => {
    // 13 change sets: the bulk one is left out.
    const columns = changeSetColumns({ modules: [...modules.values()].sort().map((id) => ({ id })), history: h } as unknown as SystemModel)!;
    const sets = columns.ids.map((id, i) => ({ id, date: columns.dates[i], modules: changeSetModules(columns, i) }));
    expect(sets).toHaveLength(13);
    expect(h.changeSets!.starts).toHaveLength(13);
    // Modules as indices into the model's modules (a.ts, b.ts, c.ts); old.ts is gone.
    expect(sets.find((s) => s.id === commits[0]!.sha)!.modules).toEqual([0, 1]);
    expect(sets.find((s) => s.id === commits[7]!.sha)).toEqual({ id: commits[7]!.sha, date: commits[7]!.date, modules: [0] });
    const a = h.modules.find((m) => m.module === 'a.ts')!;
    expect(a.firstChanged).toBe(commits[0]!.date);
    expect(a.activeAuthors).toEqual(['ann@x', 'ben@x']);
    // Ann touched a.ts last 400 days before the newest commit: no longer active there.
    const late = buildHistoryModel(facts([c('ben@x', 24 * 400, ['b.ts']), c('ann@x', 0, ['a.ts']), c('ben@x', 24 * 399, ['a.ts'])]), modules, settings);
    expect(late.modules.find((m) => m.module === 'a.ts')!.activeAuthors).toEqual(['ben@x']);
  });

  it('reads change sets from hand-edited columns without breaking: indices out of range and starts out of order lose what does not fit', () => {
    const model = { modules: [{ id: 'a.ts' }, { id: 'b.ts' }], history: { available: true, changeSets: { ids: ['x', 'y', 'z'], dates: ['d1', 'd2'], starts: [0, 3, 1], modules: [0, 7, -1, 1, 0.5] } } } as unknown as SystemModel;
    const columns = changeSetColumns(model)!;
    expect(columns.count).toBe(3);
    expect([0, 1, 2].map((i) => changeSetModules(columns, i))).toEqual([[0], [], [1]]);
    expect(columns.dates[2]).toBeUndefined();
  });

  it('reports an unavailable history without numbers that could mislead', () => {
    const none = buildHistoryModel({ ...facts([]), available: false, note: 'not inside a git work tree: no history signal' }, modules, settings);
    expect(none).toMatchObject({ available: false, commits: 0, modules: [], coChange: [] });
  });
});

describe('groupChangesets', () => {
  const list = [c('ann@x', 0, ['a.ts'], 'SHOP-1 start'), c('ann@x', 1, ['b.ts'], 'SHOP-1 finish'), c('ann@x', 9, ['c.ts'], 'tidy'), c('ben@x', 1.5, ['c.ts'], 'SHOP-2 fix')];
  it('groups by commit, by one author within a time window, or by ticket id', () => {
    const files = (sets: HistoryCommit[][]) => sets.map((s) => s.flatMap((x) => x.files.map((f) => f.path)).sort().join('+'));
    expect(files(groupChangesets(list, { kind: 'commit' }))).toEqual(['a.ts', 'b.ts', 'c.ts', 'c.ts']);
    expect(files(groupChangesets(list, { kind: 'author-window', hours: 2 }))).toEqual(['a.ts+b.ts', 'c.ts', 'c.ts']);
    expect(files(groupChangesets(list, { kind: 'ticket', pattern: 'SHOP-\\d+' }))).toEqual(['c.ts', 'a.ts+b.ts', 'c.ts']);
  });
});
