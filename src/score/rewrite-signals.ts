/**
 * Reuse or rewrite: the evidence per context, for the workshop to weigh (never a verdict).
 * Input: a decomposition, the model (module lines, complexity, history), the hotspot ranking, the
 * dead-code candidates, the test safety net. Output per context, each figure beside the
 * repository's own:
 * - age: median and oldest module age in days (newest commit of the history - a module's first
 *   commit in the window);
 * - churn: added + deleted lines per line of code today (with --churn), else revisions per module;
 * - recently changed: share of its lines in modules changed in the last 90 days of the history;
 * - hotspots: its modules in the top 10% of the hotspot ranking, per 1,000 lines;
 * - complexity: decision points per 100 lines, and its most complex module;
 * - dead code: share of its lines in dead-code candidates;
 * - tested: the safety net's coverage.
 * Leanings: a figure 1.5x the repository's (age, churn, hotspots, complexity), a dead share of 30%+
 * or a tested share under 20% leans towards a rewrite; recent change of half its code or more,
 * tests over 60% and complexity under the repository's lean towards reuse.
 * Source: the course's "reuse or rewrite: old code with accumulated requirements and technical debt
 * may be better rewritten"; Tornhill's hotspots.
 */
import { compareNumbers, compareStrings } from '../model/compare.js';
import { round2, round3 } from '../model/numbers.js';
import type { Decomposition, SystemModel } from '../model/types.js';
import type { HotspotsResult } from '../analyze/hotspots.js';
import type { UnreferencedResult } from '../analyze/unreferenced.js';
import type { TestSafetyNet } from './test-safety-net.js';

export const REWRITE_METHOD =
  'age = days from a module\'s first commit in the window to the newest commit (median, oldest); churn = added + deleted lines per line today (revisions per module without --churn); recently changed = share of lines changed in the last 90 days; hotspots = modules in the top 10% of the ranking per 1,000 lines; complexity = decision points per 100 lines; dead = share of lines in dead-code candidates; tested = safety-net coverage. Leans rewrite: 1.5x the repository on age, churn, hotspots or complexity, 30%+ dead, under 20% tested; leans reuse: half or more changed recently, 60%+ tested, complexity under the repository';

const DAY_MS = 24 * 3600 * 1000;
const RECENT_DAYS = 90;

export interface RewriteFigures {
  medianAgeDays?: number;
  oldestAgeDays?: number;
  /** Added + deleted lines per line (with churn) or revisions per module. */
  churn?: number;
  churnUnit?: 'lines per line' | 'revisions per module';
  recentlyChangedShare?: number;
  hotspotsPerKloc?: number;
  complexityPer100Lines?: number;
  deadShare: number;
  testedShare?: number;
}

export interface ContextRewriteSignals {
  context: string;
  name: string;
  figures: RewriteFigures;
  mostComplex?: { module: string; complexity: number };
  leansRewrite: string[];
  leansReuse: string[];
}

export interface RewriteSignals {
  method: string;
  /** The same figures for the whole repository (every module in a context or the kernel). */
  repository: RewriteFigures;
  contexts: ContextRewriteSignals[];
}

interface ModuleFacts {
  id: string;
  lines: number;
  complexity?: number;
}

export function analyzeRewriteSignals(
  model: SystemModel,
  d: Decomposition,
  hotspots: HotspotsResult | undefined,
  unreferenced: UnreferencedResult,
  safetyNet: TestSafetyNet | undefined,
): RewriteSignals {
  const history = model.history?.available ? model.history : undefined;
  const newest = history?.lastCommit ? Date.parse(history.lastCommit) : undefined;
  const moduleHistory = new Map((history?.modules ?? []).map((m) => [m.module, m]));
  const byId = new Map(model.modules.map((m) => [m.id, m]));
  const ranked = hotspots?.hotspots ?? [];
  const hot = new Set(ranked.slice(0, Math.max(1, Math.ceil(ranked.length / 10))).map((h) => h.module));
  const dead = new Set(unreferenced.modules.map((m) => m.module));
  const coverage = new Map((safetyNet?.modules ?? []).map((m) => [m.module, m.coverage]));

  const figuresOf = (ids: readonly string[]): RewriteFigures => {
    const modules: ModuleFacts[] = ids.map((id) => byId.get(id)).filter((m): m is NonNullable<typeof m> => m !== undefined);
    const lines = modules.reduce((n, m) => n + m.lines, 0);
    const share = (pick: (m: ModuleFacts) => boolean) => round3(modules.filter(pick).reduce((n, m) => n + m.lines, 0) / Math.max(1, lines));
    const out: RewriteFigures = { deadShare: share((m) => dead.has(m.id)) };
    if (history && newest !== undefined) {
      const ages = modules.map((m) => moduleHistory.get(m.id)?.firstChanged).filter((x): x is string => x !== undefined).map((x) => Math.max(0, Math.round((newest - Date.parse(x)) / DAY_MS))).sort(compareNumbers);
      if (ages.length > 0) {
        out.medianAgeDays = ages[Math.floor((ages.length - 1) / 2)]!;
        out.oldestAgeDays = ages[ages.length - 1]!;
      }
      const withChurn = history.settings.churn;
      if (withChurn) {
        out.churn = round2(modules.reduce((n, m) => n + (moduleHistory.get(m.id)?.churn?.added ?? 0) + (moduleHistory.get(m.id)?.churn?.deleted ?? 0), 0) / Math.max(1, lines));
        out.churnUnit = 'lines per line';
      } else {
        out.churn = round2(modules.reduce((n, m) => n + (moduleHistory.get(m.id)?.revisions ?? 0), 0) / Math.max(1, modules.length));
        out.churnUnit = 'revisions per module';
      }
      out.recentlyChangedShare = share((m) => {
        const last = moduleHistory.get(m.id)?.lastChanged;
        return last !== undefined && newest - Date.parse(last) <= RECENT_DAYS * DAY_MS;
      });
      out.hotspotsPerKloc = round2((modules.filter((m) => hot.has(m.id)).length * 1000) / Math.max(1, lines));
    }
    if (modules.some((m) => m.complexity !== undefined)) out.complexityPer100Lines = round2((modules.reduce((n, m) => n + (m.complexity ?? 0), 0) * 100) / Math.max(1, lines));
    if (safetyNet) out.testedShare = share((m) => (coverage.get(m.id) ?? 'none') !== 'none');
    return out;
  };

  const repository = figuresOf([...d.contexts.flatMap((c) => c.modules), ...d.kernel]);
  const contexts = d.contexts.map((c): ContextRewriteSignals => {
    const figures = figuresOf(c.modules);
    const complex = c.modules
      .map((m) => byId.get(m))
      .filter((m): m is NonNullable<typeof m> => m?.complexity !== undefined)
      .sort((a, b) => compareNumbers(b.complexity!, a.complexity!) || compareStrings(a.id, b.id))[0];
    const { leansRewrite, leansReuse } = leanings(figures, repository);
    return { context: c.id, name: c.name, figures, ...(complex ? { mostComplex: { module: complex.id, complexity: complex.complexity! } } : {}), leansRewrite, leansReuse };
  });
  return { method: REWRITE_METHOD, repository, contexts };
}

function leanings(f: RewriteFigures, repo: RewriteFigures): { leansRewrite: string[]; leansReuse: string[] } {
  const rewrite: string[] = [];
  const reuse: string[] = [];
  const above = (x: number | undefined, r: number | undefined) => x !== undefined && r !== undefined && r > 0 && x >= 1.5 * r;
  if (above(f.medianAgeDays, repo.medianAgeDays)) rewrite.push(`old: median age ${f.medianAgeDays} days (repository ${repo.medianAgeDays})`);
  if (above(f.churn, repo.churn)) rewrite.push(`churning: ${f.churn} ${f.churnUnit} (repository ${repo.churn})`);
  if (above(f.hotspotsPerKloc, repo.hotspotsPerKloc)) rewrite.push(`hot: ${f.hotspotsPerKloc} hotspots per 1,000 lines (repository ${repo.hotspotsPerKloc})`);
  if (above(f.complexityPer100Lines, repo.complexityPer100Lines)) rewrite.push(`complex: ${f.complexityPer100Lines} decisions per 100 lines (repository ${repo.complexityPer100Lines})`);
  if (f.deadShare >= 0.3) rewrite.push(`${Math.round(f.deadShare * 100)}% of its lines are dead-code candidates`);
  if (f.testedShare !== undefined && f.testedShare < 0.2) rewrite.push(`${Math.round(f.testedShare * 100)}% of its lines reached by tests`);
  if (f.recentlyChangedShare !== undefined && f.recentlyChangedShare >= 0.5) reuse.push(`maintained: ${Math.round(f.recentlyChangedShare * 100)}% of its lines changed in the last 90 days`);
  if (f.testedShare !== undefined && f.testedShare >= 0.6) reuse.push(`tested: ${Math.round(f.testedShare * 100)}% of its lines reached by tests`);
  if (f.complexityPer100Lines !== undefined && repo.complexityPer100Lines !== undefined && f.complexityPer100Lines < repo.complexityPer100Lines) reuse.push(`simpler than the repository: ${f.complexityPer100Lines} decisions per 100 lines (repository ${repo.complexityPer100Lines})`);
  return { leansRewrite: rewrite, leansReuse: reuse };
}
