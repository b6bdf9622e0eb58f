/**
 * Which modules are set aside as the shared kernel (a library every service may use) instead of being
 * forced into one context. Input: the shared-kernel analysis and user globs. Output: module ids.
 * Rule: candidates whose path reads like shared code (shared/common/util/kernel/core/lib/...) or that
 * at least 40% of the other areas use, unless they anchor data (an entity mapping a table, code
 * accessing one); a widely used module also needs a role that is not a business capability's
 * (domain, application, interface, persistence): in a layered code base every entity is "used by
 * many areas" because the areas are layers. Base types extended or implemented by 3 or more modules
 * that map no table join the kernel too. Then `kernel` globs add modules, and globs starting with `!`
 * take modules out.
 */
import picomatch from 'picomatch';
import type { SharedKernelResult } from '../analyze/shared-kernel.js';
import { compareStrings } from '../model/compare.js';
import type { SystemModel } from '../model/types.js';

export const KERNEL_MIN_SPREAD = 0.4;
/** A type extended or implemented by this many modules or more is a shared base type. */
export const BASE_TYPE_MIN_HEIRS = 3;

/** Roles that carry a business capability: used everywhere, they are still some context's own. */
const CAPABILITY_ROLES = new Set(['domain', 'application', 'interface', 'persistence']);

export function selectKernel(model: SystemModel, shared: SharedKernelResult, globs: readonly string[]): string[] {
  // An entity that maps a table, or code that reads or writes one, anchors its context: however
  // widely used, it is that context's published model, not a library (the workshop may still decide so).
  const anchors = new Set<string>();
  for (const t of model.data?.tables ?? []) for (const m of t.entityModules) anchors.add(m);
  for (const e of model.data?.edges ?? []) if (e.kind === 'table-access') anchors.add(e.from);
  const role = new Map(model.modules.map((m) => [m.id, m.role?.role]));
  const widelyUsed = (c: SharedKernelResult['candidates'][number]) => c.spread >= KERNEL_MIN_SPREAD && !anchors.has(c.module) && !CAPABILITY_ROLES.has(role.get(c.module) ?? '');
  const kernel = new Set(shared.candidates.filter((c) => (c.namedShared && !anchors.has(c.module)) || widelyUsed(c)).map((c) => c.module));
  // A base type that many modules extend or implement (BaseEntity, AbstractController, DomainEntity)
  // is shared by construction: set aside rather than let it glue its heirs together.
  const heirs = new Map<string, Set<string>>();
  for (const e of model.edges) if (e.kind === 'extends' || e.kind === 'implements') (heirs.get(e.to) ?? heirs.set(e.to, new Set()).get(e.to)!).add(e.from);
  for (const [base, set] of heirs) if (set.size >= BASE_TYPE_MIN_HEIRS && !anchors.has(base)) kernel.add(base);
  const add = globs.filter((g) => !g.startsWith('!'));
  const remove = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const addMatch = add.length > 0 ? picomatch(add, { dot: true }) : () => false;
  const removeMatch = remove.length > 0 ? picomatch(remove, { dot: true }) : () => false;
  for (const m of model.modules) {
    if (addMatch(m.id)) kernel.add(m.id);
    if (removeMatch(m.id)) kernel.delete(m.id);
  }
  return [...kernel].sort(compareStrings);
}
