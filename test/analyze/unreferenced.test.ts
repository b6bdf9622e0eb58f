import { describe, expect, it } from 'vitest';
import { analyzeUnreferenced } from '../../src/analyze/unreferenced.js';
import { tinyModel } from '../helpers/tiny-model.js';

describe('analyzeUnreferenced', () => {
  it('lists modules nobody references, then modules only dead code references, never entry points', () => {
    const model = tinyModel(['main -> svc', 'svc -> repo', 'old -> helper', 'helper -> repo', 'old2 -> helper'], {
      modules: ['island'],
      entryPoints: { main: 'declared in package.json' },
      lines: { old: 30, helper: 12, island: 5, old2: 1 },
    });
    const r = analyzeUnreferenced(model);
    expect(r.modules.map((m) => [m.module, m.reason, m.referencedBy.join(',')])).toEqual([
      ['island', 'direct', ''],
      ['old', 'direct', ''],
      ['old2', 'direct', ''],
      ['helper', 'only-from-dead', 'old,old2'],
    ]);
    expect(r.lines).toBe(48);
    expect(r.entryPoints).toEqual([{ module: 'main', reason: 'declared in package.json' }]);
    expect(r.note).toBeUndefined();
  });

  it('does not cascade when no entry point is known, and says so', () => {
    const r = analyzeUnreferenced(tinyModel(['a -> b', 'b -> c']));
    expect(r.modules.map((m) => m.module)).toEqual(['a']);
    expect(r.note).toMatch(/no entry point found/);
  });

  it('counts type-only imports as references', () => {
    const r = analyzeUnreferenced(tinyModel(['main -> a', 'a -type-import-> types'], { entryPoints: { main: 'x' } }));
    expect(r.modules).toEqual([]);
  });
});
