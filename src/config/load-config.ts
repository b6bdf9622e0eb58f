/**
 * Finds and reads msa-split.config.{json,yaml,yml}.
 * Input: an explicit path (named with --config: trusted), or the analysed folder to look in (a file
 * found there is the repository's: untrusted). Output: an option layer for resolve-options.ts, which
 * validates it; an unreadable or unparsable file is a UsageError naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import { readRegularFile } from '../collect/files/safe-read.js';
import { UsageError } from '../model/usage-error.js';
import type { OptionLayer } from './resolve-options.js';

export const CONFIG_FILE_NAMES = ['msa-split.config.json', 'msa-split.config.yaml', 'msa-split.config.yml'];

/** The largest config file read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads `explicitPath` (a file the user named: trusted, but still only a regular file within the size
 * limit), or the first config file found in `folder` (the analyzed repository's real path: read only
 * when it is a regular file inside it); undefined when there is none.
 */
export function loadConfig(explicitPath: string | undefined, folder: string): OptionLayer | undefined {
  let file = explicitPath;
  const trusted = explicitPath !== undefined;
  if (file === undefined) {
    file = CONFIG_FILE_NAMES.map((n) => path.join(folder, n)).find((p) => exists(p));
    if (file === undefined) return undefined;
  }
  const read = trusted ? readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES }) : readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, within: folder });
  if (!read.ok) {
    const shown = trusted ? file : path.relative(folder, file);
    throw new UsageError(`cannot use config file ${shown}: ${read.refusal === 'not-found' ? 'not found' : read.message}`);
  }
  const text = read.buffer.toString('utf8');
  const yaml = /\.ya?ml$/i.test(file);
  let raw: unknown;
  try {
    // The YAML parser loads only for a YAML config (most runs have none: ~0.04 s).
    raw = yaml ? (createRequire(import.meta.url)('yaml') as typeof YamlModule).parse(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${file} is not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`);
  }
  // An empty file is an empty config; anything but an object is refused by the pipeline.
  return { source: { kind: 'file', path: trusted ? file : path.relative(folder, file), trusted }, values: (raw ?? {}) as Record<string, unknown> };
}

/** True when something (even a dangling link, a FIFO) stands at `p`. */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
