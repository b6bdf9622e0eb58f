/** Appends to the list under `key`, in place (copying the list on every append is quadratic). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument, and a few
 * hundred thousand arguments (the edges of a 50,000-file repository) overflow the call stack.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
