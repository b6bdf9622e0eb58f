/**
 * JSON with a fixed key order (schemaVersion first, then keys sorted) and two-space indentation,
 * so that the same result always gives the same bytes whatever order objects were built in.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

/** The value with every object's keys in stableStringify's order (for JSON written other ways). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`refusing to serialise a non-finite number (${value}): an analysis divided by zero`);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((a, b) => (a === 'schemaVersion' ? -1 : b === 'schemaVersion' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = sortKeys(record[k]);
  return out;
}
