/**
 * A .gitignore compiled once, matched in time that does not grow with its number of patterns times
 * the number of files. Input: the file's text. Output: `ignores(path)` for a path relative to the
 * file's folder (a folder's path ends with `/`), with the `ignore` package's answers.
 * How: the `ignore` package parses the patterns into one regular expression each (its own, tested
 * against git's semantics); checking a path against them one by one costs patterns x files (2,000
 * patterns made listing 20,000 files 30 times slower). The last matching pattern decides (a `!` pattern
 * re-includes), so the patterns are joined, highest index first, into alternations of CHUNK patterns:
 * one native match per chunk finds the chunk holding the last matching pattern, and only that chunk is
 * then tried pattern by pattern. Folders are pruned by the walker before their files are asked, so the
 * parent-folder rule needs no check here.
 * Should the package's parsed rules not be readable (another major version), the package answers
 * itself, as before.
 */
import ignore, { type Ignore } from 'ignore';

export interface IgnoreMatcher {
  ignores(path: string): boolean;
}

interface Rule {
  index: number;
  regex: RegExp;
  negative: boolean;
}

/** Patterns per alternation: large enough that most files cost a few native matches, small enough to compile fast. */
const CHUNK = 256;
const WILDCARD = /[*?[\]\\]/;

/**
 * Where a pattern can match, by its text, so that a path is tried only against patterns that may
 * match it; every candidate is then confirmed by the pattern's own regular expression (the index only
 * narrows, the package's expression decides):
 * - `path`: a literal with a slash before its end (anchored), e.g. `/build/`, `src/gen/x.ts`;
 * - `name`: a literal without one, or `**\/name`: the last segment of the path, e.g. `dist/`, `.env`;
 * - `suffix`: `*` and a literal starting with a dot, e.g. `*.log`: the last segment's end;
 * - `segment`: a pattern with wildcards and a literal segment, e.g. `/tmp/**`, `**\/build/*.js`: a
 *   path holding that segment (the pattern's last literal one, the most specific);
 * - `other`: the rest (`*~`, `[Bb]uild/`), tried in alternations.
 */
function keyOf(pattern: string): { kind: 'path' | 'name' | 'suffix' | 'segment'; key: string } | { kind: 'other' } {
  let p = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (p.startsWith('**/')) {
    p = p.slice(3);
    const name = p.endsWith('/') ? p.slice(0, -1) : p;
    if (name && !WILDCARD.test(name) && !name.includes('/')) return { kind: 'name', key: name.toLowerCase() };
    return segmentKey(p);
  }
  if (p.startsWith('*') && p.length > 2 && p[1] === '.' && !WILDCARD.test(p.slice(1)) && !p.includes('/')) return { kind: 'suffix', key: p.slice(1).toLowerCase() };
  if (p.startsWith('#') || p.startsWith('\\')) return { kind: 'other' };
  if (WILDCARD.test(p)) return segmentKey(p);
  const trimmed = p.endsWith('/') ? p.slice(0, -1) : p;
  if (!trimmed) return { kind: 'other' };
  if (trimmed.includes('/')) return { kind: 'path', key: (trimmed.startsWith('/') ? trimmed.slice(1) : trimmed).toLowerCase() };
  return { kind: 'name', key: trimmed.toLowerCase() };
}

/** The last segment of a pattern without wildcards, when the pattern has one besides its last. */
function segmentKey(p: string): { kind: 'segment'; key: string } | { kind: 'other' } {
  const segments = p.split('/').filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) if (!WILDCARD.test(segments[i]!)) return { kind: 'segment', key: segments[i]!.toLowerCase() };
  return { kind: 'other' };
}

export function compileIgnore(text: string): IgnoreMatcher {
  const ig = ignore().add(text);
  const parsed = parsedRules(ig);
  if (parsed === undefined) return { ignores: (p) => ig.ignores(p) };
  if (parsed.rules.length === 0) return { ignores: () => false };
  const flags = parsed.rules[0]!.regex.flags;
  // One set of flags for every pattern, and no stateful (global, sticky) matching: else the package answers.
  if (parsed.rules.some((r) => r.regex.flags !== flags) || /[gy]/.test(flags)) return { ignores: (p) => ig.ignores(p) };
  const byPath = new Map<string, Rule[]>();
  const byName = new Map<string, Rule[]>();
  const bySuffix = new Map<string, Rule[]>();
  const bySegment = new Map<string, Rule[]>();
  const others: Rule[] = [];
  parsed.rules.forEach((rule, i) => {
    const k = keyOf(parsed.patterns[i]!);
    if (k.kind === 'other') others.push(rule);
    else {
      const map = k.kind === 'path' ? byPath : k.kind === 'name' ? byName : k.kind === 'suffix' ? bySuffix : bySegment;
      (map.get(k.key) ?? map.set(k.key, []).get(k.key)!).push(rule);
    }
  });
  // Highest index first: the first chunk that matches holds the last matching pattern of the others.
  const descending = [...others].reverse();
  const chunks: { any: RegExp; top: number; rules: Rule[] }[] = [];
  for (let i = 0; i < descending.length; i += CHUNK) {
    const part = descending.slice(i, i + CHUNK);
    chunks.push({ any: new RegExp(part.map((r) => `(?:${r.regex.source})`).join('|'), flags), top: part[0]!.index, rules: part });
  }
  return {
    ignores(path) {
      let best: Rule | undefined;
      const consider = (rules: readonly Rule[] | undefined) => {
        for (const r of rules ?? []) if ((best === undefined || r.index > best.index) && r.regex.test(path)) best = r;
      };
      const bare = (path.endsWith('/') ? path.slice(0, -1) : path).toLowerCase();
      const name = bare.slice(bare.lastIndexOf('/') + 1);
      consider(byPath.get(bare));
      consider(byName.get(name));
      for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) consider(bySuffix.get(name.slice(dot)));
      if (bySegment.size > 0) for (const segment of bare.split('/')) consider(bySegment.get(segment));
      for (const chunk of chunks) {
        if (best !== undefined && chunk.top < best.index) break;
        if (!chunk.any.test(path)) continue;
        consider(chunk.rules);
        break;
      }
      return best !== undefined && !best.negative;
    },
  };
}

/** The package's parsed rules with their patterns (ignore 7 keeps them in `_rules._rules`, 5 and 6 in `_rules`). */
function parsedRules(ig: Ignore): { rules: Rule[]; patterns: string[] } | undefined {
  const holder = (ig as unknown as { _rules?: unknown })._rules;
  const list = Array.isArray(holder) ? holder : (holder as { _rules?: unknown } | undefined)?._rules;
  if (!Array.isArray(list)) return undefined;
  const rules: Rule[] = [];
  const patterns: string[] = [];
  for (const r of list as { regex?: unknown; negative?: unknown; pattern?: unknown }[]) {
    if (!(r.regex instanceof RegExp) || typeof r.negative !== 'boolean' || typeof r.pattern !== 'string') return undefined;
    rules.push({ index: rules.length, regex: r.regex, negative: r.negative });
    patterns.push(r.pattern);
  }
  return { rules, patterns };
}
