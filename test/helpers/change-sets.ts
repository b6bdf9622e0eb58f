/** Change sets for a test model, given as module ids, in the columns the model keeps them. */
import type { ChangeSets, SystemModel } from '../../src/model/types.js';

export function changeSetColumns(model: SystemModel, sets: { id: string; date: string; modules: string[] }[]): ChangeSets {
  const index = new Map(model.modules.map((m, i) => [m.id, i]));
  const out: ChangeSets = { ids: [], dates: [], starts: [], modules: [] };
  for (const s of sets) {
    out.ids.push(s.id);
    out.dates.push(s.date);
    out.starts.push(out.modules.length);
    out.modules.push(...s.modules.map((m) => index.get(m)!).sort((a, b) => a - b));
  }
  return out;
}
