/**
 * Turns OPTION_TABLE into a command's flags, grouped in --help by what they act on, and reads back
 * the flags the user actually typed as one layer of the options pipeline (a flag left at its
 * default must not hide a config file's value).
 */
import { Option, type Command } from 'commander';
import { OPTION_GROUPS, OPTION_TABLE, SHOWN_DEFAULTS, type CommandName, type OptionKey, type OptionSpec } from '../config/option-table.js';
import type { OptionLayer } from '../config/resolve-options.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Flags repeated to give several values (`--include a --include b`). */
const REPEATABLE = new Set<OptionKey>(['include', 'exclude', 'kernel']);

function defaultText(key: OptionKey, spec: OptionSpec, extra: Readonly<Record<string, string>>): string {
  if (extra[key] !== undefined) return ` (default: ${extra[key]})`;
  const value = SHOWN_DEFAULTS[key];
  if (spec.flag?.startsWith('--no-') || value === undefined || value === false || (Array.isArray(value) && value.length === 0)) return '';
  return ` (default: ${Array.isArray(value) ? value.join(',') : String(value)})`;
}

export interface TableFlags {
  /** The layer of flags given on the command line. */
  layer(command: Command): OptionLayer;
}

/** Adds the table's flags for `name`; `extraDefaults` overrides a shown default (e.g. `format`). */
export function addOptionFlags(command: Command, name: CommandName, extraDefaults: Readonly<Record<string, string>> = {}): TableFlags {
  const added: { key: OptionKey; option: Option }[] = [];
  for (const group of OPTION_GROUPS) {
    for (const key of Object.keys(OPTION_TABLE) as OptionKey[]) {
      const spec: OptionSpec = OPTION_TABLE[key];
      if (spec.group !== group || spec.flag === undefined || !spec.commands.includes(name)) continue;
      const described = spec.offHelp ?? spec.schema.description!.replace(/\.$/, '');
      const help = described.charAt(0).toLowerCase() + described.slice(1) + defaultText(key, spec, extraDefaults);
      const option = new Option(`${spec.short ? `${spec.short}, ` : ''}${spec.flag}`, help).helpGroup(`${group} options:`);
      if (REPEATABLE.has(key)) option.argParser(collect);
      command.addOption(option);
      added.push({ key, option });
    }
  }
  return {
    layer(cmd) {
      const values: Record<string, unknown> = {};
      const flagNames: Record<string, string> = {};
      for (const { key, option } of added) {
        const attribute = option.attributeName();
        flagNames[key] = option.long!;
        if (cmd.getOptionValueSource(attribute) === 'cli') values[key] = cmd.getOptionValue(attribute);
      }
      return { source: { kind: 'flags', flagNames }, values };
    },
  };
}
