/**
 * Every option a user can set, in one table: its JSON Schema (the config file schema and the
 * validation are built from it), its flag and help line, the commands that take it, and who may set
 * it. The CLI builds its flags from this table and the library API validates against it, so an
 * option is declared once.
 */
import { DIALECTS } from '../model/dialects.js';
import { ROLES } from '../model/types.js';
import { DEFAULT_WEIGHTS } from '../model/graph-weights.js';
import { DEFAULT_FORMATS, DEFAULT_OPTIONS, OPTION_LIMITS } from './options.js';

/** The commands that take analysis options. */
export type CommandName = 'analyze' | 'check' | 'history' | 'db' | 'graph' | 'init';

/** Help sections, in the order `--help` prints them. */
export const OPTION_GROUPS = ['Input', 'Database', 'History', 'Contexts', 'Output'] as const;
export type OptionGroup = (typeof OPTION_GROUPS)[number];

/** A JSON Schema fragment (the subset this table uses). */
export interface SchemaFragment {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  enum?: readonly string[];
  items?: SchemaFragment;
  properties?: Record<string, SchemaFragment>;
  additionalProperties?: boolean | SchemaFragment;
  propertyNames?: SchemaFragment;
  oneOf?: SchemaFragment[];
  minLength?: number;
}

export interface OptionSpec {
  schema: SchemaFragment;
  /** What a valid value looks like, for messages ("a whole number from 1 to 1000"). */
  expected: string;
  group: OptionGroup;
  /** The flag, e.g. `--min-revs <n>`; `--no-db` for a default-true switch; absent: config file only. */
  flag?: string;
  short?: string;
  /** Commands whose flags include it (all analysis commands read it from a config file). */
  commands: readonly CommandName[];
  /**
   * Who may set it: `anyone` (flag, any config file, API); `user` (flag, a config file named with
   * --config, API: not a config file found in the analyzed repository); `flag` (flag and API only).
   */
  setBy: 'anyone' | 'user' | 'flag';
  /** A flag value is a comma-separated list. */
  commaList?: boolean;
  /** The help line of a `--no-` flag (the description says what the option does when on). */
  offHelp?: string;
}

const ALL: readonly CommandName[] = ['analyze', 'check', 'history', 'db', 'graph', 'init'];
const HISTORY: readonly CommandName[] = ['analyze', 'check', 'history', 'graph'];
const CONTEXTS: readonly CommandName[] = ['analyze', 'check', 'graph'];
/** The history window's flags: `check` has its own `--since REV` (what changed since a revision). */
const HISTORY_WINDOW: readonly CommandName[] = ['analyze', 'history', 'graph'];

const whole = (description: string, max?: number, min = 1): Pick<OptionSpec, 'schema' | 'expected'> => ({
  schema: { type: 'integer', description, minimum: min, ...(max !== undefined ? { maximum: max } : {}) },
  expected: `a whole number from ${min}${max !== undefined ? ` to ${max}` : ''}`,
});
const globs = (description: string): Pick<OptionSpec, 'schema' | 'expected'> => ({
  schema: { type: 'array', description, items: { type: 'string', minLength: 1 } },
  expected: 'a list of globs',
});
const bool = (description: string): Pick<OptionSpec, 'schema' | 'expected'> => ({ schema: { type: 'boolean', description }, expected: 'true or false' });
const text = (description: string): Pick<OptionSpec, 'schema' | 'expected'> => ({ schema: { type: 'string', description, minLength: 1 }, expected: 'a non-empty string' });

/**
 * Dates git reads and this tool checks before running it: an ISO date (2024-01-31, optionally with a
 * time), `N <unit>(s) ago`, yesterday, today, now, or a Unix time `@1706659200`.
 */
export const DATE_PATTERN =
  '^(\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?)?|\\d+ (second|minute|hour|day|week|month|year)s? ago|yesterday|today|now|@\\d+)$';
const DATE_EXPECTED = "a date such as 2024-01-31, '2024-01-31 12:00', '6 months ago', yesterday or @1706659200";

const KIND_NAMES = Object.keys(DEFAULT_WEIGHTS.kinds).sort();

export const OPTION_TABLE = {
  granularity: {
    schema: { type: 'string', description: 'How files are grouped into modules: file, dir:N (N = 1, 2, ...), package.', pattern: '^(file|package|dir:[1-9]\\d{0,2})$', default: 'file' },
    expected: 'one of file, dir:N (N = 1, 2, ...), package',
    group: 'Input', flag: '--granularity <g>', short: '-g', commands: ALL, setBy: 'anyone',
  },
  include: { ...globs('Only analyze files matching these globs (repo-relative).'), group: 'Input', flag: '--include <glob>', commands: ALL, setBy: 'anyone' },
  exclude: { ...globs('Leave out files and folders matching these globs.'), group: 'Input', flag: '--exclude <glob>', commands: ALL, setBy: 'anyone' },
  entryPoints: { ...globs('Extra entry points, never reported as unreferenced.'), group: 'Input', commands: ALL, setBy: 'anyone' },
  includeTests: { ...bool('Analyze test files as modules too (no test safety net then).'), group: 'Input', flag: '--include-tests', commands: ALL, setBy: 'anyone' },
  maxFileBytes: { ...whole('Skip source files larger than this many bytes.', OPTION_LIMITS.maxFileBytes), group: 'Input', flag: '--max-file-bytes <n>', commands: ALL, setBy: 'anyone' },
  symbols: { ...bool('Resolve calls, new, JSX, extends and implements across files.'), group: 'Input', offHelp: 'skip the symbol stage (calls, new, JSX, extends, implements)', flag: '--no-symbols', commands: ['analyze', 'check', 'graph', 'init'], setBy: 'anyone' },
  deep: { ...bool('Resolve TypeScript calls through the type checker (builds a whole program: slower, a few more edges); default: from syntax, import bindings and declared types.'), group: 'Input', flag: '--deep', commands: ['analyze', 'check', 'graph'], setBy: 'anyone' },
  cache: { ...bool('Cache per-file facts and the read history outside the repository, so a re-run parses only what changed.'), group: 'Input', offHelp: 'parse every file and read the whole history again (no cache read or written)', flag: '--no-cache', commands: ALL, setBy: 'anyone' },
  cacheDir: { ...text('The cache folder (default: the user cache folder, e.g. ~/.cache/msa-split); never inside the analyzed repository.'), group: 'Input', flag: '--cache-dir <dir>', commands: ALL, setBy: 'user' },
  kernelMinAreas: { ...whole('A module used from at least this many areas is a shared-kernel candidate.', 1000), group: 'Contexts', commands: ALL, setBy: 'anyone' },

  db: { ...bool('Collect the database signal (schema, table accesses, joins).'), group: 'Database', offHelp: 'skip the database stage (schema, table accesses, joins)', flag: '--no-db', commands: ['analyze', 'check', 'graph', 'init'], setBy: 'anyone' },
  dialect: {
    schema: { type: 'string', description: 'SQL dialect to parse with first (default: detected).', enum: DIALECTS },
    expected: `one of ${DIALECTS.join(', ')}`,
    group: 'Database', flag: '--dialect <name>', commands: ['analyze', 'check', 'db', 'graph', 'init'], setBy: 'anyone',
  },
  bulkThresholdBytes: { ...whole('In .sql files over this size, data statements are counted, not parsed.', OPTION_LIMITS.bulkThresholdBytes), group: 'Database', commands: ALL, setBy: 'anyone' },

  history: { ...bool('Collect the history signal (git log).'), group: 'History', offHelp: 'skip the history stage (git log)', flag: '--no-history', commands: ['analyze', 'check', 'graph', 'init'], setBy: 'anyone' },
  since: { schema: { type: 'string', description: 'Only commits after this date.', pattern: DATE_PATTERN }, expected: DATE_EXPECTED, group: 'History', flag: '--since <date>', commands: HISTORY_WINDOW, setBy: 'anyone' },
  until: { schema: { type: 'string', description: 'Only commits before this date.', pattern: DATE_PATTERN }, expected: DATE_EXPECTED, group: 'History', flag: '--until <date>', commands: HISTORY_WINDOW, setBy: 'anyone' },
  maxCommits: { ...whole('At most this many commits, newest first.', 100_000_000), group: 'History', flag: '--max-commits <n>', commands: HISTORY, setBy: 'anyone' },
  branch: { ...text('Branch or revision whose history is read (default HEAD).'), group: 'History', flag: '--branch <rev>', commands: HISTORY, setBy: 'anyone' },
  includeMerges: { ...bool('Count merge commits too.'), group: 'History', flag: '--include-merges', commands: HISTORY, setBy: 'anyone' },
  allowOutsideGitDir: {
    ...bool('Read a git folder that a .git file or link places outside the repository.'),
    group: 'History', flag: '--allow-outside-git-dir', commands: HISTORY, setBy: 'flag',
  },
  git: { ...text('The git program to run (default: git on the absolute PATH entries outside the repository).'), group: 'History', flag: '--git <path>', commands: HISTORY, setBy: 'flag' },
  gitTimeout: { ...whole('Stop git when it prints nothing for this many seconds.', OPTION_LIMITS.gitTimeout), group: 'History', flag: '--git-timeout <seconds>', commands: HISTORY, setBy: 'anyone' },
  churn: { ...bool('Read added/deleted lines (git --numstat, slower).'), group: 'History', flag: '--churn', commands: HISTORY, setBy: 'anyone' },
  botPatterns: {
    schema: { type: 'array', description: 'Authors whose name or e-mail contains one of these (case-insensitive) are bots.', items: { type: 'string', minLength: 1 } },
    expected: 'a list of author patterns',
    group: 'History', flag: '--bots <list>', commands: HISTORY, setBy: 'anyone', commaList: true,
  },
  coupleBy: {
    schema: { type: 'string', description: 'Change sets for coupling: commit, author-window:HOURS, ticket:REGEX.', pattern: '^(commit|author-window:\\d+(\\.\\d+)?|ticket:.+)$' },
    expected: 'one of commit, author-window:HOURS, ticket:REGEX',
    group: 'History', flag: '--couple-by <how>', commands: HISTORY, setBy: 'anyone',
  },
  maxChangesetSize: { ...whole('Change sets touching more files are left out of coupling.', OPTION_LIMITS.maxChangesetSize), group: 'History', flag: '--max-changeset-size <n>', commands: HISTORY, setBy: 'anyone' },
  maintenancePattern: {
    schema: { type: 'string', description: "Commits of 5+ files whose subject matches this RE2 pattern are maintenance, left out of coupling ('' = off)." },
    expected: 'an RE2 pattern or an empty string',
    group: 'History', flag: '--maintenance-pattern <re2>', commands: HISTORY, setBy: 'anyone',
  },
  minRevs: { ...whole('Minimum mean revisions of a coupled pair.', 1_000_000), group: 'History', flag: '--min-revs <n>', commands: HISTORY, setBy: 'anyone' },
  minShared: { ...whole('Minimum shared change sets of a coupled pair.', 1_000_000), group: 'History', flag: '--min-shared <n>', commands: HISTORY, setBy: 'anyone' },
  minCoupling: { ...whole('Minimum coupling degree in percent.', 100), group: 'History', flag: '--min-coupling <n>', commands: HISTORY, setBy: 'anyone' },

  cluster: { ...bool('Propose contexts, score them and plan the migration.'), group: 'Contexts', offHelp: 'skip candidate contexts, scores and the migration plan', flag: '--no-cluster', commands: ['analyze'], setBy: 'anyone' },
  contexts: { ...whole('Target number of contexts (searches the resolution; small = go macro first).', OPTION_LIMITS.contexts), group: 'Contexts', flag: '--contexts <n>', commands: CONTEXTS, setBy: 'anyone' },
  resolution: {
    schema: { type: 'number', description: 'Louvain resolution: higher gives more, smaller contexts.', exclusiveMinimum: 0, maximum: 1000 },
    expected: 'a number above 0 and at most 1000',
    group: 'Contexts', flag: '--resolution <r>', commands: CONTEXTS, setBy: 'anyone',
  },
  seed: { ...whole('First seed of the clustering runs (same seed, same output).', 2 ** 31 - 1), group: 'Contexts', flag: '--seed <n>', commands: CONTEXTS, setBy: 'anyone' },
  runs: { ...whole('Seeded clustering runs merged into the consensus.', OPTION_LIMITS.runs), group: 'Contexts', flag: '--runs <n>', commands: CONTEXTS, setBy: 'anyone' },
  minContextSize: { ...whole('Smaller contexts merge into their strongest neighbour.', 10_000), group: 'Contexts', flag: '--min-context-size <n>', commands: CONTEXTS, setBy: 'anyone' },
  weights: {
    schema: {
      type: 'object',
      description: 'Signal weights (code, data, history) and per-kind weights of the module graph.',
      properties: {
        code: { type: 'number', minimum: 0, maximum: 1000 },
        data: { type: 'number', minimum: 0, maximum: 1000 },
        history: { type: 'number', minimum: 0, maximum: 1000 },
        kinds: { type: 'object', propertyNames: { enum: KIND_NAMES }, additionalProperties: { type: 'number', minimum: 0, maximum: 1000 } },
      },
      additionalProperties: false,
    },
    expected: `code=N,data=N,history=N (a flag) or an object { code, data, history, kinds: { ${KIND_NAMES.join(', ')} } } with numbers >= 0`,
    group: 'Contexts', flag: '--weights <list>', commands: CONTEXTS, setBy: 'anyone',
  },
  decomposition: { ...text('A decision file (msa-split.decomposition.yaml) to score instead of proposing contexts; what it leaves open is placed and listed.'), group: 'Contexts', flag: '--decomposition <file>', commands: CONTEXTS, setBy: 'user' },
  kernel: { ...globs('Add modules to the shared kernel; !glob takes them out.'), group: 'Contexts', flag: '--kernel <glob>', commands: CONTEXTS, setBy: 'anyone' },
  priorities: {
    schema: {
      type: 'object',
      description: 'Business priority per context for the migration order, by context name or module glob, e.g. { "payments": 2, "src/orders/**": 1 }; higher moves earlier (after the pilot), default 0.',
      propertyNames: { minLength: 1 },
      additionalProperties: { type: 'number', minimum: -1000, maximum: 1000 },
    },
    expected: 'an object of context name or module glob -> number from -1000 to 1000',
    group: 'Contexts', commands: ['analyze', 'graph'], setBy: 'anyone',
  },
  roles: {
    schema: {
      type: 'object',
      description: 'Role overrides by glob, e.g. { "src/legacy/**": "tooling" }; the first matching glob wins.',
      propertyNames: { minLength: 1 },
      additionalProperties: { type: 'string', enum: ROLES },
    },
    expected: `an object of glob -> role (${ROLES.join(', ')})`,
    group: 'Input', commands: ALL, setBy: 'anyone',
  },

  out: { ...text('Folder to write the reports into (outside the analyzed repository).'), group: 'Output', flag: '--out <dir>', short: '-o', commands: ['analyze'], setBy: 'user' },
  format: {
    schema: {
      description: 'Report formats to write (json, md, decomposition, html, csv, cml, structurizr, dot, mermaid, graphml, svg).',
      oneOf: [{ type: 'array', items: { type: 'string', minLength: 1 } }, { type: 'string', minLength: 1 }],
    },
    expected: 'a list of format names or a comma-separated string',
    group: 'Output', flag: '--format <list>', short: '-f', commands: ['analyze'], setBy: 'anyone', commaList: true,
  },
} satisfies Record<string, OptionSpec>;

export type OptionKey = keyof typeof OPTION_TABLE;

/** Defaults as a user would type them (granularity as text), for help lines and the config schema. */
export const SHOWN_DEFAULTS: Partial<Record<OptionKey, unknown>> = {
  ...Object.fromEntries(Object.entries(DEFAULT_OPTIONS).filter(([k]) => k !== 'weights' && k !== 'granularity' && k !== 'roles')),
  granularity: 'file',
  format: DEFAULT_FORMATS,
};
