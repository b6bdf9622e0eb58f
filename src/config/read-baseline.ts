/**
 * Reads a baseline of known violations (`msa-split check --baseline FILE`): a regular file within the
 * size limit, JSON of the shape the check writes (`{ version: 1, violations: [{ key, rule, message }] }`).
 * Anything else is a UsageError naming the file and the problem (exit 2).
 */
import { readRegularFile } from '../collect/files/safe-read.js';
import { UsageError } from '../model/usage-error.js';

/** The largest baseline read. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

export interface Baseline {
  version: 1;
  violations: { key: string; rule: string; message: string }[];
}

/** The baseline at `file`; undefined when it does not exist and `missingIsEmpty` (a first --update-baseline). */
export function readBaseline(file: string, missingIsEmpty: boolean): Baseline | undefined {
  const read = readRegularFile(file, { maxBytes: MAX_BASELINE_BYTES });
  if (!read.ok) {
    if (read.refusal === 'not-found' && missingIsEmpty) return undefined;
    throw new UsageError(`cannot use baseline ${file}: ${read.refusal === 'not-found' ? 'not found (write one with --update-baseline)' : read.message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(read.buffer.toString('utf8'));
  } catch (error) {
    throw new UsageError(`baseline ${file} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const problem = shapeProblem(raw);
  if (problem) throw new UsageError(`baseline ${file} is not a msa-split baseline: ${problem}`);
  return raw as Baseline;
}

function shapeProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected an object';
  const o = raw as Record<string, unknown>;
  if (o.version !== 1) return 'version must be 1';
  if (!Array.isArray(o.violations)) return 'violations must be a list';
  for (const [i, v] of o.violations.entries()) {
    if (typeof v !== 'object' || v === null) return `violations[${i}] must be an object`;
    for (const k of ['key', 'rule', 'message'] as const) if (typeof (v as Record<string, unknown>)[k] !== 'string') return `violations[${i}].${k} must be a string`;
  }
  return undefined;
}
