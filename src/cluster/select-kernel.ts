/**
 * Which modules are set aside as the shared kernel (a library every service may use) instead of being
 * forced into one context. Input: the shared-kernel analysis and user globs. Output: module ids.
 * Rule: candidates whose path reads like shared code (shared/common/util/kernel/core/lib/...) or that
 * at least 40% of the other areas use; then `kernel` globs add modules, and globs starting with `!`
 * take modules out.
 */
import picomatch from 'picomatch';
import type { SharedKernelResult } from '../analyze/shared-kernel.js';
import { compareStrings } from '../model/compare.js';
import type { SystemModel } from '../model/types.js';

export const KERNEL_MIN_SPREAD = 0.4;

export function selectKernel(model: SystemModel, shared: SharedKernelResult, globs: readonly string[]): string[] {
  const kernel = new Set(shared.candidates.filter((c) => c.namedShared || c.spread >= KERNEL_MIN_SPREAD).map((c) => c.module));
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
