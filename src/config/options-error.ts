import { UsageError } from '../model/usage-error.js';

/** Every problem of one options resolution, one per line; a UsageError (exit 2). */
export class OptionsError extends UsageError {
  override name = 'OptionsError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}
