/**
 * What report.html needs to re-score a decomposition in the browser (the what-if): the model without
 * what no score reads (evidence lists, files, SQL literals, tests, commit lists, change sets, authors), the
 * analyses deciding and planning read (shared-kernel candidates, cycles, unreferenced modules), the
 * options they read, and the decision file the page starts from: the analysis's own (`--decomposition`),
 * else its proposal written as decisions. The page runs the same functions as analyze on it
 * (page/what-if.ts), so the figures agree to the last digit.
 */
import type { SystemModel } from '../model/types.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import type { WhatIfData } from '../page/page-data.js';
import { decisionsOfResult } from './decisions-of-result.js';

export function whatIfData(result: AnalysisResult): WhatIfData | null {
  const base = decisionsOfResult(result);
  if (!base || !result.decomposition) return null;
  const o = result.options;
  return {
    model: leanModel(result.model),
    sharedKernel: result.analyses.sharedKernel,
    cycles: result.analyses.cycles,
    dead: result.analyses.unreferenced.modules.map((m) => m.module),
    options: { weights: o.weights, kernel: o.kernel, seed: o.seed, runs: o.runs, resolution: o.resolution, minContextSize: o.minContextSize, priorities: o.priorities ?? {} },
    base,
  };
}

function leanModel(model: SystemModel): SystemModel {
  const history = model.history;
  return {
    root: model.root,
    granularity: model.granularity,
    files: [],
    modules: model.modules.map(({ id, kind, files: _files, lines, languages, entryPoint, role, unit }) => ({
      id,
      kind,
      files: [],
      lines,
      languages,
      ...(entryPoint !== undefined ? { entryPoint } : {}),
      ...(role ? { role: { role: role.role, rule: role.rule, ...(role.setAside ? { setAside: role.setAside } : {}) } } : {}),
      ...(unit ? { unit } : {}),
    })),
    edges: model.edges.map((e) => ({ ...e, evidence: [] })),
    externals: [],
    unresolved: [],
    sqlLiterals: [],
    skipped: [],
    diagnostics: [],
    ...(model.data ? { data: { ...model.data, edges: model.data.edges.map((e) => ({ ...e, evidence: [] })) } } : {}),
    ...(history
      ? {
          history: {
            ...history,
            authors: [],
            maintenanceCommits: undefined,
            // Authors are e-mail addresses: the page shows names only, and no score reads them.
            modules: history.modules.map((m) => ({ module: m.module, revisions: m.revisions, lastChanged: m.lastChanged, authors: [], mainAuthor: '', ownership: m.ownership, fragmentation: m.fragmentation })),
            coChange: history.coChange.map((p) => ({ ...p, commits: [] })),
            changeSets: undefined,
          },
        }
      : {}),
  };
}
