/**
 * Change coupling (code-maat "coupling" analysis): which modules change together.
 * Input: the co-change pairs of the model's history, already filtered by the thresholds recorded in
 * history.settings (see build-history-model.ts for the formula). Output: pairs by degree (desc), then
 * shared change sets, then names; each marked when it crosses areas (the interesting ones for a
 * split: a hidden dependency the code graph may not show), with whether a code edge links them.
 * Says so when the thresholds left nothing.
 */
import { compareStrings } from '../model/compare.js';
import type { CoChange, SystemModel } from '../model/types.js';
import { areasOf } from '../model/areas.js';

export interface CoupledPair extends CoChange {
  crossArea: boolean;
  /** A code edge (any kind, either direction) links the two modules. */
  codeEdge: boolean;
}

export interface ChangeCouplingResult {
  thresholds: string;
  pairs: CoupledPair[];
  note?: string;
}

export function analyzeChangeCoupling(model: SystemModel): ChangeCouplingResult | undefined {
  const areaOf = areasOf(model.modules.map((m) => m.id));
  const history = model.history;
  if (!history?.available) return undefined;
  const s = history.settings;
  const linked = new Set(model.edges.flatMap((e) => [`${e.from}\0${e.to}`, `${e.to}\0${e.from}`]));
  const pairs = history.coChange
    .map((p) => ({ ...p, crossArea: areaOf(p.a) !== areaOf(p.b), codeEdge: linked.has(`${p.a}\0${p.b}`) }))
    .sort((x, y) => y.degree - x.degree || y.shared - x.shared || compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  const thresholds = `change sets by ${s.coupleBy}, at most ${s.maxChangesetSize} files each; mean revisions >= ${s.minRevs}, shared >= ${s.minShared}, degree >= ${s.minCoupling}%`;
  return {
    thresholds,
    pairs,
    ...(pairs.length === 0 ? { note: `no module pair passes the thresholds (${thresholds}); lower --min-revs / --min-shared / --min-coupling for a short history` } : {}),
  };
}
