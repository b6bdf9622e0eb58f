/** `msa-split report <analysis.json>`: re-render a saved analysis in other formats, without analyzing again. */
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_FORMATS } from '../../config/options.js';
import { UsageError } from '../../model/usage-error.js';
import { checkFormats, REPORT_FORMAT_NAMES } from '../../report/registry.js';
import { terminalText } from '../terminal-text.js';
import { addRunFlags, examples, type CommandContext, type RunFlags } from './command-context.js';

export function registerReport(program: Command, context: CommandContext): void {
  const command = program
    .command('report')
    .description('re-render a saved analysis.json in other formats without analyzing again')
    .argument('<analysis>', 'an analysis.json written by msa-split analyze --out')
    .addOption(new Option('-o, --out <dir>', 'folder to write into (default: the folder of analysis.json)').helpGroup('Output options:'))
    .addOption(new Option('-f, --format <list>', `comma-separated report formats: ${REPORT_FORMAT_NAMES.join(', ')}`).default(DEFAULT_FORMATS.join(',')).helpGroup('Output options:'))
    .addOption(new Option('--compare <old>', 'an earlier analysis.json: report.md and report.html show what changed since (as msa-split diff)').helpGroup('Output options:'));
  addRunFlags(command, { config: false, strict: false });
  examples(command, ['msa-split report ../msa-split-report/analysis.json --format html', 'msa-split report analysis.json --format svg,graphml --out ../graphs', 'msa-split report today/analysis.json --format html,md --compare last-month/analysis.json']);
  command.action(async (file: string, flags: RunFlags & { out?: string; format: string; compare?: string }) => {
    context.debug = !!flags.debug;
    const [{ readAnalysisFile }, { renderReports, diffAnalyses }, { writeReports }] = await Promise.all([
      import('../../main/read-analysis-file.js'),
      import('../../report/registry.js'),
      import('../write-reports.js'),
    ]);
    const result = readAnalysisFile(file);
    const changes = flags.compare !== undefined ? diffAnalyses(readAnalysisFile(flags.compare), result) : undefined;
    const formats = checkFormats(flags.format.split(',').map((s) => s.trim()).filter(Boolean));
    const outDir = path.resolve(flags.out ?? path.dirname(path.resolve(file)));
    refuseReplacingAnotherAnalysis(file, outDir, formats);
    const written = writeReports(outDir, await renderReports(result, formats, undefined, changes ? { changes } : {}));
    if (!flags.quiet) for (const w of written) context.io.stdout(`${terminalText(w)}\n`);
  });
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
