/** The SQL dialects the API accepts, re-exported for the CLI (which imports only main, config, report). */
export { DIALECTS, isDialect } from '../collect/db/sql-dialects.js';
