/**
 * Ownership and contributor coupling (Conway's law view).
 * Input: the model's history (authors per module, co-authorship pairs) and areas from areaOf().
 * Output per area: commits per author on its modules, main author and share, fragmentation
 * (1 - sum of squared shares); modules with the most fragmented ownership; pairs of areas that share
 * authors (how many modules of each the shared people touch), strongest first.
 */
import { compareStrings } from '../model/compare.js';
import { round3 } from '../model/numbers.js';
import type { SystemModel } from '../model/types.js';
import { areasOf } from '../model/areas.js';

export interface AreaOwnership {
  area: string;
  commits: number;
  authors: { id: string; name: string; commits: number }[];
  mainAuthor: string;
  ownership: number;
  fragmentation: number;
}

export interface OwnershipResult {
  areas: AreaOwnership[];
  /** Modules with fragmentation >= 0.5 and at least 5 revisions, most fragmented first. */
  fragmented: { module: string; fragmentation: number; authors: number; revisions: number }[];
  /** Area pairs sharing authors: shared authors and co-authored module pairs between them. */
  areaPairs: { a: string; b: string; sharedAuthors: string[]; modulePairs: number }[];
}

export function analyzeOwnership(model: SystemModel): OwnershipResult | undefined {
  const areaOf = areasOf(model.modules.map((m) => m.id));
  const history = model.history;
  if (!history?.available) return undefined;
  const names = new Map(history.authors.map((a) => [a.id, a.name]));
  const byArea = new Map<string, Map<string, number>>();
  for (const m of history.modules) {
    const area = areaOf(m.module);
    const row = byArea.get(area) ?? new Map<string, number>();
    for (const a of m.authors) row.set(a.id, (row.get(a.id) ?? 0) + a.commits);
    byArea.set(area, row);
  }
  const areas = [...byArea.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([area, row]) => {
      const authors = [...row.entries()].sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0])).map(([id, commits]) => ({ id, name: names.get(id) ?? id, commits }));
      const total = authors.reduce((n, a) => n + a.commits, 0);
      const shares = authors.map((a) => a.commits / total);
      return { area, commits: total, authors, mainAuthor: authors[0]!.id, ownership: round3(shares[0]!), fragmentation: round3(1 - shares.reduce((s, x) => s + x * x, 0)) };
    });
  const fragmented = history.modules
    .filter((m) => m.fragmentation >= 0.5 && m.revisions >= 5)
    .map((m) => ({ module: m.module, fragmentation: m.fragmentation, authors: m.authors.length, revisions: m.revisions }))
    .sort((a, b) => b.fragmentation - a.fragmentation || compareStrings(a.module, b.module));
  const pairs = new Map<string, { shared: Set<string>; modulePairs: number }>();
  const authorsOf = new Map(history.modules.map((m) => [m.module, new Set(m.authors.map((a) => a.id))]));
  for (const p of history.coAuthor) {
    const [x, y] = [areaOf(p.a), areaOf(p.b)].sort(compareStrings) as [string, string];
    if (x === y) continue;
    const key = `${x}\0${y}`;
    const row = pairs.get(key) ?? { shared: new Set<string>(), modulePairs: 0 };
    row.modulePairs++;
    for (const id of authorsOf.get(p.a) ?? []) if (authorsOf.get(p.b)?.has(id)) row.shared.add(id);
    pairs.set(key, row);
  }
  const areaPairs = [...pairs.entries()]
    .map(([key, row]) => {
      const [a, b] = key.split('\0') as [string, string];
      return { a, b, sharedAuthors: [...row.shared].sort(compareStrings), modulePairs: row.modulePairs };
    })
    .sort((x, y) => y.modulePairs - x.modulePairs || compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  return { areas, fragmented, areaPairs };
}
