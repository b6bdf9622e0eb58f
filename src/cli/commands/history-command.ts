/** `msa-split history [path]`: hotspots, change coupling and ownership from git alone. */
import type { Command } from 'commander';
import { addOptionFlags } from '../add-option-flags.js';
import { terminalSafe } from '../terminal-text.js';
import { analyzeForCommand } from './analyze-for-command.js';
import { addRunFlags, examples, strictExit, type CommandContext, type RunFlags } from './command-context.js';

export function registerHistory(program: Command, context: CommandContext): void {
  const command = program
    .command('history')
    .description('print hotspots, change coupling and ownership from the git history')
    .argument('[path]', 'folder of the repository to analyze', '.');
  const table = addOptionFlags(command, 'history');
  addRunFlags(command, { emails: true });
  examples(command, ['msa-split history . --since "12 months ago"', 'msa-split history . --couple-by author-window:8 --min-coupling 50', 'msa-split history . --couple-by "ticket:[A-Z]+-[0-9]+"']);
  command.action(async (target: string, flags: RunFlags, cmd: Command) => {
    context.debug = !!flags.debug;
    const [{ formatHistorySummary }, { makeChalk }] = await Promise.all([import('../print-history-summary.js'), import('../terminal-style.js')]);
    const { result } = await analyzeForCommand(context, target, flags, table.layer(cmd), { symbols: false, db: false, history: true, cluster: false });
    if (!flags.quiet) context.io.stdout(formatHistorySummary(terminalSafe(result), makeChalk(context.io), { showEmails: !!flags.showEmails }));
    context.exitCode = strictExit(context, flags, result.model.diagnostics);
  });
}
