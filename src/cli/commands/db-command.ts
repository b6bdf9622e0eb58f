/** `msa-split db [path]`: the database view alone (schema, keys, joins, who touches which table). */
import type { Command } from 'commander';
import { addOptionFlags } from '../add-option-flags.js';
import { terminalSafe } from '../terminal-text.js';
import { analyzeForCommand } from './analyze-for-command.js';
import { addRunFlags, examples, strictExit, type CommandContext, type RunFlags } from './command-context.js';

export function registerDb(program: Command, context: CommandContext): void {
  const command = program
    .command('db')
    .description('print the database view: schema, foreign keys, joins and the table-access matrix')
    .argument('[path]', 'folder of the repository to analyze', '.');
  const table = addOptionFlags(command, 'db');
  addRunFlags(command);
  examples(command, ['msa-split db .', 'msa-split db . --dialect mysql --include "db/**" --include "src/**"']);
  command.action(async (target: string, flags: RunFlags, cmd: Command) => {
    context.debug = !!flags.debug;
    const [{ formatDbSummary }, { makeChalk }] = await Promise.all([import('../print-db-summary.js'), import('../terminal-style.js')]);
    const { result } = await analyzeForCommand(context, target, flags, table.layer(cmd), { symbols: false, db: true, history: false, cluster: false });
    if (!flags.quiet) context.io.stdout(formatDbSummary(terminalSafe(result), makeChalk(context.io)));
    context.exitCode = strictExit(context, flags, result.model.diagnostics);
  });
}
