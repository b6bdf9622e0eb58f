/**
 * `msa-split init [path]`: a commented config to start from, printed (redirect it into the repository
 * yourself: msa-split writes nothing there) or written with --out to a new file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { checkOutputFolder } from '../../config/check-output-folder.js';
import { UsageError } from '../../model/usage-error.js';
import { addOptionFlags } from '../add-option-flags.js';
import { analyzeForCommand } from './analyze-for-command.js';
import { addRunFlags, examples, type CommandContext, type RunFlags } from './command-context.js';

export function registerInit(program: Command, context: CommandContext): void {
  const command = program
    .command('init')
    .description('print a commented msa-split.config.yaml with the detected frameworks, entry points and kernel guesses')
    .argument('[path]', 'folder of the repository to look at', '.')
    .addOption(new Option('-o, --out <file>', 'write a new file outside the repository instead of printing (never replaces one)').helpGroup('Output options:'));
  const table = addOptionFlags(command, 'init');
  addRunFlags(command, { strict: false });
  examples(command, ['msa-split init . > msa-split.config.yaml', 'msa-split init ~/src/shop --out ~/shop.msa-split.yaml']);
  command.action(async (target: string, flags: RunFlags & { out?: string }, cmd: Command) => {
    context.debug = !!flags.debug;
    const [{ renderStarterConfig }, { writeReports }] = await Promise.all([import('../../main/starter-config.js'), import('../write-reports.js')]);
    // Code and data only: what init reports needs no history and no clustering.
    const { run, result } = await analyzeForCommand(context, target, flags, table.layer(cmd), { symbols: false, history: false, cluster: false });
    const text = renderStarterConfig(result);
    if (flags.out === undefined) {
      context.io.stdout(text);
      return;
    }
    // Like every output: never inside the analyzed repository (redirect the printed text there yourself).
    const file = path.join(checkOutputFolder(path.dirname(path.resolve(flags.out)), run.root), path.basename(flags.out));
    if (fs.existsSync(file)) throw new UsageError(`--out ${flags.out} already exists; init never replaces a file (remove it or choose another name)`);
    writeReports(path.dirname(file), [{ name: path.basename(file), content: text }]);
    if (!flags.quiet) context.io.stderr(`wrote ${file}\n`);
  });
}
