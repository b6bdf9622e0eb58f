/**
 * Code areas: the coarse business folders of a repository (orders/, billing/), used to tell whether a
 * module is used across areas.
 * Input: a module id. Output: its area = the first folder of its path that is not a conventional
 * container (src, lib, app, packages, modules, ...); '(root)' for files that sit in no such folder.
 * Java/Kotlin sources: the package after src/main/java and the base package. `areaOf` alone assumes a
 * base package of the form tld.company.app (com/acme/shop/orders/X.java -> orders); `areasOf(ids)`
 * reads the base package from the repository instead: per source root and tld.company, the longest
 * package prefix all its modules share (com/ibm/websphere/samples/pbw/{bean,jpa,war} -> bean, jpa,
 * war; com/pathfinder/{api,internal} -> api, internal); when they all sit in one package, that package.
 */
const CONTAINERS = new Set([
  'src', 'source', 'sources', 'lib', 'libs', 'app', 'apps', 'packages', 'modules', 'services', 'domains',
  'features', 'main', 'server', 'backend', 'api', 'code', 'java', 'ts', 'js',
]);

export const ROOT_AREA = '(root)';

const JAVA_ROOT = /^(?:.*\/)?src\/(?:main|test)\/(?:java|kotlin|scala)\//;
const TLD = /^(com|org|net|io|dev|app|de|fr|nl|uk|co|edu|gov|ch|at|be|se|dk|no|fi|it|es|pl|jp|cn|ru|br|in|au|ca|us|eu|info|biz|tech)$/;

export function areaOf(moduleId: string, basePackages?: ReadonlyMap<string, number>): string {
  return firstArea(belowBasePackage(moduleId, basePackages));
}

/**
 * The module's path below its JVM source root and base package (the whole path for other modules):
 * where a folder name says something about the code, not about the company or the product.
 */
export function belowBasePackage(moduleId: string, basePackages?: ReadonlyMap<string, number>): string {
  const jvm = JAVA_ROOT.exec(moduleId);
  if (!jvm) return moduleId;
  const parts = moduleId.slice(jvm[0].length).split('/');
  const known = basePackages?.get(jvmGroup(jvm[0], parts));
  if (known !== undefined) return parts.slice(known).join('/');
  if (TLD.test(parts[0] ?? '') && parts.length > 3) return parts.slice(3).join('/');
  if (TLD.test(parts[0] ?? '')) return parts[parts.length - 1]!;
  return parts.join('/');
}

/** Areas of one repository: the base package of each JVM source root read from its modules. */
export function areasOf(moduleIds: readonly string[]): (moduleId: string) => string {
  const basePackages = readBasePackages(moduleIds);
  const cache = new Map<string, string>();
  return (id) => cache.get(id) ?? cache.set(id, areaOf(id, basePackages)).get(id)!;
}

/** Per JVM source root and tld.company: how many package segments the base package has. */
export function readBasePackages(moduleIds: readonly string[]): Map<string, number> {
  const shared = new Map<string, string[]>();
  const deepest = new Map<string, number>();
  for (const id of moduleIds) {
    const jvm = JAVA_ROOT.exec(id);
    if (!jvm) continue;
    const parts = id.slice(jvm[0].length).split('/');
    if (!TLD.test(parts[0] ?? '') || parts.length < 3) continue;
    const key = jvmGroup(jvm[0], parts);
    const dirs = parts.slice(0, -1);
    deepest.set(key, Math.max(deepest.get(key) ?? 0, dirs.length));
    const prefix = shared.get(key);
    if (prefix === undefined) shared.set(key, dirs);
    else {
      let n = 0;
      while (n < prefix.length && n < dirs.length && prefix[n] === dirs[n]) n++;
      prefix.length = n;
    }
  }
  const basePackages = new Map<string, number>();
  for (const [key, prefix] of shared) {
    // Every module of the group in one package: that package is the area.
    const nested = deepest.get(key)! > prefix.length;
    basePackages.set(key, Math.max(1, nested ? prefix.length : prefix.length - 1));
  }
  return basePackages;
}

function jvmGroup(root: string, parts: readonly string[]): string {
  return `${root}${parts[0] ?? ''}/${parts[1] ?? ''}`;
}

function firstArea(rest: string): string {
  const segments = rest.split('/');
  // A file module's last segment is the file itself, never an area.
  const dirs = /\.[a-z0-9]+$/i.test(segments[segments.length - 1] ?? '') ? segments.slice(0, -1) : segments;
  for (const s of dirs) if (s !== '.' && s !== '' && !CONTAINERS.has(s.toLowerCase())) return s;
  return ROOT_AREA;
}
