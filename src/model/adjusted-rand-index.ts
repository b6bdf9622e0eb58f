/**
 * Adjusted Rand Index (Hubert & Arabie 1985) between two partitions of the same items.
 * Input: item -> cluster label maps (items missing from either side are ignored). Output: ARI in
 * [-1, 1], 1 for identical partitions, ~0 for chance agreement; 1 when both put everything in one
 * cluster or everything apart (no information to disagree on).
 */
export function adjustedRandIndex(a: ReadonlyMap<string, string | number>, b: ReadonlyMap<string, string | number>): number {
  const items = [...a.keys()].filter((k) => b.has(k));
  const n = items.length;
  if (n < 2) return 1;
  const pair = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (const item of items) {
    const x = a.get(item)!;
    const y = b.get(item)!;
    const key = `${x}\0${y}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  }
  let index = 0;
  for (const v of table.values()) index += pair(v);
  let sumA = 0;
  for (const v of rows.values()) sumA += pair(v);
  let sumB = 0;
  for (const v of cols.values()) sumB += pair(v);
  const expected = (sumA * sumB) / pair(n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
