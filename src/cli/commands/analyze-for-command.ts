/**
 * The part every analyzing command shares: options from defaults, config file and flags (the one
 * pipeline), then analyze with the command's own overrides and progress on a terminal's stderr.
 */
import type { AnalyzeOptions } from '../../config/options.js';
import type { OptionLayer } from '../../config/resolve-options.js';
import type { PreparedRun } from '../../main/prepare-run.js';
import type { AnalysisResult } from '../../result/analysis-result.js';
import { createProgress, progressMode, type Progress } from '../progress.js';
import type { StageTimer } from '../stage-timings.js';
import type { CommandContext, RunFlags } from './command-context.js';

export interface CommandRun {
  run: PreparedRun;
  result: AnalysisResult;
  /** Still open when the command asked to go on reporting (`keepProgress`): call `done()` at the end. */
  progress: Progress;
}

export interface CommandExtra {
  formats?: readonly string[];
  /** Runs on the prepared options before any work (e.g. checks the --out folder). */
  check?: (run: PreparedRun) => void;
  timer?: StageTimer;
  /** Leave the progress open (the caller calls `done()`). */
  keepProgress?: boolean;
}

/** The options of the run (checked by `extra.check`) and its progress reporting, before any work. */
export async function prepareForCommand(context: CommandContext, target: string, flags: RunFlags, layer: OptionLayer, extra: CommandExtra = {}): Promise<{ run: PreparedRun; progress: Progress }> {
  const { prepareRun } = await import('../../main/prepare-run.js');
  const run = prepareRun({ target, ...(flags.config !== undefined ? { configFile: flags.config } : {}), flags: layer, ...(extra.formats ? { formats: extra.formats } : {}) });
  extra.check?.(run);
  const shown = createProgress(progressMode(!!flags.quiet, context.io.stderrIsTTY), context.io.stderr);
  const timer = extra.timer;
  const progress: Progress = timer ? { listener: (event) => (timer.listener(event), shown.listener(event)), done: shown.done } : shown;
  return { run, progress };
}

export async function analyzeForCommand(
  context: CommandContext,
  target: string,
  flags: RunFlags,
  layer: OptionLayer,
  overrides: Partial<AnalyzeOptions> = {},
  extra: CommandExtra = {},
  prepared?: { run: PreparedRun; progress: Progress },
): Promise<CommandRun> {
  // Prepared first: the code cache is allowed (or not) before analyze's collectors load.
  const { run, progress } = prepared ?? (await prepareForCommand(context, target, flags, layer, extra));
  const { analyze } = await import('../../main/analyze.js');
  const result = await analyze(run.root, { ...run.options, ...overrides }, progress.listener);
  if (!extra.keepProgress) progress.done();
  return { run, result, progress };
}
