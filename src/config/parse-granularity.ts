import type { Granularity } from '../model/types.js';
import { UsageError } from '../model/usage-error.js';

export const GRANULARITY_CHOICES = 'file, dir:N (N = 1, 2, ...), package';

/** Parses `file`, `dir:N` or `package`. */
export function parseGranularity(value: string, where: string): Granularity {
  if (value === 'file') return { kind: 'file' };
  if (value === 'package') return { kind: 'package' };
  const m = /^dir:(\d+)$/.exec(value);
  if (m && Number(m[1]) >= 1) return { kind: 'dir', depth: Number(m[1]) };
  throw new UsageError(`${where}: invalid granularity '${value}'; valid values: ${GRANULARITY_CHOICES}`);
}
