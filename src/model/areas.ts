/**
 * Code areas: the coarse business folders of a repository (orders/, billing/), used to tell whether a
 * module is used across areas.
 * Input: a module id. Output: its area = the first folder of its path that is not a conventional
 * container (src, lib, app, packages, modules, ...); '(root)' for files that sit in no such folder.
 * Java/Kotlin sources: the package after src/main/java and a base package of the form tld.company.app
 * (com/acme/shop/orders/X.java -> orders); a shorter base package is a known limit of this heuristic.
 */
const CONTAINERS = new Set([
  'src', 'source', 'sources', 'lib', 'libs', 'app', 'apps', 'packages', 'modules', 'services', 'domains',
  'features', 'main', 'server', 'backend', 'api', 'code', 'java', 'ts', 'js',
]);

export const ROOT_AREA = '(root)';

const JAVA_ROOT = /^(?:.*\/)?src\/(?:main|test)\/(?:java|kotlin|scala)\//;
const TLD = /^(com|org|net|io|dev|app|de|fr|nl|uk|co|edu|gov|ch|at|be|se|dk|no|fi|it|es|pl|jp|cn|ru|br|in|au|ca|us|eu|info|biz|tech)$/;

export function areaOf(moduleId: string): string {
  // JVM sources: past src/main/java and the base package (tld.company.app), the next package is the area.
  const jvm = JAVA_ROOT.exec(moduleId);
  let rest = jvm ? moduleId.slice(jvm[0].length) : moduleId;
  if (jvm) {
    const parts = rest.split('/');
    if (TLD.test(parts[0] ?? '') && parts.length > 3) rest = parts.slice(3).join('/');
    else if (TLD.test(parts[0] ?? '')) rest = parts[parts.length - 1]!;
  }
  const segments = rest.split('/');
  // A file module's last segment is the file itself, never an area.
  const dirs = /\.[a-z0-9]+$/i.test(segments[segments.length - 1] ?? '') ? segments.slice(0, -1) : segments;
  for (const s of dirs) if (s !== '.' && s !== '' && !CONTAINERS.has(s.toLowerCase())) return s;
  return ROOT_AREA;
}
