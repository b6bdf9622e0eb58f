/**
 * Hotspots: code that changes often and is big (Tornhill, "Your Code as a Crime Scene").
 * Input: the model's history (revisions per module) and module sizes in lines.
 * Output: modules ranked by score = (revisions / max revisions) x (lines / max lines), 3 decimals,
 * ties by revisions, then id; with churn, main author and ownership alongside. The method string is
 * printed with the ranking.
 */
import { compareStrings } from '../model/compare.js';
import { round3 } from '../model/numbers.js';
import type { SystemModel } from '../model/types.js';

export interface Hotspot {
  rank: number;
  module: string;
  revisions: number;
  lines: number;
  score: number;
  churn?: { added: number; deleted: number };
  mainAuthor: string;
  ownership: number;
  lastChanged: string;
}

export interface HotspotsResult {
  method: string;
  hotspots: Hotspot[];
}

export const HOTSPOT_METHOD = 'score = (revisions / max revisions) x (lines / max lines): modules that change often and are large come first';

export function analyzeHotspots(model: SystemModel): HotspotsResult | undefined {
  const history = model.history;
  if (!history?.available) return undefined;
  const lines = new Map(model.modules.map((m) => [m.id, m.lines]));
  const maxRev = Math.max(1, ...history.modules.map((m) => m.revisions));
  const maxLines = Math.max(1, ...history.modules.map((m) => lines.get(m.module) ?? 0));
  const rows = history.modules.map((m) => {
    const size = lines.get(m.module) ?? 0;
    return {
      module: m.module,
      revisions: m.revisions,
      lines: size,
      score: round3((m.revisions / maxRev) * (size / maxLines)),
      ...(m.churn ? { churn: m.churn } : {}),
      mainAuthor: m.mainAuthor,
      ownership: m.ownership,
      lastChanged: m.lastChanged,
    };
  });
  rows.sort((a, b) => b.score - a.score || b.revisions - a.revisions || compareStrings(a.module, b.module));
  return { method: HOTSPOT_METHOD, hotspots: rows.map((r, i) => ({ rank: i + 1, ...r })) };
}
