/**
 * Turns commits into the model's history section.
 * Input: HistoryFacts (commits with today's file names), the file -> module mapping (files that exist
 * today), coupling settings. Output per module: revisions, churn, last change, authors, main author,
 * ownership (main author's share) and fragmentation (1 - sum of squared shares). Change coupling with
 * code-maat semantics: commits are grouped into change sets (`commit`; `author-window:H` = one
 * author's commits less than H hours apart; `ticket:REGEX` = commits whose subject names the same
 * ticket), change sets touching more than maxChangesetSize files are dropped (and counted), then per
 * module pair: shared change sets, revs of each, degree = shared / mean(revsA, revsB) x 100; kept when
 * mean revs >= minRevs, shared >= minShared, degree >= minCoupling. Co-authorship: module pairs with at
 * least 2 shared authors and Jaccard >= 0.5, from authors who touched at most 200 modules (broader
 * authors say nothing about team boundaries and would make this quadratic).
 */
import type { HistoryCommit, HistoryFacts } from '../collect/history/history-facts.js';
import { compareStrings } from './compare.js';
import { EVIDENCE_CAP, type CoAuthor, type CoChange, type HistoryModel, type ModuleHistory } from './types.js';

export type CoupleBy = { kind: 'commit' } | { kind: 'author-window'; hours: number } | { kind: 'ticket'; pattern: string };

export interface CouplingSettings {
  coupleBy: CoupleBy;
  maxChangesetSize: number;
  minRevs: number;
  minShared: number;
  minCoupling: number;
  mergesExcluded: boolean;
  churn: boolean;
}

export function formatCoupleBy(c: CoupleBy): string {
  return c.kind === 'commit' ? 'commit' : c.kind === 'author-window' ? `author-window:${c.hours}` : `ticket:${c.pattern}`;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const BROAD_AUTHOR = 200;

export function buildHistoryModel(facts: HistoryFacts, moduleOf: ReadonlyMap<string, string>, settings: CouplingSettings): HistoryModel {
  const base = {
    settings: { ...settings, coupleBy: formatCoupleBy(settings.coupleBy) },
    botCommits: facts.botCommits,
    renamesFollowed: facts.renamesFollowed,
    ...(facts.shallowDepth !== undefined ? { shallowDepth: facts.shallowDepth } : {}),
  };
  if (!facts.available) {
    return { available: false, note: facts.note ?? 'no history', ...base, commits: 0, changesets: 0, bulkChangesets: 0, authors: [], filesTouched: 0, filesGone: 0, modules: [], coChange: [], coAuthor: [] };
  }
  const commits = facts.commits;
  const touched = new Set<string>();
  const perModule = new Map<string, { revisions: number; added: number; deleted: number; last: string; authors: Map<string, number> }>();
  const authorCommits = new Map<string, number>();
  for (const c of commits) {
    authorCommits.set(c.author, (authorCommits.get(c.author) ?? 0) + 1);
    const modules = new Map<string, { added: number; deleted: number }>();
    for (const f of c.files) {
      touched.add(f.path);
      const m = moduleOf.get(f.path);
      if (!m) continue;
      const row = modules.get(m) ?? { added: 0, deleted: 0 };
      row.added += f.added ?? 0;
      row.deleted += f.deleted ?? 0;
      modules.set(m, row);
    }
    for (const [m, churn] of modules) {
      const h = perModule.get(m) ?? { revisions: 0, added: 0, deleted: 0, last: '', authors: new Map<string, number>() };
      h.revisions++;
      h.added += churn.added;
      h.deleted += churn.deleted;
      if (c.date > h.last) h.last = c.date;
      h.authors.set(c.author, (h.authors.get(c.author) ?? 0) + 1);
      perModule.set(m, h);
    }
  }
  const modules: ModuleHistory[] = [...perModule.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([module, h]) => {
      const authors = [...h.authors.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([id, n]) => ({ id, commits: n }));
      const shares = authors.map((a) => a.commits / h.revisions);
      return {
        module,
        revisions: h.revisions,
        ...(settings.churn ? { churn: { added: h.added, deleted: h.deleted } } : {}),
        lastChanged: h.last,
        authors,
        mainAuthor: authors[0]!.id,
        ownership: round3(shares[0]!),
        fragmentation: round3(1 - shares.reduce((s, x) => s + x * x, 0)),
      };
    });

  const { coChange, changesets, bulk } = changeCoupling(commits, moduleOf, settings);
  const dates = commits.map((c) => c.date).sort();
  return {
    available: true,
    ...(facts.note ? { note: facts.note } : {}),
    ...base,
    commits: commits.length,
    changesets,
    bulkChangesets: bulk,
    ...(dates.length > 0 ? { firstCommit: dates[0]!, lastCommit: dates[dates.length - 1]! } : {}),
    authors: [...authorCommits.entries()]
      .map(([id, n]) => ({ id, name: facts.authors.get(id) ?? id, commits: n }))
      .sort((a, b) => b.commits - a.commits || compareStrings(a.id, b.id)),
    filesTouched: touched.size,
    filesGone: [...touched].filter((p) => facts.gone.has(p)).length,
    modules,
    coChange,
    coAuthor: coAuthorship(modules),
  };
}

/** Groups commits into change sets per the couple-by setting; each set keeps its commits (newest first). */
export function groupChangesets(commits: readonly HistoryCommit[], coupleBy: CoupleBy): HistoryCommit[][] {
  if (coupleBy.kind === 'commit') return commits.map((c) => [c]);
  if (coupleBy.kind === 'ticket') {
    const re = new RegExp(coupleBy.pattern);
    const byTicket = new Map<string, HistoryCommit[]>();
    const out: HistoryCommit[][] = [];
    for (const c of commits) {
      const m = re.exec(c.subject);
      const key = m ? (m[1] ?? m[0]) : undefined;
      if (key === undefined) out.push([c]);
      else byTicket.set(key, [...(byTicket.get(key) ?? []), c]);
    }
    return [...out, ...[...byTicket.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, cs]) => cs)];
  }
  const limit = coupleBy.hours * 3600 * 1000;
  const byAuthor = new Map<string, HistoryCommit[]>();
  for (const c of commits) byAuthor.set(c.author, [...(byAuthor.get(c.author) ?? []), c]);
  const out: HistoryCommit[][] = [];
  for (const author of [...byAuthor.keys()].sort(compareStrings)) {
    const list = [...byAuthor.get(author)!].sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.sha, b.sha));
    let group: HistoryCommit[] = [];
    let lastTime = -Infinity;
    for (const c of list) {
      const t = Date.parse(c.date);
      if (group.length > 0 && t - lastTime > limit) {
        out.push(group);
        group = [];
      }
      group.push(c);
      lastTime = t;
    }
    if (group.length > 0) out.push(group);
  }
  return out;
}

function changeCoupling(
  commits: readonly HistoryCommit[],
  moduleOf: ReadonlyMap<string, string>,
  s: CouplingSettings,
): { coChange: CoChange[]; changesets: number; bulk: number } {
  const sets = groupChangesets(commits, s.coupleBy);
  const index = new Map<string, number>();
  const names: string[] = [];
  const idOf = (m: string) => {
    let i = index.get(m);
    if (i === undefined) {
      i = names.length;
      index.set(m, i);
      names.push(m);
    }
    return i;
  };
  const revs: number[] = [];
  const shared = new Map<number, { n: number; commits: string[] }>();
  let bulk = 0;
  for (const set of sets) {
    const files = new Set(set.flatMap((c) => c.files.map((f) => f.path)));
    if (files.size > s.maxChangesetSize) {
      bulk++;
      continue;
    }
    const ids = [...new Set([...files].map((f) => moduleOf.get(f)).filter((m): m is string => !!m).map(idOf))].sort((a, b) => a - b);
    for (const i of ids) revs[i] = (revs[i] ?? 0) + 1;
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const key = ids[x]! * 1_000_003 + ids[y]!;
        const row = shared.get(key) ?? { n: 0, commits: [] };
        row.n++;
        if (row.commits.length < EVIDENCE_CAP) row.commits.push(set[0]!.sha);
        shared.set(key, row);
      }
    }
  }
  const coChange: CoChange[] = [];
  for (const [key, row] of shared) {
    const i = Math.floor(key / 1_000_003);
    const j = key % 1_000_003;
    const ra = revs[i] ?? 0;
    const rb = revs[j] ?? 0;
    const mean = (ra + rb) / 2;
    const degree = Math.floor((row.n / mean) * 100);
    if (mean < s.minRevs || row.n < s.minShared || degree < s.minCoupling) continue;
    const [a, b] = compareStrings(names[i]!, names[j]!) < 0 ? [i, j] : [j, i];
    coChange.push({ a: names[a]!, b: names[b]!, shared: row.n, revsA: revs[a] ?? 0, revsB: revs[b] ?? 0, degree, commits: row.commits });
  }
  coChange.sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  return { coChange, changesets: sets.length, bulk };
}

function coAuthorship(modules: readonly ModuleHistory[]): CoAuthor[] {
  const byAuthor = new Map<string, string[]>();
  const authorsOf = new Map<string, Set<string>>();
  for (const m of modules) {
    authorsOf.set(m.module, new Set(m.authors.map((a) => a.id)));
    for (const a of m.authors) byAuthor.set(a.id, [...(byAuthor.get(a.id) ?? []), m.module]);
  }
  const pairs = new Map<string, number>();
  for (const list of byAuthor.values()) {
    if (list.length > BROAD_AUTHOR) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const key = `${list[x]}\0${list[y]}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  const out: CoAuthor[] = [];
  for (const [key, n] of pairs) {
    if (n < 2) continue;
    const [a, b] = key.split('\0') as [string, string];
    const union = new Set([...authorsOf.get(a)!, ...authorsOf.get(b)!]).size;
    const jaccard = round3(n / union);
    if (jaccard >= 0.5) out.push({ a, b, sharedAuthors: n, jaccard });
  }
  return out.sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
}
