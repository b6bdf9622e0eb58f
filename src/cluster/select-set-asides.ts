/**
 * Modules kept out of the contexts besides the kernel, from their roles (classify stage):
 * platform = composition roots and wiring (role configuration set aside: @SpringBootApplication,
 * @Configuration, root modules, program entry files, config folders); tooling = tooling and generated
 * code. Input: the model. Output: sorted module ids; after clustering, each platform module with the
 * contexts it wires = the contexts of the modules its code edges reach, sorted.
 */
import { compareStrings } from '../model/compare.js';
import { contextIndex } from '../model/context-index.js';
import type { Decomposition, SystemModel } from '../model/types.js';

export interface SetAsides {
  platform: string[];
  tooling: string[];
}

export function selectSetAsides(model: SystemModel): SetAsides {
  const of = (kind: 'platform' | 'tooling') => model.modules.filter((m) => m.role?.setAside === kind).map((m) => m.id).sort(compareStrings);
  return { platform: of('platform'), tooling: of('tooling') };
}

export function platformWiring(model: SystemModel, platform: readonly string[], decomposition: Decomposition): { module: string; wires: string[] }[] {
  const ctx = contextIndex(decomposition, { withKernel: false });
  const wires = new Map(platform.map((m) => [m, new Set<string>()]));
  for (const e of model.edges) {
    const set = wires.get(e.from);
    const c = ctx.get(e.to);
    if (set && c) set.add(c);
  }
  return [...wires].map(([module, set]) => ({ module, wires: [...set].sort(compareStrings) }));
}
