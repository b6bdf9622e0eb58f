/** `msa-split analyze [path]`: the whole analysis, a terminal summary, and reports with --out. */
import type { Command } from 'commander';
import { checkOutputFolder } from '../../config/check-output-folder.js';
import { DEFAULT_FORMATS } from '../../config/options.js';
import { REPORT_FORMAT_NAMES } from '../../report/registry.js';
import { addOptionFlags } from '../add-option-flags.js';
import { terminalSafe, terminalText } from '../terminal-text.js';
import type { PreparedRun } from '../../main/prepare-run.js';
import { analyzeForCommand } from './analyze-for-command.js';
import { createStageTimer } from '../stage-timings.js';
import { addRunFlags, examples, strictExit, type CommandContext, type RunFlags } from './command-context.js';

export function registerAnalyze(program: Command, context: CommandContext): void {
  const command = program
    .command('analyze')
    .description('analyze a repository and print a summary; with --out, write the reports')
    .argument('[path]', 'folder of the repository to analyze', '.');
  const table = addOptionFlags(command, 'analyze', { format: DEFAULT_FORMATS.join(',') });
  addRunFlags(command, { verbose: true, emails: true });
  examples(command, [
    'msa-split analyze . --out ../msa-split-report --format html,md',
    'msa-split analyze services/shop --granularity dir:2 --contexts 5',
    'msa-split analyze . --no-history --exclude "scripts/**" --kernel "src/shared/**"',
  ]);
  command.action(async (target: string, flags: RunFlags, cmd: Command) => {
    context.debug = !!flags.debug;
    const [{ renderReports }, { writeReports }, { formatSummary }, { makeChalk }] = await Promise.all([
      import('../../report/registry.js'),
      import('../write-reports.js'),
      import('../print-summary.js'),
      import('../terminal-style.js'),
    ]);
    let outDir: string | undefined;
    // The output folder is checked before any work: a bad --out must not cost a whole analysis.
    const check = (run: PreparedRun) => void (outDir = run.out !== undefined ? checkOutputFolder(run.out, run.root) : undefined);
    const timer = flags.timings ? createStageTimer() : undefined;
    const { run, result, progress } = await analyzeForCommand(context, target, flags, table.layer(cmd), {}, { formats: REPORT_FORMAT_NAMES, check, keepProgress: true, ...(timer ? { timer } : {}) });
    const written = outDir ? writeReports(outDir, await renderReports(result, run.format, progress.listener)) : [];
    progress.done();
    if (timer) context.io.stderr(timer.table());
    if (!flags.quiet) {
      context.io.stdout(formatSummary(terminalSafe(result), makeChalk(context.io), written.map(terminalText), { verbose: !!flags.verbose, showEmails: !!flags.showEmails }));
    }
    context.exitCode = strictExit(context, flags, result.model.diagnostics);
  });
}

