/** `coupleBy`: how commits are grouped into change sets for change coupling. */
import { RE2JS } from 're2js';
import type { CoupleBy } from '../model/build-history-model.js';
import { UsageError } from '../model/usage-error.js';

export const COUPLE_BY_CHOICES = 'commit, author-window:HOURS, ticket:REGEX';

/** Parses --couple-by; a UsageError names the valid forms. */
export function parseCoupleBy(value: string, where = '--couple-by'): CoupleBy {
  if (value === 'commit') return { kind: 'commit' };
  const window = /^author-window:(\d+(?:\.\d+)?)$/.exec(value);
  if (window && Number(window[1]) > 0) return { kind: 'author-window', hours: Number(window[1]) };
  if (value.startsWith('ticket:') && value.length > 7) {
    const pattern = value.slice(7);
    try {
      RE2JS.compile(pattern);
    } catch (error) {
      throw new UsageError(`${where}: ticket: invalid regular expression (RE2 syntax: no backreferences or lookaround): ${(error as Error).message}`);
    }
    return { kind: 'ticket', pattern };
  }
  throw new UsageError(`${where}: invalid value '${value}'; valid values: ${COUPLE_BY_CHOICES}`);
}

/** Checks an RE2 pattern option (maintenancePattern); a UsageError says why it does not compile. */
export function checkRe2(pattern: string, where: string): void {
  if (pattern === '') return;
  try {
    RE2JS.compile(pattern);
  } catch (error) {
    throw new UsageError(`${where}: invalid regular expression (RE2 syntax: no backreferences or lookaround): ${(error as Error).message}`);
  }
}
