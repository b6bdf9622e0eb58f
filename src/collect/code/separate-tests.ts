/**
 * Test files are read like every other file (one parse gives their imports and calls), then taken
 * out of the program's facts: they are not modules, own no tables and are no entry points, but what
 * they import and call is kept apart as the safety net of the split (the test-safety-net analysis).
 * Input: the merged facts of the adapters, read with tests included, and which paths are tests.
 * Output: the facts without the test files, and the tests' files and edges (test -> program file,
 * test -> test helper).
 */
import type { TestFacts } from '../../model/facts/code-facts.js';
import { looksLikeTest } from '../../model/build-tests.js';
import { pushTo } from '../../model/group.js';
import type { OrmFacts } from '../db/orm/orm-facts.js';
import type { AdapterFacts } from './language-adapter.js';

export function separateTests(facts: AdapterFacts, isTest: (path: string) => boolean): { facts: AdapterFacts; tests: TestFacts } {
  const tests = new Set(facts.files.filter((f) => isTest(f.path)).map((f) => f.path));
  if (tests.size === 0) return { facts, tests: { files: [], edges: [] } };
  // A folder named test/ can hold program code (a CLI's `test` command and its options): a file there
  // that program code uses and that is not named like a test (*.spec.ts, *Test.java) is program
  // code, and so is what it uses in turn.
  // A worklist, not passes over every edge: an import chain inside a test folder is the repository's
  // choice and may be 20,000 long.
  const entryPoints = new Map(facts.entryPoints);
  const usesInTests = new Map<string, string[]>();
  for (const e of facts.edges) if (tests.has(e.to)) pushTo(usesInTests, e.from, e.to);
  const queue = [...usesInTests.keys()].filter((f) => !tests.has(f));
  for (let i = 0; i < queue.length; i++) {
    for (const to of usesInTests.get(queue[i]!) ?? []) {
      if (!tests.has(to) || looksLikeTest(to)) continue;
      tests.delete(to);
      // The TypeScript adapter made every test file an entry point; this one is not a test.
      if (entryPoints.get(to) === 'test file') entryPoints.delete(to);
      queue.push(to);
    }
  }
  const program = (file: string | undefined) => file === undefined || !tests.has(file);
  const keep = <K, V>(map: Map<K, V>, fileOf: (k: K, v: V) => string): Map<K, V> => new Map([...map].filter(([k, v]) => program(fileOf(k, v))));
  const { db } = facts;
  // A program file that imports test code is worth knowing (a fixture used by production code); the
  // edge itself is the test's, not the program's.
  const intoTests = facts.edges.filter((e) => program(e.from) && tests.has(e.to));
  const diagnostics = [
    ...facts.diagnostics,
    ...intoTests.map((e) => ({ severity: 'warning' as const, code: 'imports-test-file', message: `program code uses a test file (${e.to}): the edge is left out of the program`, file: e.evidence.file, line: e.evidence.line })),
  ];
  return {
    tests: { files: facts.files.filter((f) => tests.has(f.path)), edges: facts.edges.filter((e) => tests.has(e.from)) },
    facts: {
      ...facts,
      files: facts.files.filter((f) => program(f.path)),
      edges: facts.edges.filter((e) => program(e.from) && program(e.to)),
      diagnostics,
      externals: facts.externals.filter((e) => program(e.file)),
      unresolved: facts.unresolved.filter((u) => program(u.file)),
      sqlLiterals: facts.sqlLiterals.filter((s) => program(s.owner ?? s.file)),
      entryPoints: keep(entryPoints, (file) => file),
      ...(facts.stereotypes ? { stereotypes: keep(facts.stereotypes, (file) => file) } : {}),
      ...(facts.frameworkFacts ? { frameworkFacts: keep(facts.frameworkFacts, (file) => file) } : {}),
      ...(facts.transactions ? { transactions: facts.transactions.filter((t) => program(t.file)) } : {}),
      db: {
        ...db,
        texts: keep(db.texts, (file) => file),
        ...(db.classes ? { classes: keep(db.classes, (_fqn, file) => file) } : {}),
        ...(db.orm ? { orm: programOrm(db.orm, program) } : {}),
      },
    },
  };
}

/** ORM facts declared in test files (an entity defined for a test) are the test's, not the schema's. */
function programOrm(orm: OrmFacts, program: (file: string | undefined) => boolean): OrmFacts {
  return {
    ...orm,
    tables: orm.tables.filter((t) => program(t.file) && program(t.evidence.file)),
    foreignKeys: orm.foreignKeys.filter((f) => program(f.evidence.file)),
    relations: orm.relations.filter((r) => program(r.evidence.file)),
    accesses: orm.accesses.filter((a) => program(a.file)),
    joins: orm.joins.filter((j) => program(j.file) && program(j.evidence.file)),
  };
}
