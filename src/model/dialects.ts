/** The SQL dialect names node-sql-parser knows: `model.data.dialect.name` is one, `--dialect` takes one. */
/** Every dialect accepted by --dialect. */
export const DIALECTS = [
  'athena', 'bigquery', 'db2', 'flinksql', 'hive', 'mariadb', 'mysql', 'noql', 'postgresql', 'redshift', 'snowflake', 'sqlite', 'transactsql', 'trino',
] as const;
export type Dialect = (typeof DIALECTS)[number];
