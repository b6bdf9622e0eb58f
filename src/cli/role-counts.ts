import type { ModuleNode } from '../model/types.js';

/** "domain 8, application 5, ...": modules per role, most first; '' when no module has a role (older analyses). */
export function roleCounts(modules: readonly ModuleNode[]): string {
  const roles = new Map<string, number>();
  for (const m of modules) if (m.role) roles.set(m.role.role, (roles.get(m.role.role) ?? 0) + 1);
  return [...roles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${r} ${n}`).join(', ');
}
