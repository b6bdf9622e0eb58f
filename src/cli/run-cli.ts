/**
 * The command line: parses arguments, merges config file and flags (flags win), runs analyze,
 * prints the summary, writes reports. Exit codes: 0 done; 1 --strict and diagnostics found;
 * 2 usage or config error; 3 internal error (stack with --debug).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CONFIG_FILE_NAMES, loadConfig, type ConfigValues } from '../config/load-config.js';
import { DEFAULT_FORMATS, DEFAULT_OPTIONS, OPTION_LIMITS, type AnalyzeOptions } from '../config/options.js';
import { checkGlobs } from '../config/check-globs.js';
import { GRANULARITY_CHOICES, parseGranularity } from '../config/parse-granularity.js';
import { UsageError } from '../config/usage-error.js';
import { analyze, COUPLE_BY_CHOICES, parseCoupleBy, resolveRepositoryPath } from '../main/analyze.js';
import { readAnalysisFile } from '../main/read-analysis-file.js';
import { formatHistorySummary } from './print-history-summary.js';
import { parseWeights } from '../main/weights.js';
import { DIALECTS, isDialect } from '../main/dialects.js';
import { formatDbSummary } from './print-db-summary.js';
import { TOOL_VERSION } from '../main/tool-version.js';
import { checkFormats, GRAPH_FORMATS, renderGraph, renderReports, REPORTERS } from '../report/registry.js';
import { GRAPH_LEVELS, type GraphLevel } from '../report/graph-view.js';
import { formatSummary, makeChalk } from './print-summary.js';
import { createProgress } from './progress.js';
import { terminalSafe, terminalText } from './terminal-text.js';
import { checkOutputFolder, writeReports } from './write-reports.js';

export const EXIT = { ok: 0, gate: 1, usage: 2, internal: 3 } as const;

interface AnalyzeFlags {
  out?: string;
  format?: string;
  granularity?: string;
  include?: string[];
  exclude?: string[];
  config?: string;
  quiet?: boolean;
  debug?: boolean;
  strict?: boolean;
  symbols?: boolean;
  includeTests?: boolean;
  maxFileBytes?: string;
  db?: boolean;
  dialect?: string;
  history?: boolean;
  since?: string;
  until?: string;
  maxCommits?: string;
  branch?: string;
  includeMerges?: boolean;
  allowOutsideGitDir?: boolean;
  git?: string;
  gitTimeout?: string;
  churn?: boolean;
  bots?: string;
  coupleBy?: string;
  maxChangesetSize?: string;
  minRevs?: string;
  minShared?: string;
  minCoupling?: string;
  cluster?: boolean;
  seed?: string;
  runs?: string;
  resolution?: string;
  contexts?: string;
  minContextSize?: string;
  weights?: string;
  kernel?: string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  let debug = argv.includes('--debug');
  const program = new Command()
    .name('msa-split')
    .description('Find the seams of a monolith: code, data and history coupling, candidate services and a migration order.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  const withInputOptions = (command: Command): Command =>
    command
      .argument('[path]', 'folder of the repository to analyze', '.')
      .option('-g, --granularity <g>', `module granularity: ${GRANULARITY_CHOICES}`, 'file')
      .option('--include <glob>', 'only analyze files matching this glob (repeatable)', collect)
      .option('--exclude <glob>', 'leave out files or folders matching this glob (repeatable)', collect)
      .option('-c, --config <file>', `config file (default: ${CONFIG_FILE_NAMES.join(' or ')} in the analyzed folder)`)
      .option('--dialect <name>', `SQL dialect to parse with first (default: detected); one of ${DIALECTS.join(', ')}`)
      .option('--include-tests', 'analyze test files as modules too (default: left out)')
      .addOption(new Option('--max-file-bytes <n>', 'skip source files larger than this').default(String(DEFAULT_OPTIONS.maxFileBytes)))
      .option('--strict', 'exit 1 when any error or warning diagnostic was raised')
      .option('-q, --quiet', 'no progress and no summary (errors still go to stderr)')
      .option('--debug', 'show stack traces of internal errors');

  const withHistoryOptions = (command: Command): Command =>
    command
      .option('--since <date>', 'history: only commits after this date (git --since syntax)')
      .option('--until <date>', 'history: only commits before this date')
      .option('--max-commits <n>', 'history: at most this many commits, newest first')
      .option('--branch <rev>', 'history: branch or revision to read (default HEAD)')
      .option('--include-merges', 'history: count merge commits too (default: excluded)')
      .option('--allow-outside-git-dir', 'history: read a git folder that a .git file or link places outside the repository (default: left out)')
      .option('--git <path>', 'history: the git program to run (default: git on the absolute PATH entries outside the repository)')
      .option('--git-timeout <seconds>', 'history: stop git when it prints nothing for this long', String(DEFAULT_OPTIONS.gitTimeout))
      .option('--churn', 'history: read added/deleted lines (git --numstat, slower)')
      .option('--bots <list>', `history: comma-separated author patterns treated as bots (default: ${DEFAULT_OPTIONS.botPatterns.join(',')})`)
      .option('--couple-by <how>', `history: change sets for coupling: ${COUPLE_BY_CHOICES}`, DEFAULT_OPTIONS.coupleBy)
      .option('--max-changeset-size <n>', 'history: change sets touching more files are left out of coupling', String(DEFAULT_OPTIONS.maxChangesetSize))
      .option('--min-revs <n>', 'history: minimum mean revisions of a coupled pair', String(DEFAULT_OPTIONS.minRevs))
      .option('--min-shared <n>', 'history: minimum shared change sets of a coupled pair', String(DEFAULT_OPTIONS.minShared))
      .option('--min-coupling <n>', 'history: minimum coupling degree in percent', String(DEFAULT_OPTIONS.minCoupling));

  withHistoryOptions(withInputOptions(program.command('analyze').description('analyze a repository and print a summary; with --out, write the reports')))
    .option('-o, --out <dir>', 'write reports into this folder (must be outside the analyzed repository)')
    .option('-f, --format <list>', `comma-separated report formats: ${[...REPORTERS.keys()].join(', ')}`, DEFAULT_FORMATS.join(','))
    .option('--no-symbols', 'skip the type-checker stage (calls, new, extends, implements)')
    .option('--no-db', 'skip the database stage (schema, table accesses, joins)')
    .option('--no-history', 'skip the history stage (git log)')
    .option('--no-cluster', 'skip candidate contexts, scores and the migration plan')
    .option('--contexts <n>', 'target number of contexts (searches the resolution; small = go macro first)')
    .option('--resolution <r>', 'Louvain resolution: higher gives more, smaller contexts', String(DEFAULT_OPTIONS.resolution))
    .option('--seed <n>', 'first seed of the clustering runs (same seed, same output)', String(DEFAULT_OPTIONS.seed))
    .option('--runs <n>', 'seeded clustering runs merged into the consensus', String(DEFAULT_OPTIONS.runs))
    .option('--min-context-size <n>', 'smaller contexts merge into their strongest neighbour', String(DEFAULT_OPTIONS.minContextSize))
    .option('--weights <list>', 'signal weights, e.g. code=1,data=1,history=2 (per-kind weights in the config file)')
    .option('--kernel <glob>', 'add modules to the shared kernel; !glob takes them out (repeatable)', collect)
    .action(async (target: string, flags: AnalyzeFlags, command: Command) => {
      debug = !!flags.debug;
      exitCode = await runAnalyze(target, flags, (name) => command.getOptionValueSource(name) === 'cli');
    });

  withHistoryOptions(withInputOptions(program.command('history').description('print hotspots, change coupling and ownership from the git history')))
    .action(async (target: string, flags: AnalyzeFlags, command: Command) => {
      debug = !!flags.debug;
      exitCode = await runHistory(target, flags, (name) => command.getOptionValueSource(name) === 'cli');
    });

  program
    .command('report')
    .description('re-render a saved analysis.json in other formats without analyzing again')
    .argument('<analysis>', 'an analysis.json written by msa-split analyze --out')
    .option('-o, --out <dir>', 'folder to write into (default: the folder of analysis.json)')
    .option('-f, --format <list>', `comma-separated report formats: ${[...REPORTERS.keys()].join(', ')}`, DEFAULT_FORMATS.join(','))
    .option('-q, --quiet', 'print nothing')
    .option('--debug', 'show stack traces of internal errors')
    .action(async (file: string, flags: { out?: string; format: string; quiet?: boolean; debug?: boolean }) => {
      debug = !!flags.debug;
      const result = readAnalysisFile(file);
      const formats = checkFormats(flags.format.split(',').map((s) => s.trim()).filter(Boolean));
      const outDir = path.resolve(flags.out ?? path.dirname(path.resolve(file)));
      refuseReplacingAnotherAnalysis(file, outDir, formats);
      const written = writeReports(outDir, await renderReports(result, formats));
      if (!flags.quiet) for (const w of written) process.stdout.write(`${terminalText(w)}\n`);
    });

  withHistoryOptions(withInputOptions(program.command('graph').description('export one graph (module, context or table level) to stdout or a file')))
    .option('--no-history', 'skip the history stage (git log)')
    .option('-l, --level <level>', `graph level: ${GRAPH_LEVELS.join(', ')}`, 'context')
    .option('-f, --format <format>', `graph format: ${GRAPH_FORMATS.join(', ')}`, 'dot')
    .option('-o, --out <file>', 'write to this file instead of stdout (outside the analyzed repository)')
    .action(async (target: string, flags: AnalyzeFlags & { level: string; format: string }, command: Command) => {
      debug = !!flags.debug;
      if (!(GRAPH_LEVELS as string[]).includes(flags.level)) throw new UsageError(`unknown level '${flags.level}'; valid levels: ${GRAPH_LEVELS.join(', ')}`);
      if (!GRAPH_FORMATS.includes(flags.format)) throw new UsageError(`unknown graph format '${flags.format}'; valid formats: ${GRAPH_FORMATS.join(', ')}`);
      const { root, options } = resolveOptions(target, { ...flags, format: undefined } as AnalyzeFlags, (name) => name !== 'format' && command.getOptionValueSource(name) === 'cli');
      const outFile = flags.out !== undefined ? checkOutputFolder(flags.out, root) : undefined;
      const result = await analyze(root, options);
      const text = await renderGraph(result, flags.level as GraphLevel, flags.format);
      if (outFile) writeReports(path.dirname(outFile), [{ name: path.basename(outFile), content: text }]);
      else process.stdout.write(text);
    });

  withInputOptions(program.command('db').description('print the database view: schema, foreign keys, joins and the table-access matrix'))
    .action(async (target: string, flags: AnalyzeFlags, command: Command) => {
      debug = !!flags.debug;
      exitCode = await runDb(target, flags, (name) => command.getOptionValueSource(name) === 'cli');
    });

  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; everything else commander rejects is a usage error.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`msa-split: ${terminalText(error.message)}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`msa-split: internal error: ${terminalText((error as Error).message)}\n`);
    if (debug) process.stderr.write(`${(error as Error).stack}\n`);
    else process.stderr.write('(run again with --debug for the stack trace)\n');
    return EXIT.internal;
  }
}

interface Resolved {
  root: string;
  options: AnalyzeOptions;
  formats: string[];
  outDir?: string;
}

/** Merges defaults, the config file and flags (flags given on the command line win). */
function resolveOptions(target: string, flags: AnalyzeFlags, fromCli: (name: string) => boolean): Resolved {
  const root = resolveRepositoryPath(target);
  const config: ConfigValues = loadConfig(flags.config, root)?.values ?? {};
  const pick = <K extends keyof ConfigValues>(key: K, flagName: string, flagValue: ConfigValues[K] | undefined): ConfigValues[K] | undefined =>
    fromCli(flagName) ? flagValue : (config[key] ?? flagValue);

  const maxBytes = wholeNumber(flags.maxFileBytes ?? String(DEFAULT_OPTIONS.maxFileBytes), '--max-file-bytes')!;
  const options: AnalyzeOptions = {
    ...DEFAULT_OPTIONS,
    ...config,
    granularity: fromCli('granularity') || !config.granularity ? parseGranularity(flags.granularity ?? 'file', '--granularity') : config.granularity,
    include: checkGlobs(pick('include', 'include', flags.include) ?? [], '--include'),
    exclude: checkGlobs(pick('exclude', 'exclude', flags.exclude) ?? [], '--exclude'),
    symbols: pick('symbols', 'symbols', flags.symbols) ?? true,
    includeTests: pick('includeTests', 'includeTests', flags.includeTests) ?? false,
    maxFileBytes: pick('maxFileBytes', 'maxFileBytes', maxBytes) ?? DEFAULT_OPTIONS.maxFileBytes,
    db: pick('db', 'db', flags.db) ?? true,
    history: pick('history', 'history', flags.history) ?? true,
    includeMerges: pick('includeMerges', 'includeMerges', flags.includeMerges) ?? false,
    // A flag only: a config file found in the repository must not loosen what is read.
    allowOutsideGitDir: flags.allowOutsideGitDir === true,
    churn: pick('churn', 'churn', flags.churn) ?? false,
    botPatterns: pick('botPatterns', 'bots', flags.bots?.split(',').map((s) => s.trim()).filter(Boolean)) ?? DEFAULT_OPTIONS.botPatterns,
    coupleBy: pick('coupleBy', 'coupleBy', flags.coupleBy) ?? DEFAULT_OPTIONS.coupleBy,
    maxChangesetSize: pick('maxChangesetSize', 'maxChangesetSize', wholeNumber(flags.maxChangesetSize, '--max-changeset-size')) ?? DEFAULT_OPTIONS.maxChangesetSize,
    minRevs: pick('minRevs', 'minRevs', wholeNumber(flags.minRevs, '--min-revs')) ?? DEFAULT_OPTIONS.minRevs,
    minShared: pick('minShared', 'minShared', wholeNumber(flags.minShared, '--min-shared')) ?? DEFAULT_OPTIONS.minShared,
    minCoupling: pick('minCoupling', 'minCoupling', wholeNumber(flags.minCoupling, '--min-coupling')) ?? DEFAULT_OPTIONS.minCoupling,
  };
  for (const [key, flag] of [['since', 'since'], ['until', 'until'], ['branch', 'branch']] as const) {
    const v = pick(key, flag, flags[flag]);
    if (v !== undefined) options[key] = v;
  }
  if (flags.git !== undefined) options.git = path.resolve(flags.git);
  options.gitTimeout = pick('gitTimeout', 'gitTimeout', wholeNumber(flags.gitTimeout, '--git-timeout')) ?? DEFAULT_OPTIONS.gitTimeout;
  const maxCommits = pick('maxCommits', 'maxCommits', wholeNumber(flags.maxCommits, '--max-commits'));
  if (maxCommits !== undefined) options.maxCommits = maxCommits;
  parseCoupleBy(options.coupleBy);
  options.cluster = pick('cluster', 'cluster', flags.cluster) ?? true;
  options.seed = pick('seed', 'seed', wholeNumber(flags.seed, '--seed')) ?? DEFAULT_OPTIONS.seed;
  options.runs = pick('runs', 'runs', wholeNumber(flags.runs, '--runs')) ?? DEFAULT_OPTIONS.runs;
  options.minContextSize = pick('minContextSize', 'minContextSize', wholeNumber(flags.minContextSize, '--min-context-size')) ?? DEFAULT_OPTIONS.minContextSize;
  options.kernel = checkGlobs(pick('kernel', 'kernel', flags.kernel) ?? [], '--kernel');
  const contexts = pick('contexts', 'contexts', wholeNumber(flags.contexts, '--contexts'));
  if (contexts !== undefined) options.contexts = contexts;
  const resolution = fromCli('resolution') || config.resolution === undefined ? Number(flags.resolution ?? DEFAULT_OPTIONS.resolution) : config.resolution;
  if (!(resolution > 0)) throw new UsageError(`--resolution must be a number above 0; got '${flags.resolution}'`);
  options.resolution = resolution;
  if (fromCli('weights') && flags.weights !== undefined) {
    try {
      options.weights = parseWeights(flags.weights, config.weights ?? DEFAULT_OPTIONS.weights);
    } catch (error) {
      throw new UsageError(`--weights: ${(error as Error).message}`);
    }
  }
  const dialect = pick('dialect', 'dialect', flags.dialect);
  if (dialect !== undefined) {
    if (!isDialect(dialect)) throw new UsageError(`unknown dialect '${dialect}'; valid dialects: ${DIALECTS.join(', ')}`);
    options.dialect = dialect;
  }
  const formats = checkFormats(fromCli('format') || !config.format ? (flags.format ?? DEFAULT_FORMATS.join(',')).split(',').map((s) => s.trim()).filter(Boolean) : config.format);
  const out = fromCli('out') ? flags.out : (config.out ?? flags.out);
  return { root, options, formats, ...(out !== undefined ? { outDir: checkOutputFolder(out, root) } : {}) };
}

/** `report x.json --format json` would write analysis.json next to it: never over a different analysis. */
function refuseReplacingAnotherAnalysis(input: string, outDir: string, formats: readonly string[]): void {
  if (!formats.includes('json')) return;
  const target = path.join(outDir, 'analysis.json');
  let same = false;
  try {
    same = fs.realpathSync(target) === fs.realpathSync(input);
  } catch {
    return; // nothing there yet
  }
  if (!same) {
    throw new UsageError(`${target} already holds another analysis; re-rendering ${input} as json would replace it. Choose another folder with --out, or leave json out of --format`);
  }
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const key = flag.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const max = OPTION_LIMITS[key];
  if (!Number.isInteger(n) || n < 1 || (max !== undefined && n > max)) {
    throw new UsageError(`${flag} must be a whole number from 1${max !== undefined ? ` to ${max}` : ''}; got '${value}'`);
  }
  return n;
}

async function runHistory(target: string, flags: AnalyzeFlags, fromCli: (name: string) => boolean): Promise<number> {
  const { root, options } = resolveOptions(target, flags, fromCli);
  const progress = createProgress(!flags.quiet && process.stderr.isTTY === true);
  const result = await analyze(root, { ...options, symbols: false, db: false, history: true }, progress.listener);
  progress.done();
  if (!flags.quiet) process.stdout.write(formatHistorySummary(terminalSafe(result), makeChalk()));
  return strictExit(flags, result.model.diagnostics);
}

function strictExit(flags: AnalyzeFlags, diagnostics: readonly { severity: string }[]): number {
  const serious = diagnostics.filter((d) => d.severity !== 'info').length;
  if (flags.strict && serious > 0) {
    process.stderr.write(`msa-split: --strict: ${serious} error/warning diagnostics\n`);
    return EXIT.gate;
  }
  return EXIT.ok;
}

async function runDb(target: string, flags: AnalyzeFlags, fromCli: (name: string) => boolean): Promise<number> {
  const { root, options } = resolveOptions(target, flags, fromCli);
  const progress = createProgress(!flags.quiet && process.stderr.isTTY === true);
  const result = await analyze(root, { ...options, symbols: false, db: true }, progress.listener);
  progress.done();
  if (!flags.quiet) process.stdout.write(formatDbSummary(terminalSafe(result), makeChalk()));
  return strictExit(flags, result.model.diagnostics);
}

async function runAnalyze(target: string, flags: AnalyzeFlags, fromCli: (name: string) => boolean): Promise<number> {
  const { root, options, formats, outDir } = resolveOptions(target, flags, fromCli);
  const progress = createProgress(!flags.quiet && process.stderr.isTTY === true);
  const result = await analyze(root, options, progress.listener);
  progress.done();
  const written = outDir ? writeReports(outDir, await renderReports(result, formats)) : [];
  if (!flags.quiet) process.stdout.write(formatSummary(terminalSafe(result), makeChalk(), written.map(terminalText)));
  return strictExit(flags, result.model.diagnostics);
}
