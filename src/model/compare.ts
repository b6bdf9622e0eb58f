/**
 * All sorting lives here: every comparator breaks every tie so that output order never depends on
 * the order in which files were read. Strings compare by UTF-16 code units (not locale) for stability.
 */
import type {
  Diagnostic,
  Edge,
  Evidence,
  ExternalDependency,
  SkippedPath,
  SqlLiteral,
  UnresolvedImport,
} from './types.js';

/** Locale-independent string order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNumbers(a: number, b: number): number {
  return a - b;
}

/** Chains comparators: the first non-zero result wins. */
export function byKeys<T>(...comparators: ((a: T, b: T) => number)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const c of comparators) {
      const r = c(a, b);
      if (r !== 0) return r;
    }
    return 0;
  };
}

export const compareEvidence = byKeys<Evidence>(
  (a, b) => compareStrings(a.file, b.file),
  (a, b) => a.line - b.line,
  (a, b) => compareStrings(a.text ?? '', b.text ?? ''),
);

export const compareEdges = byKeys<Edge>(
  (a, b) => compareStrings(a.from, b.from),
  (a, b) => compareStrings(a.to, b.to),
  (a, b) => compareStrings(a.kind, b.kind),
);

const severityRank = { error: 0, warning: 1, info: 2 } as const;

export const compareDiagnostics = byKeys<Diagnostic>(
  (a, b) => severityRank[a.severity] - severityRank[b.severity],
  (a, b) => compareStrings(a.code, b.code),
  (a, b) => compareStrings(a.file ?? '', b.file ?? ''),
  (a, b) => (a.line ?? 0) - (b.line ?? 0),
  (a, b) => compareStrings(a.message, b.message),
);

export const compareSkipped = byKeys<SkippedPath>(
  (a, b) => compareStrings(a.path, b.path),
  (a, b) => compareStrings(a.reason, b.reason),
);

export const compareExternals = byKeys<ExternalDependency>((a, b) => compareStrings(a.name, b.name));

export const compareUnresolved = byKeys<UnresolvedImport>(
  (a, b) => compareStrings(a.module, b.module),
  (a, b) => compareEvidence(a.evidence, b.evidence),
  (a, b) => compareStrings(a.specifier, b.specifier),
);

export const compareSqlLiterals = byKeys<SqlLiteral>(
  (a, b) => compareStrings(a.file, b.file),
  (a, b) => a.line - b.line,
  (a, b) => compareStrings(a.text, b.text),
);

/** Sorts a copy. */
export function sorted<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return [...items].sort(compare);
}

/** Sorts and removes consecutive duplicates (by the comparator). */
export function sortedUnique<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  for (const item of sorted(items, compare)) {
    const last = out[out.length - 1];
    if (last === undefined || compare(last, item) !== 0) out.push(item);
  }
  return out;
}
