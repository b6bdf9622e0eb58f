/**
 * JSON with a fixed key order (schemaVersion first, then keys sorted) and two-space indentation,
 * so that the same result always gives the same bytes whatever order objects were built in.
 * The order is applied while serialising (a replacer hands JSON.stringify each object with its keys
 * sorted, one object at a time): a sorted deep copy of a large analysis first was the peak of a whole
 * run's memory (ever-gauzy: 2.0 GB while writing an 89 MB analysis.json).
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, sortedReplacer, 2) + '\n';
}

/** Compact JSON in the same key order (for JSON embedded in other files). */
export function stableCompactJson(value: unknown): string {
  return JSON.stringify(value, sortedReplacer);
}

function sortedReplacer(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`refusing to serialise a non-finite number (${value}): an analysis divided by zero`);
    }
    return value;
  }
  if (Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((a, b) => (a === 'schemaVersion' ? -1 : b === 'schemaVersion' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  // No prototype: a key named __proto__ (a name read from a repository) stays a key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of keys) out[k] = record[k];
  return out;
}
