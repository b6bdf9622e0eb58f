/**
 * SQL dialects node-sql-parser knows, and how the repository's own dialect is guessed.
 * Input: declared npm dependencies, Prisma datasource providers, SQL text samples. Output: a dialect
 * name and the reason, e.g. "package.json depends on pg". Signals in order: an explicit --dialect,
 * driver packages, Prisma providers, then syntax (backticks, AUTO_INCREMENT -> mysql; $$, SERIAL, ::,
 * ILIKE -> postgresql; [brackets], IDENTITY(, NVARCHAR, GO -> transactsql; AUTOINCREMENT -> sqlite).
 * Default postgresql. There is no Oracle dialect: PL/SQL goes to the fallback extractor.
 */
import type { SplitterOptions } from './split-statements.js';

import type { Dialect } from '../../model/dialects.js';

/** Dialects tried, in this order, when a statement fails in the chosen one. */
export const RETRY_ORDER: readonly Dialect[] = ['postgresql', 'mysql', 'mariadb', 'sqlite', 'transactsql', 'bigquery', 'snowflake'];

const DRIVERS: [RegExp, Dialect][] = [
  [/^(pg|postgres|pg-promise|@neondatabase\/serverless|@vercel\/postgres|slonik|@databases\/pg)$/, 'postgresql'],
  [/^(mysql|mysql2|@planetscale\/database|@databases\/mysql)$/, 'mysql'],
  [/^mariadb$/, 'mariadb'],
  [/^(sqlite3|better-sqlite3|sqlite|@libsql\/client)$/, 'sqlite'],
  [/^(mssql|tedious)$/, 'transactsql'],
  [/^@google-cloud\/bigquery$/, 'bigquery'],
  [/^snowflake-sdk$/, 'snowflake'],
];

const PRISMA_PROVIDERS: Record<string, Dialect> = {
  postgresql: 'postgresql', postgres: 'postgresql', cockroachdb: 'postgresql', mysql: 'mysql', sqlite: 'sqlite', sqlserver: 'transactsql',
};

export interface DialectChoice {
  name: Dialect;
  reason: string;
}

export function detectDialect(input: { explicit?: string; dependencies: Iterable<string>; prismaProviders: string[]; sqlSample: string }): DialectChoice {
  if (input.explicit) return { name: input.explicit as Dialect, reason: '--dialect' };
  const found = new Map<Dialect, string>();
  for (const dep of [...input.dependencies].sort()) {
    for (const [re, d] of DRIVERS) if (re.test(dep) && !found.has(d)) found.set(d, dep);
  }
  if (found.size === 1) {
    const [[name, dep]] = [...found.entries()] as [[Dialect, string]];
    return { name, reason: `package.json depends on ${dep}` };
  }
  for (const p of input.prismaProviders) {
    const d = PRISMA_PROVIDERS[p];
    if (d) return { name: d, reason: `schema.prisma datasource provider "${p}"` };
  }
  const sample = input.sqlSample;
  const score: [Dialect, number, string][] = [
    ['postgresql', count(sample, /\$\$|\bSERIAL\b|::\w|\bILIKE\b|\bJSONB\b|\bRETURNING\b/gi), 'PostgreSQL syntax ($$, SERIAL, ::, ILIKE, JSONB)'],
    ['mysql', count(sample, /`\w+`|\bAUTO_INCREMENT\b|\bENGINE\s*=/gi), 'MySQL syntax (backticks, AUTO_INCREMENT, ENGINE=)'],
    ['transactsql', count(sample, /\[\w+\]|\bIDENTITY\s*\(|\bNVARCHAR\b|^[ \t]*GO[ \t]*$/gim), 'T-SQL syntax ([brackets], IDENTITY, NVARCHAR, GO)'],
    ['sqlite', count(sample, /\bAUTOINCREMENT\b|\bPRAGMA\b/gi), 'SQLite syntax (AUTOINCREMENT, PRAGMA)'],
  ];
  score.sort((a, b) => b[1] - a[1]);
  if (found.size > 1) {
    const drivers = [...found.keys()];
    const best = score.find(([d, n]) => n > 0 && drivers.includes(d));
    const name = best?.[0] ?? drivers.sort()[0]!;
    return { name, reason: `several drivers (${[...found.values()].join(', ')}); ${best ? best[2] : 'first by name'}` };
  }
  if (score[0]![1] > 0) return { name: score[0]![0], reason: score[0]![2] };
  return { name: 'postgresql', reason: 'no driver or dialect-specific syntax found; default' };
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}


/** Quoting and comment rules of a dialect for the statement splitter. */
export function splitterOptionsFor(dialect: Dialect): SplitterOptions {
  return {
    backslashEscapes: dialect === 'mysql' || dialect === 'mariadb',
    hashComments: dialect === 'mysql' || dialect === 'mariadb',
    bracketQuotes: dialect === 'transactsql',
  };
}
