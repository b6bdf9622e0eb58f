/**
 * After clustering: modules that serve every context alike, or wire them all, do not belong to one.
 * Input: the model and a proposed decomposition. Output: the decomposition with such modules moved
 * out of their contexts (to the kernel or the platform), and the reason per module.
 * Rules (runtime code edges; type-only imports left out; modules that map or access a table stay),
 * with k = min(3, contexts - 1) other contexts:
 * - shared: technical code (role infrastructure or configuration) used from k or more other
 *   contexts, which together hold at least half of its uses (an auth middleware every router uses)
 *   -> kernel; domain code used everywhere (a value object) stays: it is some context's published model;
 * - wiring: imports k or more other contexts without calling into any of them, no module of any
 *   context uses it, and no framework fact explains it (a routes barrel registering every router)
 *   -> platform. A module that calls into several
 *   contexts is a facade (find-facades.ts), not wiring.
 */
import { compareStrings } from '../model/compare.js';
import { contextIndex } from '../model/context-index.js';
import type { Decomposition, SystemModel } from '../model/types.js';

export const SPREAD_MIN_CONTEXTS = 3;

export interface LiftedModules {
  decomposition: Decomposition;
  kernel: { module: string; reason: string }[];
  platform: { module: string; reason: string }[];
}

export function liftSpreadModules(model: SystemModel, d: Decomposition): LiftedModules {
  if (d.contexts.length < 3) return { decomposition: d, kernel: [], platform: [] };
  const k = Math.min(SPREAD_MIN_CONTEXTS, d.contexts.length - 1);
  const ctxOf = contextIndex(d, { withKernel: false });
  const role = new Map(model.modules.map((m) => [m.id, m.role?.role]));
  // Only a module no framework fact explains can be hidden wiring: a Spring component or an Angular
  // page that imports many contexts is a framework entry point, judged elsewhere (facades, sides).
  const byPathRule = new Set(model.modules.filter((m) => m.unit?.side !== 'browser' && /^(folder|name|default)\b/.test(m.role?.rule ?? 'default')).map((m) => m.id));
  const usedAtAll = new Set<string>();
  for (const e of model.edges) if (e.kind !== 'type-import' && e.from !== e.to && ctxOf.has(e.from)) usedAtAll.add(e.to);
  const data = new Set<string>();
  for (const t of model.data?.tables ?? []) for (const m of t.entityModules) data.add(m);
  for (const e of model.data?.edges ?? []) if (e.kind === 'table-access') data.add(e.from);
  const users = new Map<string, Map<string, number>>();
  const uses = new Map<string, Set<string>>();
  const calls = new Map<string, Set<string>>();
  for (const e of model.edges) {
    if (e.kind === 'type-import' || e.kind === 'http-call' || e.from === e.to) continue;
    const from = ctxOf.get(e.from);
    const to = ctxOf.get(e.to);
    if (from === undefined || to === undefined) continue;
    const row = users.get(e.to) ?? users.set(e.to, new Map()).get(e.to)!;
    row.set(from, (row.get(from) ?? 0) + e.weight);
    (uses.get(e.from) ?? uses.set(e.from, new Set()).get(e.from)!).add(to);
    if (e.kind === 'call') (calls.get(e.from) ?? calls.set(e.from, new Set()).get(e.from)!).add(to);
  }
  const kernel: LiftedModules['kernel'] = [];
  const platform: LiftedModules['platform'] = [];
  for (const c of d.contexts) {
    for (const m of c.modules) {
      if (data.has(m)) continue;
      const callers = users.get(m) ?? new Map<string, number>();
      const others = [...callers].filter(([x]) => x !== c.id);
      const total = [...callers.values()].reduce((n, w) => n + w, 0);
      const fromOthers = others.reduce((n, [, w]) => n + w, 0);
      const technical = ['infrastructure', 'configuration', undefined].includes(role.get(m));
      if (technical && others.length >= k && fromOthers * 2 >= total) {
        kernel.push({ module: m, reason: `used from ${others.length} other contexts (${fromOthers} of ${total} uses)` });
        continue;
      }
      const reaches = [...(uses.get(m) ?? [])].filter((x) => x !== c.id);
      const callsInto = [...(calls.get(m) ?? [])].filter((x) => x !== c.id);
      if (reaches.length >= k && callsInto.length === 0 && !usedAtAll.has(m) && byPathRule.has(m)) platform.push({ module: m, reason: `wires ${reaches.length} other contexts and no other context uses it` });
    }
  }
  if (kernel.length === 0 && platform.length === 0) return { decomposition: d, kernel, platform };
  const lifted = new Set([...kernel, ...platform].map((x) => x.module));
  const lines = new Map(model.modules.map((m) => [m.id, m.lines]));
  const contexts = d.contexts
    .map((c) => {
      const modules = c.modules.filter((m) => !lifted.has(m));
      return { ...c, modules, lines: modules.reduce((n, m) => n + (lines.get(m) ?? 0), 0) };
    })
    .filter((c) => c.modules.length > 0);
  return {
    decomposition: {
      ...d,
      contexts,
      kernel: [...d.kernel, ...kernel.map((k) => k.module)].sort(compareStrings),
      confidence: d.confidence.filter((x) => !lifted.has(x.module)),
    },
    kernel,
    platform,
  };
}
