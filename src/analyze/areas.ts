/**
 * Code areas: the coarse business folders of a repository (orders/, billing/), used to tell whether a
 * module is used across areas.
 * Input: a module id. Output: its area = the first folder of its path that is not a conventional
 * container (src, lib, app, packages, modules, ...); '(root)' for files that sit in no such folder.
 */
const CONTAINERS = new Set([
  'src', 'source', 'sources', 'lib', 'libs', 'app', 'apps', 'packages', 'modules', 'services', 'domains',
  'features', 'main', 'server', 'backend', 'api', 'code', 'java', 'ts', 'js',
]);

export const ROOT_AREA = '(root)';

export function areaOf(moduleId: string): string {
  const segments = moduleId.split('/');
  // A file module's last segment is the file itself, never an area.
  const dirs = /\.[a-z0-9]+$/i.test(segments[segments.length - 1] ?? '') ? segments.slice(0, -1) : segments;
  for (const s of dirs) if (s !== '.' && s !== '' && !CONTAINERS.has(s.toLowerCase())) return s;
  return ROOT_AREA;
}
