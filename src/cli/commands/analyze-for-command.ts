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

/** `check` runs on the prepared options before any work (e.g. the --out folder). */
export async function analyzeForCommand(
  context: CommandContext,
  target: string,
  flags: RunFlags,
  layer: OptionLayer,
  overrides: Partial<AnalyzeOptions> = {},
  extra: { formats?: readonly string[]; check?: (run: PreparedRun) => void; timer?: StageTimer; keepProgress?: boolean } = {},
): Promise<CommandRun> {
  const [{ prepareRun }, { analyze }] = await Promise.all([import('../../main/prepare-run.js'), import('../../main/analyze.js')]);
  const run = prepareRun({ target, ...(flags.config !== undefined ? { configFile: flags.config } : {}), flags: layer, ...(extra.formats ? { formats: extra.formats } : {}) });
  extra.check?.(run);
  const shown = createProgress(progressMode(!!flags.quiet, context.io.stderrIsTTY), context.io.stderr);
  const timer = extra.timer;
  const progress: Progress = timer ? { listener: (event) => (timer.listener(event), shown.listener(event)), done: shown.done } : shown;
  const result = await analyze(run.root, { ...run.options, ...overrides }, progress.listener);
  if (!extra.keepProgress) progress.done();
  return { run, result, progress };
}
