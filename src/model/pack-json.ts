/**
 * A lossless, smaller form of a JSON value for report.html's data block: every string of 5 characters
 * or more is stored once in a table and referred to as `§<index in base 36>`, and an array of 8 or more
 * plain objects is stored column by column (`["§T", keys, count, column...]`, an absent field `"§U"`),
 * so thousands of edges do not repeat their keys and module paths. A string that starts with `§` is
 * always put in the table, so no original string is ever read as a reference or a marker.
 * Keys are visited in sorted order, so the same value gives the same bytes whatever order its keys
 * were built in (a fresh analysis or a saved analysis.json).
 * Input: a JSON value (no undefined inside arrays, no functions). Output: `{ strings, data }`; unpack
 * gives the value back, deep-equal.
 */

export interface Packed {
  strings: string[];
  data: unknown;
}

const MARK = '\u00a7';
const TABLE = `${MARK}T`;
const ABSENT = `${MARK}U`;
const MIN_INTERNED = 5;
const MIN_COLUMNAR = 8;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sets an own property whatever its name (`__proto__` included): data never reaches a prototype. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function packJson(value: unknown): Packed {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const str = (s: string): string => {
    if (s.length < MIN_INTERNED && !s.startsWith(MARK)) return s;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return `${MARK}${i.toString(36)}`;
  };
  const isRecord = (x: unknown): x is Record<string, Json | undefined> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const pack = (x: unknown): unknown => {
    if (typeof x === 'string') return str(x);
    if (Array.isArray(x)) {
      if (x.length >= MIN_COLUMNAR && x.every(isRecord)) {
        const keys: string[] = [];
        const seen = new Set<string>();
        for (const row of x) for (const k of Object.keys(row)) if (!seen.has(k)) (seen.add(k), keys.push(k));
        keys.sort(byCodePoint);
        return [TABLE, keys, x.length, ...keys.map((k) => x.map((row) => (Object.hasOwn(row, k) && row[k] !== undefined ? pack(row[k]) : ABSENT)))];
      }
      return x.map(pack);
    }
    if (isRecord(x)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(x).sort(byCodePoint)) if (x[k] !== undefined) put(out, k, pack(x[k]));
      return out;
    }
    return x;
  };
  const data = pack(value);
  return { strings, data };
}

export function unpackJson(packed: Packed): unknown {
  const { strings } = packed;
  const unpack = (x: unknown): unknown => {
    if (typeof x === 'string') return x.startsWith(MARK) && x !== ABSENT ? strings[parseInt(x.slice(1), 36)] : x;
    if (Array.isArray(x)) {
      if (x[0] === TABLE) {
        const keys = x[1] as string[];
        const n = x[2] as number;
        const rows: Record<string, unknown>[] = Array.from({ length: n }, () => ({}));
        keys.forEach((k, c) => {
          const column = x[3 + c] as unknown[];
          for (let r = 0; r < n; r++) if (column[r] !== ABSENT) put(rows[r]!, k, unpack(column[r]));
        });
        return rows;
      }
      return x.map(unpack);
    }
    if (typeof x === 'object' && x !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) put(out, k, unpack(v));
      return out;
    }
    return x;
  };
  return unpack(packed.data);
}

