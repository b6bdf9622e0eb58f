/** A mistake in how the tool was called or configured: exit code 2, message shown as is. */
export class UsageError extends Error {
  override name = 'UsageError';
}
