/**
 * The tests' part of the model.
 * Input: test files and their edges (read apart from the program), the program's files, the file ->
 * module mapping. Output: one TestNode per test file: the modules it imports or calls (edge kinds,
 * occurrences, first evidence), the modules its name names, and the test files it uses (helpers).
 * Name rule: `FooTest`/`FooTests`/`FooIT`/`TestFoo` (Java) and `foo.test.*`/`foo.spec.*` (JS/TS)
 * name the program file `Foo`/`foo` with the same extension family, in the mirrored folder
 * (`src/test/` -> `src/main/`, `test/` -> `src/`) or the same folder, else the only such file in
 * the repository; an ambiguous name names nothing. A test file other tests use and whose name is not a
 * test's is a helper: what it touches counts for the tests using it, not as a test of its own.
 */
import path from 'node:path/posix';
import type { TestFacts } from './facts/code-facts.js';
import { compareEvidence, compareStrings } from './compare.js';
import type { Evidence, TestNode, TestTouch } from './types.js';

export function buildTests(tests: TestFacts, programFiles: readonly string[], moduleFor: (file: string) => string): TestNode[] {
  const testPaths = new Set(tests.files.map((f) => f.path));
  const program = new Set(programFiles);
  const byBase = new Map<string, string[]>();
  for (const f of programFiles) {
    const key = baseKey(f);
    const list = byBase.get(key);
    if (list) list.push(f);
    else byBase.set(key, [f]);
  }
  const touches = new Map<string, Map<string, { kinds: Set<string>; weight: number; evidence: Evidence[] }>>();
  const helpers = new Map<string, Set<string>>();
  const touch = (test: string, file: string, kind: string, evidence: Evidence) => {
    const module = moduleFor(file);
    let row = touches.get(test);
    if (!row) touches.set(test, (row = new Map()));
    let t = row.get(module);
    if (!t) row.set(module, (t = { kinds: new Set(), weight: 0, evidence: [] }));
    t.kinds.add(kind);
    t.weight++;
    t.evidence.push(evidence);
  };
  for (const e of tests.edges) {
    if (testPaths.has(e.to)) {
      if (e.to !== e.from) (helpers.get(e.from) ?? helpers.set(e.from, new Set()).get(e.from)!).add(e.to);
    } else if (program.has(e.to)) touch(e.from, e.to, e.kind, e.evidence);
  }
  for (const f of tests.files) {
    const named = namedFile(f.path, byBase);
    if (named) touch(f.path, named, 'name', { file: f.path, line: 1, text: `${path.basename(f.path)} names ${path.basename(named)}` });
  }
  const used = new Set([...helpers.values()].flatMap((h) => [...h]));
  return tests.files
    .map((f): TestNode => ({
      ...(used.has(f.path) && !looksLikeTest(f.path) ? { helper: true as const } : {}),
      path: f.path,
      language: f.language,
      lines: f.lines,
      touches: [...(touches.get(f.path) ?? [])]
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([module, t]): TestTouch => ({ module, kinds: [...t.kinds].sort(compareStrings), weight: t.weight, evidence: [...t.evidence].sort(compareEvidence)[0]! })),
      helpers: [...(helpers.get(f.path) ?? [])].sort(compareStrings),
    }))
    .sort((a, b) => compareStrings(a.path, b.path));
}

const JAVA_TEST_NAME = /^(?:Test(?<pre>[A-Z]\w*)|(?<post>\w+?)(?:Tests?|IT|IntegrationTest|Spec))\.java$/;
const SCRIPT_TEST_NAME = /^(?<name>.+?)\.(?:test|spec|e2e-spec|e2e)\.(?<ext>[cm]?[jt]sx?)$/;

/** A test by its name: `*Test.java`, `*IT.java`, `*.test.ts`, `*.spec.js`, ... (`TestData.java`, a builder other tests use, is not). */
export function looksLikeTest(file: string): boolean {
  const base = path.basename(file);
  return /(Tests?|IT|IntegrationTest|Spec)\.java$/.test(base) || SCRIPT_TEST_NAME.test(base);
}

/** The family of a file for name matching: base name without extension, plus `java` or `script`. */
function baseKey(file: string): string {
  const base = path.basename(file);
  if (base.endsWith('.java')) return `java:${base.slice(0, -5)}`;
  const m = /^(.+)\.[cm]?[jt]sx?$/.exec(base);
  return m ? `script:${m[1]}` : `other:${base}`;
}

function namedFile(test: string, byBase: ReadonlyMap<string, string[]>): string | undefined {
  const base = path.basename(test);
  const java = JAVA_TEST_NAME.exec(base);
  const script = java ? undefined : SCRIPT_TEST_NAME.exec(base);
  const key = java ? `java:${java.groups!.pre ?? java.groups!.post}` : script ? `script:${script.groups!.name}` : undefined;
  const candidates = key ? byBase.get(key) : undefined;
  if (!candidates || candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  const dir = path.dirname(test);
  const mirrors = [dir, dir.replace(/(^|\/)src\/(test|it|integration-?test|integrationTest)\//, '$1src/main/'), dir.replace(/(^|\/)(test|tests|__tests__)(\/|$)/, '$1src$3'), dir.replace(/\/(test|tests|__tests__)$/, '')];
  for (const m of mirrors) {
    const hit = candidates.filter((c) => path.dirname(c) === m);
    if (hit.length === 1) return hit[0];
  }
  return undefined;
}
