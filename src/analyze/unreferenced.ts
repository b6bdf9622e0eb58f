/**
 * Dead-code candidates: modules nothing references.
 * Input: the model's code edges of every kind and its entry points. Output: modules with no inbound
 * edge that are not entry points (`direct`), then, repeatedly, modules whose only referrers are such
 * candidates (`only-from-dead`, with the referrers named). Entry points (package.json main/bin/exports,
 * conventional main/index/server files, scripts, tool configs, tests, user globs, framework-created
 * classes and files) and set-aside modules (tooling, generated, platform) are never candidates.
 * A candidate is a question for the team, not a verdict: reflection, string-based loading and code
 * used only by other repositories are invisible here.
 */
import { compareStrings } from '../model/compare.js';
import type { SystemModel } from '../model/types.js';
import { ALL_CODE_KINDS, buildDependencyGraph } from './dependency-graph.js';

export interface UnreferencedModule {
  module: string;
  lines: number;
  reason: 'direct' | 'only-from-dead';
  /** For `only-from-dead`: the dead modules that still reference it. */
  referencedBy: string[];
}

export interface UnreferencedResult {
  /** Sorted: direct first, then by module id. */
  modules: UnreferencedModule[];
  /** Entry points excluded from the check, with their reasons. */
  entryPoints: { module: string; reason: string }[];
  /** Total lines in candidates. */
  lines: number;
  /** Caveat shown with the list, e.g. when no entry point was found. */
  note?: string;
}

export function analyzeUnreferenced(model: SystemModel): UnreferencedResult {
  const graph = buildDependencyGraph(model, ALL_CODE_KINDS);
  const entry = new Map(model.modules.filter((m) => m.entryPoint).map((m) => [m.id, m.entryPoint!]));
  // Tooling, generated code and the platform's wiring are never "delete" candidates: a tool loads its
  // config, a generator owns its output, a framework starts its composition roots.
  for (const m of model.modules) if (m.role?.setAside && !entry.has(m.id)) entry.set(m.id, m.role.setAside === 'tooling' ? `${m.role.role}: ${m.role.rule}` : `platform: ${m.role.rule}`);
  const lines = new Map(model.modules.map((m) => [m.id, m.lines]));
  const dead = new Map<string, UnreferencedModule>();
  for (const m of model.modules) {
    if (!entry.has(m.id) && graph.in.get(m.id)!.length === 0) {
      dead.set(m.id, { module: m.id, lines: m.lines, reason: 'direct', referencedBy: [] });
    }
  }
  // Propagate: a module referenced only by dead modules is dead too. Without any known entry point
  // everything would cascade into "dead", which says nothing: then only direct candidates are listed.
  for (let changed = entry.size > 0; changed; ) {
    changed = false;
    for (const m of model.modules) {
      if (dead.has(m.id) || entry.has(m.id)) continue;
      const referrers = graph.in.get(m.id)!.map((x) => x.from);
      if (referrers.length > 0 && referrers.every((r) => dead.has(r))) {
        dead.set(m.id, { module: m.id, lines: lines.get(m.id) ?? 0, reason: 'only-from-dead', referencedBy: [...referrers].sort(compareStrings) });
        changed = true;
      }
    }
  }
  const modules = [...dead.values()].sort(
    (a, b) => (a.reason === b.reason ? 0 : a.reason === 'direct' ? -1 : 1) || compareStrings(a.module, b.module),
  );
  return {
    modules,
    entryPoints: [...entry.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([module, reason]) => ({ module, reason })),
    lines: modules.reduce((n, m) => n + m.lines, 0),
    ...(entry.size === 0
      ? { note: 'no entry point found (package.json main/bin/exports, main/index/server files): only modules with no referrer at all are listed; declare entryPoints to find more' }
      : {}),
  };
}
