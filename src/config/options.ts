/**
 * Analysis options: one typed record shared by the CLI, the config file and the API, with defaults.
 */
import { DEFAULT_MAINTENANCE_PATTERN } from '../model/build-history-model.js';
import { DEFAULT_WEIGHTS, type GraphWeights } from '../model/graph-weights.js';
import type { Granularity, Role } from '../model/types.js';

export interface AnalyzeOptions {
  /** How files are grouped into modules. Default `file`. */
  granularity: Granularity;
  /** Globs a file must match to be analysed (repo-relative). Default: none, i.e. everything. */
  include: string[];
  /** Globs of files and folders to leave out (repo-relative). Default: none. */
  exclude: string[];
  /** Files larger than this many bytes are skipped with a diagnostic. Default 1,048,576 (1 MiB). */
  maxFileBytes: number;
  /** Analyse test files as modules. Default false: tests do not belong to a service. */
  includeTests: boolean;
  /** Extra entry-point globs, never reported as unreferenced. Default none. */
  entryPoints: string[];
  /** Run the symbol stage (calls, `new`, JSX, inheritance across files). Default true. */
  symbols: boolean;
  /** Resolve TypeScript symbols through the type checker instead of syntax and declared types. Default false. */
  deep: boolean;
  /** Cache per-file facts and the history outside the repository. Default true. */
  cache: boolean;
  /** The cache folder. Default: the user cache folder (XDG_CACHE_HOME or ~/.cache, /msa-split). */
  cacheDir?: string;
  /** Minimum number of other areas using a module for it to be a shared-kernel candidate. Default 3. */
  kernelMinAreas: number;
  /** Collect the database signal (schema, table accesses, joins). Default true. */
  db: boolean;
  /** SQL dialect to parse with first; auto-detected when absent (driver packages, Prisma provider, syntax). */
  dialect?: string;
  /** In .sql files over this size, INSERT/REPLACE/COPY data statements are counted, not parsed. Default 1 MiB. */
  bulkThresholdBytes: number;
  /** Collect the history signal from git. Default true. */
  history: boolean;
  /** Only commits after this date (git --since syntax). Default: all. */
  since?: string;
  /** Only commits before this date. Default: all. */
  until?: string;
  /** At most this many commits, newest first. Default: all. */
  maxCommits?: number;
  /** Branch or revision whose history is read. Default HEAD. */
  branch?: string;
  /** Read history from a git folder outside the analyzed work tree (a .git file or link, or borrowed objects, leading there). Default false: such a history is left out with a diagnostic. */
  allowOutsideGitDir: boolean;
  /** The git program to run; default: the first `git` on the absolute PATH entries outside the analyzed repository. */
  git?: string;
  /** Stop a git process that prints nothing for this many seconds (a blocked read in a hostile repository). Default 120. */
  gitTimeout: number;
  /** Count merge commits too. Default false. */
  includeMerges: boolean;
  /** Read added/deleted lines per commit (git --numstat, slower). Default false. */
  churn: boolean;
  /** Authors whose name or e-mail contains one of these (case-insensitive) are bots, excluded and counted. Default [bot], dependabot, renovate. */
  botPatterns: string[];
  /** How commits are grouped for change coupling: commit, author-window:HOURS, ticket:REGEX. Default commit. */
  coupleBy: string;
  /** Change sets touching more files than this are left out of coupling (code-maat's default). Default 30. */
  maxChangesetSize: number;
  /** Commits of 5 files or more whose subject matches this RE2 pattern are maintenance (licence headers, formatting, lint, renames, bumps) and left out of coupling; '' turns it off. Default: see DEFAULT_MAINTENANCE_PATTERN. */
  maintenancePattern: string;
  /** Minimum mean revisions of a pair for change coupling. Default 5. */
  minRevs: number;
  /** Minimum shared change sets of a pair. Default 5. */
  minShared: number;
  /** Minimum coupling degree (percent). Default 30. */
  minCoupling: number;
  /** Propose contexts, score them and plan the migration. Default true. */
  cluster: boolean;
  /** First seed of the seeded clustering runs. Default 1. */
  seed: number;
  /** Seeded clustering runs merged into the consensus. Default 20. */
  runs: number;
  /** Louvain resolution (higher: more, smaller contexts). Default 1. */
  resolution: number;
  /** Target number of contexts; when set, the resolution is searched for it. Default: unset. */
  contexts?: number;
  /** Contexts with fewer modules merge into their strongest neighbour. Default 3. */
  minContextSize: number;
  /** Signal weights (`code`, `data`, `history`) and per-kind weights of the module graph. Default see cluster/build-module-graph.ts. */
  weights: GraphWeights;
  /** A decision file to score instead of a proposal (model/decision-file.ts); what it leaves open is placed. Default: none (propose). */
  decomposition?: string;
  /** Globs that add modules to the shared kernel; `!glob` takes them out. Default none. */
  kernel: string[];
  /** Role overrides: glob -> role (domain, application, interface, persistence, configuration, infrastructure, tooling, generated); the first matching glob wins. Default none. */
  roles: Record<string, Role>;
  /** Business priority per context (by context name or module glob) for the migration order after the pilot; higher first. Default none (0 for every context). */
  priorities: Record<string, number>;
}

export const DEFAULT_OPTIONS: AnalyzeOptions = {
  granularity: { kind: 'file' },
  include: [],
  exclude: [],
  maxFileBytes: 1024 * 1024,
  includeTests: false,
  entryPoints: [],
  symbols: true,
  deep: false,
  cache: true,
  kernelMinAreas: 3,
  db: true,
  bulkThresholdBytes: 1024 * 1024,
  history: true,
  allowOutsideGitDir: false,
  gitTimeout: 120,
  includeMerges: false,
  churn: false,
  botPatterns: ['[bot]', 'dependabot', 'renovate'],
  coupleBy: 'commit',
  maxChangesetSize: 30,
  maintenancePattern: DEFAULT_MAINTENANCE_PATTERN,
  minRevs: 5,
  minShared: 5,
  minCoupling: 30,
  cluster: true,
  seed: 1,
  runs: 20,
  resolution: 1,
  minContextSize: 3,
  weights: DEFAULT_WEIGHTS,
  kernel: [],
  roles: {},
  priorities: {},
};

/** Output options (CLI and config file). */
export interface OutputOptions {
  /** Folder to write reports into; nothing is written without it. */
  out?: string;
  /** Report formats to write. Default `json,md`. */
  format: string[];
}

export const DEFAULT_FORMATS = ['json', 'md', 'decomposition'];

/**
 * Upper bounds of numeric options, from a flag or a config file alike: a config file inside the
 * analyzed repository must not be able to lift a budget (read a 10 GB file, wait on git for a day,
 * run 100,000 clustering passes).
 */
export const OPTION_LIMITS: Readonly<Record<string, number>> = {
  maxFileBytes: 256 * 1024 * 1024,
  bulkThresholdBytes: 1024 * 1024 * 1024,
  gitTimeout: 3600,
  runs: 1000,
  contexts: 10_000,
  maxChangesetSize: 1_000_000,
};
