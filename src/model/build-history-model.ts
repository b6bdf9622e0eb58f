/**
 * Turns commits into the model's history section.
 * Input: HistoryFacts (commits with today's file names), the file -> module mapping (files that exist
 * today), coupling settings. Output per module: revisions, churn, last change, authors, main author,
 * ownership (main author's share) and fragmentation (1 - sum of squared shares). Change coupling with
 * code-maat semantics: commits are grouped into change sets (`commit`; `author-window:H` = one
 * author's commits less than H hours apart; `ticket:REGEX` = commits whose subject names the same
 * ticket), change sets touching more than maxChangesetSize files are dropped (and counted), then per
 * module pair: shared change sets, revs of each, degree = shared / mean(revsA, revsB) x 100; kept when
 * mean revs >= minRevs, shared >= minShared, degree >= minCoupling. Each kept pair also gets a
 * strength for clustering: sum over its shared change sets of 1 / (modules in the set - 1), divided by
 * mean(revsA, revsB), so that wide commits tie weakly. Maintenance commits (5+ files, subject matching
 * maintenancePattern) are left out of coupling and reported. Co-authorship: module pairs with at
 * least 2 shared authors and Jaccard >= 0.5, from authors who touched at most 200 modules (broader
 * authors say nothing about team boundaries and would make this quadratic).
 */
import type { HistoryCommit, HistoryFacts } from './facts/history-facts.js';
import { compareStrings } from './compare.js';
import { RE2JS } from 're2js';
import { pushTo } from './group.js';
import { round3 } from './numbers.js';
import { EVIDENCE_CAP, type ChangeSets, type CoAuthor, type CoChange, type HistoryModel, type ModuleHistory } from './types.js';

export type CoupleBy = { kind: 'commit' } | { kind: 'author-window'; hours: number } | { kind: 'ticket'; pattern: string };

export interface CouplingSettings {
  coupleBy: CoupleBy;
  maxChangesetSize: number;
  minRevs: number;
  minShared: number;
  minCoupling: number;
  mergesExcluded: boolean;
  churn: boolean;
  /** RE2 pattern of maintenance commit subjects ('' = none); see DEFAULT_MAINTENANCE_PATTERN. */
  maintenancePattern?: string;
}

export function formatCoupleBy(c: CoupleBy): string {
  return c.kind === 'commit' ? 'commit' : c.kind === 'author-window' ? `author-window:${c.hours}` : `ticket:${c.pattern}`;
}

const BROAD_AUTHOR = 200;

/**
 * Sweeping maintenance commits (licence/copyright headers, formatting, lint, javadoc, renames,
 * dependency bumps) change many files for no business reason: they tie modules of one layer together.
 * A commit of at least MAINTENANCE_MIN_FILES files whose subject reads like maintenance is left out of
 * change coupling (still counted in revisions, authors and hotspots) and reported.
 */
export const DEFAULT_MAINTENANCE_PATTERN =
  '(?i)\\b(licen[cs]e|copyright|header|reformat|format(ted|ting)?|prettier|eslint|lint(ing)?|checkstyle|spotless|javadoc|whitespace|indent(ation)?|code ?style|typos?|rename[ds]?|bump(ed|s)?|upgrade[ds]?|dependenc(y|ies)|dependabot|renovate|clean ?up|organi[sz]e imports|unused imports|migrat(e|ed) to|moderni[sz](e|ed|ing)|restructur(e|ed|ing)|reorgani[sz](e|ed|ing|ation)|merged? (changes|branch|trunk|pr|pull)|branch for|junit|assertj|mockito)\\b';
export const MAINTENANCE_MIN_FILES = 5;
const PAIR_BASE = 1_000_003;

type Row = { index: number; stamp: number; revisions: number; added: number; deleted: number; first: string; last: string; authors: Map<string, { commits: number; last: number }> };

/** Authors with a commit on a module in this window before the newest commit of the history are its active authors. */
export const ACTIVE_AUTHOR_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Digests commits one by one as the collector streams them (newest first, names already today's),
 * so that aggregation overlaps with git's own work; build() finishes the model.
 */
export class HistoryAccumulator {
  private readonly touched = new Set<string>();
  private readonly perModule = new Map<string, Row>();
  private readonly rows: Row[] = [];
  private commits: HistoryCommit[] = [];
  private commitModules: number[][] = [];
  private readonly authorCommits = new Map<string, number>();
  private firstDate = '';
  private lastDate = '';
  /** With couple-by commit, coupling is counted as commits arrive: revisions and shared counts per pair. */
  private readonly streaming: boolean;
  private readonly revs: number[] = [];
  private readonly shared: PairCounts = new Map();
  private bulk = 0;
  private readonly maintenance: { sha: string; subject: string; files: number; why: string }[] = [];
  private readonly isMaintenance: (c: HistoryCommit) => string | undefined;

  constructor(
    private readonly moduleOf: ReadonlyMap<string, string>,
    private readonly settings: CouplingSettings,
  ) {
    this.streaming = settings.coupleBy.kind === 'commit';
    this.isMaintenance = maintenanceTest(settings.maintenancePattern);
  }

  /** Forgets everything (the collector restarts after an unreadable object). */
  reset(): void {
    this.touched.clear();
    this.perModule.clear();
    this.rows.length = 0;
    this.commits = [];
    this.commitModules = [];
    this.authorCommits.clear();
    this.firstDate = this.lastDate = '';
    this.revs.length = 0;
    this.shared.clear();
    this.bulk = 0;
    this.maintenance.length = 0;
  }

  add(c: HistoryCommit): void {
    const k = this.commits.length;
    this.commits.push(c);
    this.authorCommits.set(c.author, (this.authorCommits.get(c.author) ?? 0) + 1);
    if (this.firstDate === '' || c.date < this.firstDate) this.firstDate = c.date;
    if (c.date > this.lastDate) this.lastDate = c.date;
    const ids: number[] = [];
    const time = Date.parse(c.date);
    for (const f of c.files) {
      this.touched.add(f.path);
      const m = this.moduleOf.get(f.path);
      if (!m) continue;
      let h = this.perModule.get(m);
      if (!h) {
        h = { index: this.rows.length, stamp: -1, revisions: 0, added: 0, deleted: 0, first: '', last: '', authors: new Map() };
        this.perModule.set(m, h);
        this.rows.push(h);
      }
      h.added += f.added ?? 0;
      h.deleted += f.deleted ?? 0;
      // A stamp (the last commit index that counted the module) replaces a per-commit map.
      if (h.stamp === k) continue;
      h.stamp = k;
      ids.push(h.index);
      h.revisions++;
      if (c.date > h.last) h.last = c.date;
      if (h.first === '' || c.date < h.first) h.first = c.date;
      // One lookup per module and commit: its commits by this author and the author's latest.
      const a = h.authors.get(c.author);
      if (a) {
        a.commits++;
        if (time > a.last) a.last = time;
      } else h.authors.set(c.author, { commits: 1, last: time });
    }
    this.commitModules.push(ids);
    const why = this.isMaintenance(c);
    if (why) {
      this.maintenance.push({ sha: c.sha, subject: c.subject, files: c.files.length, why });
      this.commitModules[k] = [];
      return;
    }
    if (this.streaming) {
      if (c.files.length > this.settings.maxChangesetSize) {
        this.bulk++;
        this.commitModules[k] = [];
        return;
      }
      ids.sort((a, b) => a - b);
      countPairs(ids, this.revs, this.shared);
    }
  }

  build(facts: Omit<HistoryFacts, 'commits'>): HistoryModel {
    const settings = this.settings;
    const base = {
      settings: { ...settings, coupleBy: formatCoupleBy(settings.coupleBy) },
      botCommits: facts.botCommits,
      renamesFollowed: facts.renamesFollowed,
      ...(facts.shallowDepth !== undefined ? { shallowDepth: facts.shallowDepth } : {}),
    };
    if (!facts.available) {
      return { available: false, note: facts.note ?? 'no history', ...base, commits: 0, changesets: 0, bulkChangesets: 0, authors: [], filesTouched: 0, filesGone: 0, modules: [], coChange: [], coAuthor: [] };
    }
    const activeSince = Date.parse(this.lastDate) - ACTIVE_AUTHOR_DAYS * DAY_MS;
    const modules: ModuleHistory[] = [...this.perModule.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([module, h]) => {
        const authors = [...h.authors.entries()].sort((a, b) => b[1].commits - a[1].commits || compareStrings(a[0], b[0])).map(([id, n]) => ({ id, commits: n.commits }));
        const shares = authors.map((a) => a.commits / h.revisions);
        return {
          module,
          revisions: h.revisions,
          ...(settings.churn ? { churn: { added: h.added, deleted: h.deleted } } : {}),
          lastChanged: h.last,
          firstChanged: h.first,
          activeAuthors: [...h.authors].filter(([, a]) => a.last >= activeSince).map(([id]) => id).sort(compareStrings),
          authors,
          mainAuthor: authors[0]!.id,
          ownership: round3(shares[0]!),
          fragmentation: round3(1 - shares.reduce((sum, x) => sum + x * x, 0)),
        };
      });
    const names: string[] = [];
    for (const [m, h] of this.perModule) names[h.index] = m;
    const streamed = this.streaming ? this.commits.map((c, k) => ({ sha: c.sha, date: c.date, ids: this.commitModules[k]! })) : [];
    const { coChange, changesets, bulk, sets } = this.streaming
      ? { coChange: keptPairs(this.revs, this.shared, names, streamed, settings), changesets: this.commits.length, bulk: this.bulk, sets: streamed }
      : changeCoupling(this.commits, this.commitModules, names, settings);
    return {
      available: true,
      ...(facts.note ? { note: facts.note } : {}),
      ...base,
      commits: this.commits.length,
      changesets,
      bulkChangesets: bulk,
      maintenanceCommits: { count: this.maintenance.length, examples: this.maintenance.slice(0, EVIDENCE_CAP) },
      ...(this.commits.length > 0 ? { firstCommit: this.firstDate, lastCommit: this.lastDate } : {}),
      authors: [...this.authorCommits.entries()]
        .map(([id, n]) => ({ id, name: facts.authors.get(id) ?? id, commits: n }))
        .sort((a, b) => b.commits - a.commits || compareStrings(a.id, b.id)),
      filesTouched: this.touched.size,
      filesGone: [...this.touched].filter((p) => facts.gone.has(p)).length,
      modules,
      coChange,
      coAuthor: coAuthorship(modules),
      changeSets: changeSetsByModuleIndex(sets, names, this.moduleOf),
    };
  }
}

/** Change sets, column by column, with their modules as indices into the model's modules (sorted ids of every module that exists today). */
function changeSetsByModuleIndex(sets: readonly { sha: string; date: string; ids: readonly number[] }[], names: readonly string[], moduleOf: ReadonlyMap<string, string>): ChangeSets {
  const order = new Map([...new Set(moduleOf.values())].sort(compareStrings).map((m, i) => [m, i]));
  const out: ChangeSets = { ids: [], dates: [], starts: [], modules: [] };
  for (const x of sets) {
    if (x.ids.length === 0) continue;
    out.ids.push(x.sha);
    out.dates.push(x.date);
    out.starts.push(out.modules.length);
    const indices = x.ids.map((i) => order.get(names[i]!)!).sort((a, b) => a - b);
    for (const i of indices) out.modules.push(i);
  }
  return out;
}

/** The whole model from collected facts in one call (what the accumulator does incrementally). */
export function buildHistoryModel(facts: HistoryFacts, moduleOf: ReadonlyMap<string, string>, settings: CouplingSettings): HistoryModel {
  const acc = new HistoryAccumulator(moduleOf, settings);
  for (const c of facts.commits) acc.add(c);
  return acc.build(facts);
}

/** Groups commits into change sets per the couple-by setting; each set keeps its commits (newest first). */
export function groupChangesets(commits: readonly HistoryCommit[], coupleBy: CoupleBy): HistoryCommit[][] {
  if (coupleBy.kind === 'commit') return commits.map((c) => [c]);
  if (coupleBy.kind === 'ticket') {
    // RE2 semantics (linear time whatever the pattern): the subjects are the repository's text.
    const re = RE2JS.compile(coupleBy.pattern);
    const byTicket = new Map<string, HistoryCommit[]>();
    const out: HistoryCommit[][] = [];
    for (const c of commits) {
      const m = re.matcher(c.subject);
      const key = m.find() ? ((re.groupCount() >= 1 ? m.group(1) : null) ?? m.group(0) ?? undefined) : undefined;
      if (key === undefined) out.push([c]);
      else pushTo(byTicket, key, c);
    }
    return [...out, ...[...byTicket.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, cs]) => cs)];
  }
  const limit = coupleBy.hours * 3600 * 1000;
  const byAuthor = new Map<string, HistoryCommit[]>();
  for (const c of commits) pushTo(byAuthor, c.author, c);
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
  commitModules: readonly number[][],
  names: readonly string[],
  s: CouplingSettings,
): { coChange: CoChange[]; changesets: number; bulk: number; sets: { sha: string; date: string; ids: number[] }[] } {
  const indexOf = new Map(commits.map((c, k) => [c, k]));
  const sets = groupChangesets(commits, s.coupleBy);
  const revs: number[] = [];
  const shared: PairCounts = new Map();
  const evidence: { sha: string; date: string; ids: number[] }[] = [];
  let bulk = 0;
  for (const set of sets) {
    const paths = new Set<string>();
    const ids = new Set<number>();
    for (const c of set) {
      for (const f of c.files) paths.add(f.path);
      for (const i of commitModules[indexOf.get(c)!]!) ids.add(i);
    }
    // Maintenance commits were emptied on arrival; a change set of nothing but those counts as nothing.
    if (ids.size === 0) continue;
    if (paths.size > s.maxChangesetSize) {
      bulk++;
      continue;
    }
    const sortedIds = [...ids].sort((a, b) => a - b);
    evidence.push({ sha: set[0]!.sha, date: set[0]!.date, ids: sortedIds });
    countPairs(sortedIds, revs, shared);
  }
  return { coChange: keptPairs(revs, shared, names, evidence, s), changesets: sets.length, bulk, sets: evidence };
}

/**
 * Counts one change set: a revision per module, a shared change per pair (ids sorted ascending), and
 * the pair's share of the change set, 1 / (modules - 1): a two-module commit ties its pair fully, a
 * commit of 20 modules ties each of its 190 pairs by 1/19 (each module's ties sum to 1 per commit).
 */
/** Per module pair (key = i x PAIR_BASE + j): [shared change sets, their summed 1 / (modules - 1)]. */
type PairCounts = Map<number, [number, number]>;

function countPairs(ids: readonly number[], revs: number[], shared: PairCounts): void {
  for (const i of ids) revs[i] = (revs[i] ?? 0) + 1;
  const share = ids.length > 1 ? 1 / (ids.length - 1) : 0;
  for (let x = 0; x < ids.length; x++) {
    for (let y = x + 1; y < ids.length; y++) {
      const key = ids[x]! * PAIR_BASE + ids[y]!;
      // One lookup per pair: the pair's cell is updated in place.
      const cell = shared.get(key);
      if (cell) {
        cell[0]++;
        cell[1] += share;
      } else shared.set(key, [1, share]);
    }
  }
}

/**
 * Why a commit is maintenance, if it is: enough files and a subject matching the pattern (RE2: linear
 * time), or the change shape of a sweep: renames only (a package move), or, with churn, every file
 * changed by at most 2 lines in 10 files or more (a licence header, an import rewrite). '' = off.
 */
function maintenanceTest(pattern: string | undefined): (c: HistoryCommit) => string | undefined {
  if (!pattern) return () => undefined;
  const re = RE2JS.compile(pattern);
  return (c) => {
    if (c.files.length < MAINTENANCE_MIN_FILES) return undefined;
    if (re.matcher(c.subject).find()) return 'subject';
    if (c.renameOnly) return 'renames only';
    if (c.files.length >= 10 && c.files.every((f) => f.added !== undefined && f.added + (f.deleted ?? 0) <= 2)) return 'at most 2 changed lines in every file';
    return undefined;
  };
}

/** Applies the thresholds, then collects evidence (first change sets, newest first) for the pairs kept. */
function keptPairs(revs: readonly number[], shared: PairCounts, names: readonly string[], sets: readonly { sha: string; ids: readonly number[] }[], s: CouplingSettings): CoChange[] {
  const kept = new Map<number, CoChange>();
  for (const [key, [n, weight]] of shared) {
    const i = Math.floor(key / PAIR_BASE);
    const j = key % PAIR_BASE;
    const ra = revs[i] ?? 0;
    const rb = revs[j] ?? 0;
    const mean = (ra + rb) / 2;
    const degree = Math.floor((n / mean) * 100);
    if (mean < s.minRevs || n < s.minShared || degree < s.minCoupling) continue;
    const [a, b] = compareStrings(names[i]!, names[j]!) < 0 ? [i, j] : [j, i];
    const strength = round3(Math.min(1, weight / mean));
    kept.set(key, { a: names[a]!, b: names[b]!, shared: n, revsA: revs[a] ?? 0, revsB: revs[b] ?? 0, degree, strength, commits: [] });
  }
  if (kept.size > 0) {
    for (const set of sets) {
      const ids = set.ids;
      for (let x = 0; x < ids.length; x++) {
        for (let y = x + 1; y < ids.length; y++) {
          const pair = kept.get(ids[x]! * PAIR_BASE + ids[y]!);
          if (pair && pair.commits.length < EVIDENCE_CAP) pair.commits.push(set.sha);
        }
      }
    }
  }
  return [...kept.values()].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
}

function coAuthorship(modules: readonly ModuleHistory[]): CoAuthor[] {
  const byAuthor = new Map<string, string[]>();
  const authorsOf = new Map<string, Set<string>>();
  for (const m of modules) {
    authorsOf.set(m.module, new Set(m.authors.map((a) => a.id)));
    for (const a of m.authors) pushTo(byAuthor, a.id, m.module);
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

