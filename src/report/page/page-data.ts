/** The data report.html carries (built by render-html.ts, read by page.ts in the browser). */
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
  method: string;
  global: { modularity: number; turboMQ: number; interCallPercentage: number } | null;
  contexts: PageContext[];
  /** `why`: its strongest tie inside its context and its next-best context, with the signals behind each. */
  modules: { id: string; ctx: string; lines: number; role: string; side: string; why: string[] }[];
  edges: { s: string; t: string; w: number; k: string; ev: string }[];
  tables: { table: string; owner: string; cells: Record<string, string> }[];
  plan: { step: number; name: string; pilot: boolean; dead: boolean; why: string; modules: string[]; api: string[]; tables: string[]; fks: string[]; joins: string[]; transactions: string[]; cycles: string[]; tests: string[]; keepGreen: string[] }[];
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
  checks: ({ kind: 'heading'; level: 2 | 3; text: string } | { kind: 'note'; text: string } | { kind: 'table'; head: string[]; rows: (string | number)[][]; total: number })[];
}
