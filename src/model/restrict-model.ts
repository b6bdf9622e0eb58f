/**
 * A model cut down to the modules a scoped check looks at (`check --since`): the changed modules and
 * what they depend on. Input: the model and the changed modules. Output: the same model holding those
 * modules, their files, the code edges among them, the table accesses of the changed ones and every
 * table, foreign key and join (table to table), and the transactions of the changed ones.
 * Why: deciding where modules go (the decision file's globs, set-asides, open modules' ties) then costs
 * what the change touches, not what the repository holds; every module a per-change rule reads (the
 * edge's two ends, the accessing module) is kept, and their placement by the decision file does not
 * depend on the other modules.
 */
import type { SystemModel } from './types.js';

export function restrictModel(model: SystemModel, changed: ReadonlySet<string>): SystemModel {
  const keep = new Set(changed);
  for (const e of model.edges) if (changed.has(e.from)) keep.add(e.to);
  const data = model.data;
  return {
    ...model,
    files: model.files.filter((f) => keep.has(f.module)),
    modules: model.modules.filter((m) => keep.has(m.id)),
    edges: model.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    ...(data
      ? {
          data: {
            ...data,
            edges: data.edges.filter((e) => e.kind !== 'table-access' || changed.has(e.from)),
            ...(data.transactions ? { transactions: data.transactions.filter((t) => changed.has(t.module)) } : {}),
          },
        }
      : {}),
  };
}
