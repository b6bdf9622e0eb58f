/**
 * A decomposition at a coarser level of its own hierarchy: the first `contexts - k` steps of its merge
 * sequence applied (cluster-modules.ts records the sequence). Input: a proposed decomposition, k.
 * Output: a decomposition with k contexts (or as few as the sequence allows), each merged context
 * keeping the id that sorts first, named after its two largest members ("orders + payments").
 */
import { compareStrings } from '../model/compare.js';
import type { Context, Decomposition } from '../model/types.js';

export function decompositionAtLevel(d: Decomposition, k: number): Decomposition {
  const steps = Math.max(0, Math.min(d.merges?.length ?? 0, d.contexts.length - k));
  if (steps === 0) return d;
  const groupOf = new Map(d.contexts.map((c) => [c.id, c.id]));
  const find = (id: string): string => {
    let x = id;
    while (groupOf.has(x) && groupOf.get(x) !== x) x = groupOf.get(x)!;
    return x;
  };
  // A context emptied after clustering (its modules lifted to the kernel) leaves its merges behind.
  for (const { a, b } of d.merges!.filter((m) => groupOf.has(m.a) && groupOf.has(m.b)).slice(0, steps)) {
    const [keep, drop] = compareStrings(find(a), find(b)) <= 0 ? [find(a), find(b)] : [find(b), find(a)];
    groupOf.set(drop, keep);
  }
  const members = new Map<string, Context[]>();
  for (const c of d.contexts) (members.get(find(c.id)) ?? members.set(find(c.id), []).get(find(c.id))!).push(c);
  const contexts: Context[] = [...members].map(([id, list]) => {
    const bySize = [...list].sort((x, y) => y.lines - x.lines || compareStrings(x.name, y.name));
    return {
      id,
      name: bySize.length === 1 ? bySize[0]!.name : `${bySize.slice(0, 2).map((c) => c.name).join(' + ')}${bySize.length > 2 ? ` + ${bySize.length - 2} more` : ''}`,
      modules: list.flatMap((c) => c.modules).sort(compareStrings),
      tables: list.flatMap((c) => c.tables).sort(compareStrings),
      lines: list.reduce((n, c) => n + c.lines, 0),
    };
  });
  contexts.sort((x, y) => y.lines - x.lines || compareStrings(x.id, y.id));
  const { merges: _levels, ...rest } = d;
  return { ...rest, method: `${d.method}; merged to ${contexts.length} contexts along its merge sequence`, contexts };
}
