/**
 * Size per context against the course's heuristics for a microservice.
 * Input: a decomposition, the model (module lines and endpoints, table ownership, history: active
 * authors and change sets). Output per context: lines, modules, tables, endpoints, active authors
 * (a commit in the 365 days before the newest commit), change rate (change sets touching it per
 * 30 days over the history window), and a check per heuristic:
 * - a two-pizza team can build and run it: active authors <= SIZE_LIMITS.teamAuthors;
 * - one head can hold it: modules <= SIZE_LIMITS.headModules;
 * - it can be rewritten in two weeks: lines <= SIZE_LIMITS.rewriteLines (a team of 5, 10 working
 *   days, about 200 lines a person a day);
 * - too small to stand alone: fewer than SIZE_LIMITS.minLines lines, or fewer than
 *   SIZE_LIMITS.minModules modules and fewer than 3 x SIZE_LIMITS.minLines lines.
 * Too big (any of the first three fails): split along its largest folders, at the first level
 * below the root where two or more folders share its lines and none holds 80%; too small: merge with the context the hierarchy merges it with first (the
 * proposal's merge sequence), else the one it has most code edges with.
 * Source: the course's service-size heuristics (go macro first; a two-pizza team; one head; a
 * two-week rewrite).
 */
import { compareNumbers, compareStrings } from '../model/compare.js';
import { contextIndex } from '../model/context-index.js';
import { round2 } from '../model/numbers.js';
import { changeSetColumns } from '../model/change-sets.js';
import type { Decomposition, SystemModel } from '../model/types.js';

export const SIZE_LIMITS = { teamAuthors: 8, headModules: 150, rewriteLines: 10_000, minModules: 3, minLines: 150 } as const;

/** 10000 -> '10,000' (toLocaleString would load ICU data on first use: 10 ms of a run). */
function thousands(n: number): string {
  return n >= 1000 ? `${thousands(Math.floor(n / 1000))},${String(n % 1000).padStart(3, '0')}` : String(n);
}

export const SIZE_METHOD = `two-pizza team: at most ${SIZE_LIMITS.teamAuthors} active authors (a commit in the last 365 days of the history); one head: at most ${SIZE_LIMITS.headModules} modules; a two-week rewrite: at most ${thousands(SIZE_LIMITS.rewriteLines)} lines (5 people x 10 days x ~200 lines); too small: under ${SIZE_LIMITS.minLines} lines, or under ${SIZE_LIMITS.minModules} modules and under ${3 * SIZE_LIMITS.minLines} lines`;

const DAY_MS = 24 * 3600 * 1000;

export interface SizeCheck {
  heuristic: 'two-pizza team' | 'one head' | 'two-week rewrite' | 'stands alone';
  value: number;
  limit: number;
  ok: boolean;
}

export interface ContextSize {
  context: string;
  name: string;
  lines: number;
  modules: number;
  tables: number;
  endpoints: number;
  /** Absent without history. */
  activeAuthors?: number;
  /** Change sets touching it per 30 days over the history window; absent without history. */
  changesPerMonth?: number;
  checks: SizeCheck[];
  verdict: 'fits' | 'too big' | 'too small';
  /** What to do about it: the folders to split along, or the context to merge with. */
  note?: string;
}

export interface SizeReport {
  method: string;
  limits: typeof SIZE_LIMITS;
  contexts: ContextSize[];
}

export function analyzeContextSize(model: SystemModel, d: Decomposition): SizeReport {
  const history = model.history?.available ? model.history : undefined;
  const moduleHistory = new Map((history?.modules ?? []).map((m) => [m.module, m]));
  const byId = new Map(model.modules.map((m) => [m.id, m]));
  const ctxOf = contextIndex(d, { withKernel: false });
  const nameOf = new Map(d.contexts.map((c) => [c.id, c.name]));
  const months = history?.firstCommit && history.lastCommit ? Math.max(1, (Date.parse(history.lastCommit) - Date.parse(history.firstCommit)) / (30 * DAY_MS)) : undefined;
  const changeSetsOf = new Map<string, number>();
  const ctxAt = model.modules.map((m) => ctxOf.get(m.id));
  const seen: string[] = [];
  const sets = changeSetColumns(model);
  for (let i = 0; i < (sets?.count ?? 0); i++) {
    seen.length = 0;
    for (let k = sets!.from[i]!; k < sets!.to[i]!; k++) {
      const c = sets!.modules[k]! >= 0 ? ctxAt[sets!.modules[k]!] : undefined;
      if (c === undefined || seen.includes(c)) continue;
      seen.push(c);
      changeSetsOf.set(c, (changeSetsOf.get(c) ?? 0) + 1);
    }
  }
  // Only a context too small needs them: computed on first use.
  let ties: Map<string, number> | undefined;
  const tiesOnce = () => (ties ??= contextTies(model, ctxOf));
  const contexts = d.contexts.map((c): ContextSize => {
    const endpoints = c.modules.reduce((n, m) => n + (byId.get(m)?.endpoints?.length ?? 0), 0);
    const authors = history ? new Set(c.modules.flatMap((m) => moduleHistory.get(m)?.activeAuthors ?? [])).size : undefined;
    const checks: SizeCheck[] = [
      ...(authors !== undefined ? [{ heuristic: 'two-pizza team' as const, value: authors, limit: SIZE_LIMITS.teamAuthors, ok: authors <= SIZE_LIMITS.teamAuthors }] : []),
      { heuristic: 'one head', value: c.modules.length, limit: SIZE_LIMITS.headModules, ok: c.modules.length <= SIZE_LIMITS.headModules },
      { heuristic: 'two-week rewrite', value: c.lines, limit: SIZE_LIMITS.rewriteLines, ok: c.lines <= SIZE_LIMITS.rewriteLines },
    ];
    const small = c.lines < SIZE_LIMITS.minLines || (c.modules.length < SIZE_LIMITS.minModules && c.lines < 3 * SIZE_LIMITS.minLines);
    checks.push({ heuristic: 'stands alone', value: c.lines, limit: SIZE_LIMITS.minLines, ok: !small });
    const big = checks.some((x) => !x.ok && x.heuristic !== 'stands alone');
    const verdict = big ? 'too big' : small ? 'too small' : 'fits';
    const note = verdict === 'too big' ? splitNote(c.modules, byId) : verdict === 'too small' ? mergeNote(c.id, d, tiesOnce, nameOf) : undefined;
    return {
      context: c.id,
      name: c.name,
      lines: c.lines,
      modules: c.modules.length,
      tables: c.tables.length,
      endpoints,
      ...(authors !== undefined ? { activeAuthors: authors } : {}),
      ...(months !== undefined ? { changesPerMonth: round2((changeSetsOf.get(c.id) ?? 0) / months) } : {}),
      checks,
      verdict,
      ...(note ? { note } : {}),
    };
  });
  return { method: SIZE_METHOD, limits: SIZE_LIMITS, contexts };
}

/** Code edge weight between each pair of contexts (key `a\0b`, a < b). */
function contextTies(model: SystemModel, ctxOf: ReadonlyMap<string, string>): Map<string, number> {
  const ties = new Map<string, number>();
  for (const e of model.edges) {
    const a = ctxOf.get(e.from);
    const b = ctxOf.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a}\0${b}` : `${b}\0${a}`;
    ties.set(key, (ties.get(key) ?? 0) + e.weight);
  }
  return ties;
}

/**
 * The folders to split along: from the modules' common folder down, the first level where two or
 * more folders hold its lines and none holds 80% or more; the largest four with their share.
 */
function splitNote(modules: readonly string[], byId: ReadonlyMap<string, { lines: number }>): string {
  const paths = modules.map((m) => ({ parts: m.split('/'), lines: byId.get(m)?.lines ?? 0 }));
  const total = paths.reduce((n, p) => n + p.lines, 0);
  const deepest = paths.reduce((m, p) => Math.max(m, p.parts.length), -Infinity) - 1;
  for (let depth = 1; depth <= deepest; depth++) {
    const lines = new Map<string, number>();
    for (const p of paths) {
      if (p.parts.length <= depth) continue; // a file at this level is no folder to split along
      const folder = p.parts.slice(0, depth).join('/');
      lines.set(folder, (lines.get(folder) ?? 0) + p.lines);
    }
    const top = [...lines].sort((a, b) => compareNumbers(b[1], a[1]) || compareStrings(a[0], b[0]));
    if (top.length < 2 || top[0]![1] >= 0.8 * total) continue;
    return `consider splitting along ${top.slice(0, 4).map(([f, n]) => `${f}/ (${Math.round((n / Math.max(1, total)) * 100)}% of its lines)`).join(', ')}`;
  }
  return 'too big, and no folder divides it: split it by the sub-contexts a finer clustering gives (--contexts or a higher --resolution)';
}

function mergeNote(id: string, d: Decomposition, ties: () => ReadonlyMap<string, number>, nameOf: ReadonlyMap<string, string>): string | undefined {
  const first = d.merges?.find((m) => m.a === id || m.b === id);
  const partner = first ? (first.a === id ? first.b : first.a) : bestTie(id, ties());
  if (partner === undefined) return 'too small to stand alone, and tied to no other context: a candidate for the kernel or for removal';
  return `merge with ${partner} (${nameOf.get(partner) ?? partner}): ${first ? 'the first merge of the proposal’s hierarchy' : 'the context it has most code edges with'}`;
}

function bestTie(id: string, ties: ReadonlyMap<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const [key, w] of [...ties].sort(([a], [b]) => compareStrings(a, b))) {
    const [a, b] = key.split('\0') as [string, string];
    if (a !== id && b !== id) continue;
    if (!best || w > best[1]) best = [a === id ? b : a, w];
  }
  return best?.[0];
}
