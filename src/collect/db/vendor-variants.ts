/**
 * One schema shipped once per database vendor is one schema, not several: read one variant, skip the
 * others, say so once. Two layouts: a vendor folder (`db/h2/schema.sql`, `db/mysql/schema.sql`) and a
 * vendor-suffixed folder beside the default one (`migrations/` and `migrations-sqlite/`).
 * Input: paths of schema sources (SQL files, migration code) and the dialect chosen for the repository.
 * Output: the paths to read and a diagnostic per group. Folders are grouped by their path with the
 * vendor part taken out; a group with two or more vendors keeps the dialect's vendor, else the default
 * (unsuffixed) folder, else the first of VENDOR_PREFERENCE present; files of the other folders are skipped.
 */
import type { Diagnostic } from '../../model/types.js';
import { compareStrings } from '../../model/compare.js';

const VENDORS = 'h2|hsqldb|hsql|derby|mysql|mariadb|postgres|postgresql|pg|pgsql|oracle|sqlserver|mssql|sqlite|db2';
const VENDOR_FOLDER = new RegExp(`(^|/)(${VENDORS})/`, 'i');
const SUFFIXED_FOLDER = new RegExp(`(^|/)([A-Za-z][\\w]*?)[-_](${VENDORS})/`, 'i');
const DEFAULT = '(default)';
const VENDOR_PREFERENCE = ['postgresql', 'postgres', 'pgsql', 'pg', 'mysql', 'mariadb', 'sqlserver', 'mssql', 'oracle', 'sqlite', 'db2', 'h2', 'hsqldb', 'hsql', 'derby'];
const DIALECT_VENDORS: Record<string, string[]> = {
  postgresql: ['postgresql', 'postgres', 'pgsql', 'pg'],
  mysql: ['mysql', 'mariadb'],
  mariadb: ['mariadb', 'mysql'],
  transactsql: ['sqlserver', 'mssql'],
  sqlite: ['sqlite'],
  db2: ['db2'],
};

interface Variant {
  group: string;
  vendor: string;
  folder: string;
}

function variantOf(path: string, suffixedBases: ReadonlySet<string>): Variant | undefined {
  const suffixed = SUFFIXED_FOLDER.exec(path);
  if (suffixed) {
    const start = suffixed.index + suffixed[1]!.length;
    const base = `${path.slice(0, start)}${suffixed[2]}`;
    return { group: base, vendor: suffixed[3]!.toLowerCase(), folder: path.slice(0, suffixed.index + suffixed[0].length) };
  }
  const vendor = VENDOR_FOLDER.exec(path);
  if (vendor) {
    const start = vendor.index + vendor[1]!.length;
    return { group: `${path.slice(0, start)}{vendor}`, vendor: vendor[2]!.toLowerCase(), folder: path.slice(0, vendor.index + vendor[0].length) };
  }
  // The default folder beside suffixed ones: `migrations/` next to `migrations-sqlite/`.
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const base = path.slice(0, i);
    if (suffixedBases.has(base)) return { group: base, vendor: DEFAULT, folder: `${base}/` };
  }
  return undefined;
}

const VENDOR_IN_NAME = /(sqlite|postgres(?:ql)?|pg|mysql|mariadb|mssql|sqlserver|oracle|db2|h2)/i;

/**
 * Migration code that carries one method per vendor (`postgresUpQueryRunner`, `sqliteUpQueryRunner`):
 * of each file's SQL literals, those in a vendor-named function are kept only for the vendor chosen as
 * for folders; literals in other functions are kept.
 */
export function pickVendorMethods<T extends { file: string; enclosing?: string }>(literals: readonly T[], dialect: string): T[] {
  const vendorOf = (l: T) => VENDOR_IN_NAME.exec(l.enclosing ?? '')?.[1]?.toLowerCase();
  const vendorsByFile = new Map<string, Set<string>>();
  for (const l of literals) {
    const v = vendorOf(l);
    if (v) (vendorsByFile.get(l.file) ?? vendorsByFile.set(l.file, new Set()).get(l.file)!).add(v);
  }
  const chosen = new Map([...vendorsByFile].map(([file, vendors]) => [file, [...(DIALECT_VENDORS[dialect] ?? []), ...VENDOR_PREFERENCE].find((v) => vendors.has(v)) ?? [...vendors].sort()[0]!]));
  return literals.filter((l) => {
    const v = vendorOf(l);
    return v === undefined || v === chosen.get(l.file);
  });
}

export function pickVendorVariants<T extends { path: string }>(files: readonly T[], dialect: string): { files: T[]; diagnostics: Diagnostic[] } {
  const suffixedBases = new Set<string>();
  for (const f of files) {
    const m = SUFFIXED_FOLDER.exec(f.path);
    if (m) suffixedBases.add(`${f.path.slice(0, m.index + m[1]!.length)}${m[2]}`);
  }
  const groups = new Map<string, Map<string, { folder: string; files: number }>>();
  const variantOfFile = new Map<string, Variant>();
  for (const f of files) {
    const v = variantOf(f.path, suffixedBases);
    if (!v) continue;
    variantOfFile.set(f.path, v);
    const vendors = groups.get(v.group) ?? groups.set(v.group, new Map()).get(v.group)!;
    const row = vendors.get(v.vendor) ?? { folder: v.folder, files: 0 };
    row.files++;
    vendors.set(v.vendor, row);
  }
  const chosen = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const [group, vendors] of [...groups.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    if (vendors.size < 2) continue;
    const present = [...vendors.keys()];
    const preferred = [...(DIALECT_VENDORS[dialect] ?? []), DEFAULT, ...VENDOR_PREFERENCE].find((v) => present.includes(v))!;
    chosen.set(group, preferred);
    const skipped = present.filter((v) => v !== preferred).sort(compareStrings);
    const skippedFiles = skipped.reduce((n, v) => n + vendors.get(v)!.files, 0);
    diagnostics.push({
      severity: 'info',
      code: 'schema-vendor-variants',
      message: `the schema is shipped once per database vendor (${present.length} variants of ${group.replace('{vendor}', '*')}): read ${vendors.get(preferred)!.folder}${DIALECT_VENDORS[dialect]?.includes(preferred) ? ` (the dialect, ${dialect})` : ''}, skipped ${skippedFiles} files of ${skipped.map((v) => vendors.get(v)!.folder).join(', ')}`,
    });
  }
  const keep = (f: T) => {
    const v = variantOfFile.get(f.path);
    return !v || !chosen.has(v.group) || chosen.get(v.group) === v.vendor;
  };
  return { files: files.filter(keep), diagnostics };
}
