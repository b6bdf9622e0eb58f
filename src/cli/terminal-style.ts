/** Colour for the terminal: NO_COLOR (any non-empty value) turns it off, as does a non-TTY stdout; FORCE_COLOR turns it on. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CliIo } from './cli-io.js';

export function makeChalk(io: Pick<CliIo, 'env' | 'stdoutIsTTY'>): ChalkInstance {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '' && io.env.FORCE_COLOR !== '0';
  return new Chalk({ level: noColor ? 0 : forced || io.stdoutIsTTY ? 2 : 0 });
}
