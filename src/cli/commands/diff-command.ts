/** `msa-split diff OLD.json NEW.json`: what moved between contexts, what appeared, merged or split, scores, dependencies, owners, plan. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../model/usage-error.js';
import { DIFF_FORMATS, type DiffFormat } from '../../report/registry.js';
import { terminalText } from '../terminal-text.js';
import { addRunFlags, examples, type CommandContext, type RunFlags } from './command-context.js';

export function registerDiff(program: Command, context: CommandContext): void {
  const command = program
    .command('diff')
    .description('compare two saved analyses: modules moved, contexts appeared, merged or split, scores, dependencies between contexts, table owners, plan order')
    .argument('<old>', 'the earlier analysis.json')
    .argument('<new>', 'the later analysis.json')
    .addOption(new Option('-f, --format <format>', `output: ${DIFF_FORMATS.join(', ')}`).default('text').helpGroup('Output options:'))
    .addOption(new Option('-o, --out <file>', 'write to this file instead of stdout').helpGroup('Output options:'));
  addRunFlags(command, { config: false, strict: false });
  examples(command, ['msa-split diff last-month/analysis.json today/analysis.json', 'msa-split diff main.json branch.json --format md --out diff.md']);
  command.action(async (oldFile: string, newFile: string, flags: RunFlags & { format: string; out?: string }) => {
    context.debug = !!flags.debug;
    if (!(DIFF_FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`unknown diff format '${flags.format}'; valid formats: ${DIFF_FORMATS.join(', ')}`);
    const [{ diffAnalysisFiles }, { renderDiff }, { writeReports }] = await Promise.all([import('../../main/diff-analysis-files.js'), import('../../report/registry.js'), import('../write-reports.js')]);
    const text = renderDiff(diffAnalysisFiles(oldFile, newFile), flags.format as DiffFormat);
    if (flags.out !== undefined) {
      const out = path.resolve(flags.out);
      const written = writeReports(path.dirname(out), [{ name: path.basename(out), content: text }]);
      if (!flags.quiet) for (const w of written) context.io.stdout(`${terminalText(w)}\n`);
    } else context.io.stdout(flags.format === 'json' ? text : terminalText(text));
  });
}
