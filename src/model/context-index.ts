/**
 * The one module -> context lookup of a Decomposition, and the one table -> owning context lookup. Scores and the plan look at contexts only
 * (a kernel module belongs to none); the reports show the kernel as a group of its own, KERNEL_ID.
 */
import type { Decomposition } from './types.js';

export const KERNEL_ID = 'kernel';

export function contextIndex(d: Decomposition | undefined, options: { withKernel: boolean }): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of d?.contexts ?? []) for (const m of c.modules) index.set(m, c.id);
  if (options.withKernel) for (const k of d?.kernel ?? []) index.set(k, KERNEL_ID);
  return index;
}

/** Table id -> the context that owns it (tables nobody owns are absent). */
export function tableOwners(d: Decomposition | undefined): Map<string, string> {
  const owner = new Map<string, string>();
  for (const c of d?.contexts ?? []) for (const t of c.tables) owner.set(t, c.id);
  return owner;
}

/** Modules a decomposition keeps out of its contexts (kernel, platform, tooling): what its scoring graph leaves out. */
export function setAsidesOf(d: Decomposition): Set<string> {
  return new Set([...d.kernel, ...(d.platform ?? []).map((p) => p.module), ...(d.tooling ?? [])]);
}
