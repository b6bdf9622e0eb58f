/**
 * One schema shipped once per database vendor (`db/h2/schema.sql`, `db/mysql/schema.sql`,
 * `db/postgres/schema.sql`) is one schema, not three: read one variant, skip the others, say so once.
 * Input: the SQL files and the dialect chosen for the repository. Output: the files to read and a
 * diagnostic per group of variants. Variants = files whose paths differ only in one vendor-named folder;
 * the one read is the vendor of the chosen dialect, else the first of VENDOR_PREFERENCE present.
 */
import type { Diagnostic } from '../../model/types.js';
import type { ListedFile } from '../files/list-files.js';
import { compareStrings } from '../../model/compare.js';

const VENDOR_FOLDER = /(^|\/)(h2|hsqldb|hsql|derby|mysql|mariadb|postgres|postgresql|pg|pgsql|oracle|sqlserver|mssql|sqlite|db2)(\/)/i;
const VENDOR_PREFERENCE = ['postgresql', 'postgres', 'pgsql', 'pg', 'mysql', 'mariadb', 'sqlserver', 'mssql', 'oracle', 'sqlite', 'db2', 'h2', 'hsqldb', 'hsql', 'derby'];
const DIALECT_VENDORS: Record<string, string[]> = {
  postgresql: ['postgresql', 'postgres', 'pgsql', 'pg'],
  mysql: ['mysql', 'mariadb'],
  mariadb: ['mariadb', 'mysql'],
  transactsql: ['sqlserver', 'mssql'],
  sqlite: ['sqlite'],
  db2: ['db2'],
};

export function pickVendorVariants(files: readonly ListedFile[], dialect: string): { files: ListedFile[]; diagnostics: Diagnostic[] } {
  const groups = new Map<string, { vendor: string; file: ListedFile }[]>();
  for (const f of files) {
    const m = VENDOR_FOLDER.exec(f.path);
    if (!m) continue;
    const key = `${f.path.slice(0, m.index)}${m[1]}{vendor}${m[3]}${f.path.slice(m.index + m[0].length)}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push({ vendor: m[2]!.toLowerCase(), file: f });
  }
  const skipped = new Set<string>();
  const byFolders = new Map<string, { read: string; skipped: string[]; files: number }>();
  for (const [key, list] of groups) {
    const vendors = [...new Set(list.map((x) => x.vendor))];
    if (vendors.length < 2) continue;
    const preferred = [...(DIALECT_VENDORS[dialect] ?? []), ...VENDOR_PREFERENCE].find((v) => vendors.includes(v))!;
    for (const x of list) if (x.vendor !== preferred) skipped.add(x.file.path);
    const folder = key.slice(0, key.indexOf('{vendor}'));
    const row = byFolders.get(folder) ?? { read: preferred, skipped: [], files: 0 };
    row.skipped = [...new Set([...row.skipped, ...vendors.filter((v) => v !== preferred)])].sort(compareStrings);
    row.files += list.length - list.filter((x) => x.vendor === preferred).length;
    byFolders.set(folder, row);
  }
  const diagnostics: Diagnostic[] = [...byFolders.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([folder, row]) => ({
    severity: 'info',
    code: 'schema-vendor-variants',
    message: `the schema under ${folder || './'} is shipped once per database vendor: read the ${row.read} variant${DIALECT_VENDORS[dialect]?.includes(row.read) ? ` (the dialect, ${dialect})` : ''}, skipped ${row.files} files of ${row.skipped.join(', ')}`,
  }));
  return { files: files.filter((f) => !skipped.has(f.path)), diagnostics };
}
