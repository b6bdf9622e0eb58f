/**
 * The order in which schema sources are applied, so that the final schema is what the migrations
 * leave behind. Groups, in order: (0) Flyway versioned migrations `V<version>__*.sql` by version number
 * (V1_10 after V1_9); (1) other migrations (files below a migrations/migrate/changelog folder: Prisma
 * `migrations/<timestamp>_<name>/migration.sql`, Knex/TypeORM/MikroORM timestamped files) by path,
 * since their names start with sortable timestamps; (2) Flyway repeatable `R__*.sql`; (3) every other
 * .sql/.ddl file (schema dumps, seeds) by path.
 */
import { compareStrings } from '../../model/compare.js';

const FLYWAY_VERSIONED = /(?:^|\/)V(\d+(?:[._]\d+)*)__[^/]*\.sql$/i;
const FLYWAY_REPEATABLE = /(?:^|\/)R__[^/]*\.sql$/i;
// A folder named migrations (or migrate, changelog), also with a prefix: knex_migrations/, db-migrations/.
const MIGRATION_FOLDER = /(?:^|\/)(?:[\w-]*[_-])?(?:migrations?|migrate|changelogs?)\/|(?:^|\/)db\/changes\//i;

export interface OrderKey {
  group: number;
  version: number[];
  path: string;
}

export function isMigrationPath(path: string): boolean {
  return FLYWAY_VERSIONED.test(path) || FLYWAY_REPEATABLE.test(path) || MIGRATION_FOLDER.test(path);
}

export function migrationOrderKey(path: string): OrderKey {
  const versioned = FLYWAY_VERSIONED.exec(path);
  if (versioned) return { group: 0, version: versioned[1]!.split(/[._]/).map(Number), path };
  if (FLYWAY_REPEATABLE.test(path)) return { group: 2, version: [], path };
  if (MIGRATION_FOLDER.test(path)) return { group: 1, version: [], path };
  return { group: 3, version: [], path };
}

export function compareOrderKeys(a: OrderKey, b: OrderKey): number {
  if (a.group !== b.group) return a.group - b.group;
  for (let i = 0; i < Math.max(a.version.length, b.version.length); i++) {
    const d = (a.version[i] ?? 0) - (b.version[i] ?? 0);
    if (d !== 0) return d;
  }
  return compareStrings(a.path, b.path);
}
