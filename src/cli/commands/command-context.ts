/**
 * What every command shares: where it writes, the exit code it sets, and the flags every command
 * has (config file, quiet, verbose, strict, debug) grouped under "Run options" in --help.
 */
import { Option, type Command } from 'commander';
import { CONFIG_FILE_NAMES } from '../../config/load-config.js';
import type { CliIo } from '../cli-io.js';

export interface CommandContext {
  io: CliIo;
  exitCode: number;
  debug: boolean;
}

export interface RunFlags {
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  showEmails?: boolean;
  strict?: boolean;
  debug?: boolean;
  timings?: boolean;
}

const RUN = 'Run options:';

export function addRunFlags(command: Command, which: { config?: boolean; strict?: boolean; verbose?: boolean; emails?: boolean } = {}): Command {
  if (which.config !== false) command.addOption(new Option('-c, --config <file>', `config file (default: ${CONFIG_FILE_NAMES.join(' or ')} in the analyzed folder)`).helpGroup(RUN));
  command.addOption(new Option('-q, --quiet', 'no progress and no summary (errors still go to stderr)').helpGroup(RUN));
  if (which.verbose) command.addOption(new Option('-v, --verbose', 'the full terminal summary instead of the compact one').helpGroup(RUN));
  if (which.emails) command.addOption(new Option('--show-emails', 'show authors with their e-mail addresses (default: names only)').helpGroup(RUN));
  if (which.strict !== false) command.addOption(new Option('--strict', 'exit 1 when any error or warning diagnostic was raised').helpGroup(RUN));
  command.addOption(new Option('--debug', 'show stack traces of internal errors').helpGroup(RUN));
  command.addOption(new Option('--timings', 'print how long each stage took (stderr, also without a terminal)').helpGroup(RUN));
  return command;
}

export function examples(command: Command, lines: readonly string[]): Command {
  return command.addHelpText('after', ['', 'Examples:', ...lines.map((l) => `  $ ${l}`)].join('\n'));
}

/** Exit 1 under --strict when errors or warnings were raised. */
export function strictExit(context: CommandContext, flags: RunFlags, diagnostics: readonly { severity: string }[]): number {
  const serious = diagnostics.filter((d) => d.severity !== 'info').length;
  if (flags.strict && serious > 0) {
    context.io.stderr(`msa-split: --strict: ${serious} error/warning diagnostics\n`);
    return 1;
  }
  return 0;
}
