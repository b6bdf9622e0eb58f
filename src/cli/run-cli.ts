/**
 * The command line, a thin shell: the commands are declared in commands/, their flags come from
 * config/option-table.ts, the work from main/ (loaded only when a command runs, so `--version` and
 * `--help` start instantly). Exit codes: 0 done; 1 --strict and diagnostics found; 2 usage or config
 * error; 3 internal error (stack with --debug).
 */
import { Command, CommanderError } from 'commander';
import { OptionsError } from '../config/options-error.js';
import { TOOL_VERSION } from '../config/tool-version.js';
import { UsageError } from '../model/usage-error.js';
import { processIo, type CliIo } from './cli-io.js';
import { registerAnalyze } from './commands/analyze-command.js';
import { registerDb } from './commands/db-command.js';
import { registerGraph } from './commands/graph-command.js';
import { registerHistory } from './commands/history-command.js';
import { registerInit } from './commands/init-command.js';
import { registerReport } from './commands/report-command.js';
import { registerDiff } from './commands/diff-command.js';
import { registerCheck } from './commands/check-command.js';
import type { CommandContext } from './commands/command-context.js';
import { terminalText } from './terminal-text.js';

export const EXIT = { ok: 0, gate: 1, usage: 2, internal: 3 } as const;

/** The commands, in the order `--help` lists them. */
const COMMANDS: readonly ((program: Command, context: CommandContext) => void)[] = [registerAnalyze, registerCheck, registerHistory, registerDb, registerGraph, registerReport, registerDiff, registerInit];

export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const context: CommandContext = { io, exitCode: EXIT.ok, debug: argv.includes('--debug') };
  const program = new Command()
    .name('msa-split')
    .description('Find the seams of a monolith: code, data and history coupling, candidate services and a migration order.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => io.stderr(s), writeOut: (s) => io.stdout(s) })
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ msa-split analyze . --out ../msa-split-report --format html,md   the workshop report',
        '  $ msa-split analyze . --contexts 4                                  go macro first: about 4 contexts',
        '  $ msa-split history . --since "12 months ago"                       hotspots, coupling, owners',
        '  $ msa-split graph ../msa-split-report/analysis.json --level table   the table graph as DOT',
        '  $ msa-split init . > msa-split.config.yaml                          a commented config to start from',
        '',
        'Run "msa-split <command> --help" for the options of a command.',
      ].join('\n'),
    );
  for (const register of COMMANDS) register(program, context);

  try {
    await program.parseAsync(argv as string[]);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; everything else commander rejects is a usage error.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof OptionsError && error.problems.length > 1) {
      io.stderr(`msa-split: ${error.problems.length} problems with the options:\n${error.problems.map((p) => `  - ${terminalText(p)}\n`).join('')}`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`msa-split: ${terminalText(error.message)}\n`);
      return EXIT.usage;
    }
    io.stderr(`msa-split: internal error: ${terminalText((error as Error).message)}\n`);
    if (context.debug) io.stderr(`${(error as Error).stack}\n`);
    else io.stderr('(run again with --debug for the stack trace)\n');
    return EXIT.internal;
  }
}
