/**
 * Change smells of a split, from the history: does each service change for one business reason?
 * Input: the change sets coupling counted (maintenance and bulk ones left out), a decomposition.
 * A change set's spread = the number of contexts its modules sit in (kernel, platform and unplaced
 * modules belong to none).
 * Divergent Change (one module changed for different reasons): for a module with at least
 * DIVERGENT_MIN_CHANGE_SETS change sets, each change set votes 1 split evenly among the contexts its
 * other modules sit in (its own context when it changed with its own context only); entropy
 * H = -sum p log2 p over the votes; a *reason* is a context with votes >= 2 and >= 10% of its change
 * sets; divergent = 3 reasons or more (a change spreading over many contexts at once is Shotgun
 * Surgery, and its split vote makes no reason).
 * Shotgun Surgery (every change touches many places): a change set with spread >= SHOTGUN_SPREAD is
 * a shotgun change. Per module: its change sets, the shotgun ones, their share (flagged at 2 or more
 * and a share of 25% or more). Per context: change sets touching it, mean and median spread, the
 * shotgun share, its divergent modules and its widest change sets.
 * Source: Fowler, "Refactoring" (Divergent Change, Shotgun Surgery); the course's single
 * responsibility at service level: a service changes for one business reason.
 */
import { compareNumbers, compareStrings } from '../model/compare.js';
import { contextIndex } from '../model/context-index.js';
import { round3 } from '../model/numbers.js';
import { changeSetColumns } from '../model/change-sets.js';
import { pushTo } from '../model/group.js';
import type { Decomposition, SystemModel } from '../model/types.js';

export const DIVERGENT_MIN_CHANGE_SETS = 5;
export const DIVERGENT_MIN_REASONS = 3;
const REASON_MIN_SHARE = 0.1;
const REASON_MIN_SETS = 2;
export const SHOTGUN_SPREAD = 3;
const SHOTGUN_MODULE_MIN = 2;
const SHOTGUN_MODULE_SHARE = 0.25;
/** Modules and change sets listed (counts are complete). */
export const SMELL_LIST_CAP = 50;
const COMMITS_PER_REASON = 3;

export const CHANGE_SMELLS_METHOD = `spread of a change set = contexts its modules sit in; Divergent Change = a module with ${DIVERGENT_MIN_CHANGE_SETS}+ change sets whose change sets vote for ${DIVERGENT_MIN_REASONS}+ contexts (a change set's vote split among the contexts it touches; a reason needs 2+ votes and 10%+ of its change sets), ranked by the entropy of the votes (bits); Shotgun Surgery = change sets spreading over ${SHOTGUN_SPREAD}+ contexts (a module is flagged with 2+ of them making 25%+ of its change sets)`;

export interface WideChangeSet {
  id: string;
  date: string;
  /** Contexts it touches (ids), sorted. */
  contexts: string[];
  /** Modules it touches (in contexts or not). */
  modules: number;
}

export interface DivergentModule {
  module: string;
  /** Its context, or `kernel`; absent for modules in no context. */
  context?: string;
  changeSets: number;
  /** Entropy (bits) of the contexts its change sets touch. */
  entropy: number;
  /** The contexts its change sets touch, most first: change sets touching it, their votes (a change set's 1 split among the contexts it touches), the first commits (newest first). */
  reasons: { context: string; changeSets: number; weight: number; commits: string[] }[];
}

export interface ShotgunModule {
  module: string;
  context?: string;
  changeSets: number;
  shotgun: number;
  share: number;
}

export interface ContextChangeSmells {
  context: string;
  name: string;
  /** Change sets touching it. */
  changeSets: number;
  meanSpread: number;
  medianSpread: number;
  /** Share of its change sets that are shotgun changes, 3 decimals. */
  shotgunShare: number;
  divergentModules: number;
  shotgunModules: number;
  /** Its widest change sets (at most 3). */
  widest: WideChangeSet[];
}

export interface ChangeSmells {
  method: string;
  /** Change sets measured. */
  changeSets: number;
  /** Share of them touching two contexts or more, 3 decimals. */
  crossContextShare: number;
  divergentChange: DivergentModule[];
  divergentCount: number;
  shotgunSurgery: { modules: ShotgunModule[]; moduleCount: number; widest: WideChangeSet[]; changeSets: number };
  contexts: ContextChangeSmells[];
}

export function analyzeChangeSmells(model: SystemModel, d: Decomposition): ChangeSmells | undefined {
  const sets = changeSetColumns(model);
  if (!sets) return undefined;
  const ctxOf = contextIndex(d, { withKernel: false });
  const homeOf = contextIndex(d, { withKernel: true });
  const ids = model.modules.map((m) => m.id);
  const ctxAt = ids.map((m) => ctxOf.get(m));
  // Per change set, once: its contexts sorted, and those holding two or more of its modules (a
  // module is alone in its context in that change set unless its context is crowded). Garbage
  // collection, not arithmetic, is what a 20,000-commit history costs here: the columns are walked
  // with no object per change set, each module's change sets go into one typed array (offsets per
  // module), and a change set within a single context shares that context's one-element list.
  const spreadOf: (readonly string[])[] = [];
  const crowdedOf: (readonly string[])[] = [];
  const single = new Map<string, readonly string[]>();
  const perModule = new Int32Array(ids.length + 1);
  for (let k = 0; k < sets.modules.length; k++) if (sets.modules[k]! >= 0) perModule[sets.modules[k]! + 1]!++;
  for (let m = 0; m < ids.length; m++) perModule[m + 1]! += perModule[m]!;
  const setsOfModule = new Int32Array(perModule[ids.length]!);
  const fill = perModule.slice(0, ids.length);
  for (let i = 0; i < sets.count; i++) {
    let spread: string[] | undefined;
    let first: string | undefined;
    let crowded: string[] | undefined;
    for (let k = sets.from[i]!; k < sets.to[i]!; k++) {
      const m = sets.modules[k]!;
      if (m < 0) continue;
      setsOfModule[fill[m]!++] = i;
      const c = ctxAt[m];
      if (c === undefined) continue;
      if (first === undefined) first = c;
      else if (c === first || spread?.includes(c)) {
        if (!(crowded ??= []).includes(c)) crowded.push(c);
      } else (spread ??= [first]).push(c);
    }
    spreadOf.push(spread ? spread.sort(compareStrings) : first === undefined ? NONE : (single.get(first) ?? single.set(first, [first]).get(first)!));
    crowdedOf.push(crowded ?? NONE);
  }
  const setsOf = (m: number) => setsOfModule.subarray(perModule[m]!, perModule[m + 1]!);
  const sizeOf = (i: number) => sets.to[i]! - sets.from[i]!;
  const wide = (i: number): WideChangeSet => ({ id: sets.ids[i]!, date: sets.dates[i] ?? '', contexts: [...spreadOf[i]!], modules: sizeOf(i) });
  const byWidth = (a: number, b: number) => compareNumbers(spreadOf[b]!.length, spreadOf[a]!.length) || compareNumbers(sizeOf(b), sizeOf(a)) || compareStrings(sets.dates[b] ?? '', sets.dates[a] ?? '') || compareStrings(sets.ids[a]!, sets.ids[b]!);

  // Per context: the change sets touching it, newest first as stored.
  const touchingOf = new Map<string, number[]>();
  spreadOf.forEach((spread, i) => {
    for (const c of spread) pushTo(touchingOf, c, i);
  });

  const divergent: DivergentModule[] = [];
  const shotgunModules: ShotgunModule[] = [];
  // model.modules is sorted by id: index order is id order.
  for (let index = 0; index < ids.length; index++) {
    const mine = setsOf(index);
    if (mine.length === 0) continue;
    const module = ids[index]!;
    const own = ctxAt[index];
    const home = homeOf.get(module);
    let shotgun = 0;
    for (const i of mine) if (spreadOf[i]!.length >= SHOTGUN_SPREAD) shotgun++;
    if (shotgun >= SHOTGUN_MODULE_MIN && shotgun / mine.length >= SHOTGUN_MODULE_SHARE) {
      shotgunModules.push({ module, ...(home ? { context: home } : {}), changeSets: mine.length, shotgun, share: round3(shotgun / mine.length) });
    }
    if (mine.length < DIVERGENT_MIN_CHANGE_SETS) continue;
    // Three reasons need three contexts among its change sets: most modules have fewer, and are
    // passed over before any vote is counted.
    if (!touchesAtLeast(mine, spreadOf, own, DIVERGENT_MIN_REASONS)) continue;
    // A change set votes 1 for the reason it was made, split among the contexts it touches: a change
    // spreading over five contexts is Shotgun Surgery, not five reasons.
    const count = new Map<string, { sets: number; weight: number; first: number[] }>();
    const vote = (c: string, i: number, share: number) => {
      const row = count.get(c) ?? count.set(c, { sets: 0, weight: 0, first: [] }).get(c)!;
      row.sets++;
      row.weight += share;
      if (row.first.length < COMMITS_PER_REASON) row.first.push(i);
    };
    for (const i of mine) {
      // The contexts of its other modules: the set's, less its own when it is the only module there.
      const spread = spreadOf[i]!;
      const ownAlone = own !== undefined && spread.includes(own) && !crowdedOf[i]!.includes(own);
      const others = spread.length - (ownAlone ? 1 : 0);
      if (others === 0) {
        if (own !== undefined) vote(own, i, 1);
        continue;
      }
      for (const c of spread) if (!(ownAlone && c === own)) vote(c, i, 1 / others);
    }
    // Most modules have fewer than three reasons: count them before building anything.
    let strong = 0;
    let total = 0;
    for (const r of count.values()) {
      total += r.weight;
      if (r.weight >= REASON_MIN_SETS && r.weight / mine.length >= REASON_MIN_SHARE) strong++;
    }
    if (strong < DIVERGENT_MIN_REASONS) continue;
    const reasons = [...count]
      .map(([context, r]) => ({ context, changeSets: r.sets, weight: round3(r.weight), commits: r.first.map((i) => sets.ids[i]!) }))
      .sort((a, b) => compareNumbers(b.weight, a.weight) || compareNumbers(b.changeSets, a.changeSets) || compareStrings(a.context, b.context));
    let entropy = 0;
    for (const r of count.values()) entropy -= (r.weight / total) * Math.log2(r.weight / total);
    divergent.push({ module, ...(home ? { context: home } : {}), changeSets: mine.length, entropy: round3(entropy), reasons });
  }
  divergent.sort((a, b) => compareNumbers(b.entropy, a.entropy) || compareNumbers(b.changeSets, a.changeSets) || compareStrings(a.module, b.module));
  shotgunModules.sort((a, b) => compareNumbers(b.share, a.share) || compareNumbers(b.shotgun, a.shotgun) || compareStrings(a.module, b.module));

  const all = Array.from({ length: sets.count }, (_, i) => i);
  const shotgunSets = all.filter((i) => spreadOf[i]!.length >= SHOTGUN_SPREAD);
  const divergentIn = countBy(divergent.map((m) => m.context));
  const shotgunIn = countBy(shotgunModules.map((m) => m.context));
  const contexts = d.contexts.map((c): ContextChangeSmells => {
    const touching = touchingOf.get(c.id) ?? [];
    const spreads = touching.map((i) => spreadOf[i]!.length).sort(compareNumbers);
    const shotgun = touching.filter((i) => spreadOf[i]!.length >= SHOTGUN_SPREAD).length;
    return {
      context: c.id,
      name: c.name,
      changeSets: touching.length,
      meanSpread: round3(spreads.reduce((n, x) => n + x, 0) / Math.max(1, spreads.length)),
      medianSpread: spreads.length === 0 ? 0 : spreads.length % 2 === 1 ? spreads[(spreads.length - 1) / 2]! : round3((spreads[spreads.length / 2 - 1]! + spreads[spreads.length / 2]!) / 2),
      shotgunShare: round3(shotgun / Math.max(1, touching.length)),
      divergentModules: divergentIn.get(c.id) ?? 0,
      shotgunModules: shotgunIn.get(c.id) ?? 0,
      widest: touching.filter((i) => spreadOf[i]!.length >= 2).sort(byWidth).slice(0, 3).map(wide),
    };
  });
  return {
    method: CHANGE_SMELLS_METHOD,
    changeSets: sets.count,
    crossContextShare: round3(all.filter((i) => spreadOf[i]!.length >= 2).length / Math.max(1, sets.count)),
    divergentChange: divergent.slice(0, SMELL_LIST_CAP),
    divergentCount: divergent.length,
    shotgunSurgery: { modules: shotgunModules.slice(0, SMELL_LIST_CAP), moduleCount: shotgunModules.length, widest: [...shotgunSets].sort(byWidth).slice(0, 10).map(wide), changeSets: shotgunSets.length },
    contexts,
  };
}

function countBy(keys: readonly (string | undefined)[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) if (k !== undefined) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

const NONE: readonly string[] = [];

/** Whether the change sets (with the module's own context) name at least `n` contexts. */
function touchesAtLeast(sets: Int32Array, spreadOf: readonly (readonly string[])[], own: string | undefined, n: number): boolean {
  const seen: string[] = own !== undefined ? [own] : [];
  for (const i of sets) {
    for (const c of spreadOf[i]!) {
      if (seen.includes(c)) continue;
      seen.push(c);
      if (seen.length >= n) return true;
    }
  }
  return false;
}
