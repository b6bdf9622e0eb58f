/** The data report.html carries (built by render-html.ts, read by page.ts in the browser). */
import type { CyclesResult } from '../analyze/cycles.js';
import type { SharedKernelResult } from '../analyze/shared-kernel.js';
import type { DecideOptions } from '../cluster/decide-decomposition.js';
import type { DecisionFile } from '../model/decision-file.js';
import type { SystemModel } from '../model/types.js';
import type { Block } from '../report/blocks.js';

/** What the page re-scores a decomposition from (report/what-if-data.ts builds it, page/what-if.ts reads it). */
export interface WhatIfData {
  /** The model without what no score reads (evidence lists, files, literals, tests, commit lists). */
  model: SystemModel;
  sharedKernel: SharedKernelResult;
  cycles: CyclesResult;
  /** Unreferenced modules (dead-code candidates), for the plan. */
  dead: string[];
  options: DecideOptions & { priorities: Record<string, number> };
  /** The decision file the page starts from. */
  base: DecisionFile;
}

export interface PageContext {
  id: string;
  name: string;
  lines: number;
  modules: number;
  tables: string[];
  cohesion: number;
  coupling: number;
  afferent: number;
  efferent: number;
  api: number;
  confidence: number;
  /** Distinctive business terms, best first. */
  terms: string[];
  /** Set when the context looks like a technical layer. */
  warning: string;
  /** The recommended macro context holding it ('' when none). */
  macro: string;
  /** Why it holds together, its data, API surface and risks: lines for the side panel. */
  explain: string[];
}

export interface PageData {
  title: string;
  version: string;
  /** The hand-out's first page: label and value per line. */
  summary: [string, string][];
  method: string;
  global: { modularity: number; turboMQ: number; interCallPercentage: number } | null;
  contexts: PageContext[];
  /** `why`: its strongest tie inside its context and its next-best context, with the signals behind each. */
  /** `badges`: its role, set-aside and side as short words (`domain`, `platform`, `server`), for badges. */
  modules: { id: string; ctx: string; lines: number; role: string; side: string; badges: string[]; why: string[] }[];
  edges: { s: string; t: string; w: number; k: string; ev: string }[];
  tables: { table: string; owner: string; cells: Record<string, string> }[];
  plan: { step: number; ctx: string; name: string; pilot: boolean; dead: boolean; why: string; modules: string[]; api: string[]; tables: string[]; fks: string[]; joins: string[]; transactions: string[]; cycles: string[]; tests: string[]; keepGreen: string[] }[];
  hotspots: { rank: number; module: string; revisions: number; lines: number; score: number; author: string }[];
  coupling: { a: string; b: string; degree: number; shared: number }[];
  diagnostics: { severity: string; code: string; where: string; message: string }[];
  /** Quality over the number of contexts and the recommended macro/micro levels ('' when none). */
  levels: string;
  curve: { contexts: number; modularity: number; icp: number; ned: number; cohesion: number; coupling: number; cost: number }[];
  /** Per table: owner, strategy, who else uses it, what crosses. */
  verdicts: { table: string; owner: string; strategy: string; others: string; crossing: string; why: string }[];
  /** Transactions writing tables of two or more contexts. */
  transactions: { transaction: string; context: string; writes: string; where: string }[];
  facades: { module: string; context: string; reaches: string }[];
  unplaced: { module: string; reason: string }[];
  pilots: { name: string; tradeOff: string }[];
  /** The split checks (safety net, change smells, language, size, reuse or rewrite) as headings, notes and tables. */
  /** The decision file's sections (decision log, placed modules, review), absent for a proposal. */
  decisions: PageData['checks'];
  /** What changed since an earlier analysis (`report --compare OLD.json`); empty otherwise. */
  changes: PageData['checks'];
  /** Everything the what-if needs; null when clustering was skipped. */
  whatIf: WhatIfData | null;
  checks: Block[];
}
