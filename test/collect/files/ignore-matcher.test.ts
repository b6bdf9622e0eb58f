/**
 * The compiled .gitignore (ignore-matcher.ts) answers what the `ignore` package answers, for paths the
 * folder walk asks about (no parent folder ignored: the walk prunes those): property-tested over
 * literal, anchored, suffix, segment and wildcard patterns with negations, and on 2,000 patterns.
 */
import fc from 'fast-check';
import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { compileIgnore } from '../../../src/collect/files/ignore-matcher.js';

const SEGMENTS = ['src', 'build', 'dist', 'a', 'b', 'Gen', 'node_modules', 'x.ts', 'y.js', '.env', 'app.log', 'keep.log', 'a.b.gen5'];
const segment = fc.constantFrom(...SEGMENTS);
const wild = fc.constantFrom('*', '**', '?', '[ab]', '*.log', '*.ts', '*.gen5', 'x*', '[Bb]uild');
const pattern = fc
  .tuple(fc.constantFrom('', '!', '/', '**/', '!/'), fc.array(fc.oneof(segment, wild), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '/', '/**'))
  .map(([prefix, parts, suffix]) => `${prefix}${parts.join('/')}${suffix}`);
const path = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([parts, dir]) => `${parts.join('/')}${dir ? '/' : ''}`);

/** What the walk asks: no proper parent folder of the path is ignored. */
function walkable(ig: ReturnType<typeof ignore>, p: string): boolean {
  const parts = p.replace(/\/$/, '').split('/');
  for (let i = 1; i < parts.length; i++) if (ig.ignores(`${parts.slice(0, i).join('/')}/`)) return false;
  return true;
}

describe('compileIgnore', () => {
  it('answers like the ignore package on every path the walk asks about', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 40 }), fc.array(path, { minLength: 1, maxLength: 30 }), (patterns, paths) => {
        const text = patterns.join('\n');
        const ig = ignore().add(text);
        const compiled = compileIgnore(text);
        for (const p of paths) if (walkable(ig, p)) expect(compiled.ignores(p), `${JSON.stringify(patterns)} ${p}`).toBe(ig.ignores(p));
      }),
      { numRuns: 400, seed: 18 },
    );
  });

  it('agrees on 2,000 patterns of every kind, comments, blanks and escapes included', () => {
    const lines = ['# a comment', '', '\\#literal-hash', 'trailing\\ ', '*~'];
    for (let i = 0; i < 2000; i++) lines.push([`generated${i}/`, `*.gen${i}`, `/tmp${i}/**`, `src/area${i % 50}/cache${i}.ts`, `**/build${i}/*.js`, `!src/area${i % 50}/keep${i}.ts`][i % 6]!);
    const text = lines.join('\n');
    const ig = ignore().add(text);
    const compiled = compileIgnore(text);
    const paths = ['#literal-hash', 'trailing ', 'x.ts~', 'src/area3/cache3.ts', 'src/area3/cache53.ts', 'tmp6/a.ts', 'tmp6/', 'a/build4/x.js', 'a/build4/x.ts', 'b.gen1', 'c.GEN1', 'generated0/', 'generated0', 'src/area5/keep5.ts', 'src/area5/other.ts'];
    for (const p of paths) if (walkable(ig, p)) expect(compiled.ignores(p), p).toBe(ig.ignores(p));
    expect(compiled.ignores('src/area3/cache3.ts')).toBe(true);
    expect(compiled.ignores('a/build4/x.js')).toBe(true);
  });

  it('ignores nothing for an empty or comment-only file', () => {
    expect(compileIgnore('').ignores('a.ts')).toBe(false);
    expect(compileIgnore('# only\n\n').ignores('a.ts')).toBe(false);
  });
});
