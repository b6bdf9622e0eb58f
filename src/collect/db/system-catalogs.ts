/**
 * System catalogs are the database's own bookkeeping, never tables of the domain: SQLite's
 * sqlite_master / sqlite_schema / sqlite_sequence / sqlite_stat*, information_schema.*, PostgreSQL's
 * pg_catalog.* and pg_* views, SQL Server's sys.* and INFORMATION_SCHEMA, MySQL's mysql.* and
 * performance_schema.*. Input: a table id (tableId form). Output: whether to leave it out.
 */
const CATALOG_SCHEMAS = new Set(['information_schema', 'pg_catalog', 'sys', 'mysql', 'performance_schema', 'sqlite_temp_master']);
const CATALOG_TABLES = /^(sqlite_(master|schema|sequence|temp_master|stat\d)|pg_(class|namespace|tables|indexes|index|attribute|constraint|type|proc|roles|user|stat_\w+|settings|database|views|sequences|locks|trigger))$/;

export function isSystemCatalog(id: string): boolean {
  const dot = id.indexOf('.');
  if (dot > 0 && CATALOG_SCHEMAS.has(id.slice(0, dot))) return true;
  return CATALOG_TABLES.test(dot > 0 ? id.slice(dot + 1) : id);
}
