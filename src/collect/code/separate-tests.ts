/**
 * Test files are read like every other file (one parse gives their imports and calls), then taken
 * out of the program's facts: they are not modules, own no tables and are no entry points, but what
 * they import and call is kept apart as the safety net of the split (the test-safety-net analysis).
 * Input: the merged facts of the adapters, read with tests included, and which paths are tests.
 * Output: the facts without the test files, and the tests' files and edges (test -> program file,
 * test -> test helper).
 */
import type { TestFacts } from '../../model/facts/code-facts.js';
import type { OrmFacts } from '../db/orm/orm-facts.js';
import type { AdapterFacts } from './language-adapter.js';

export function separateTests(facts: AdapterFacts, isTest: (path: string) => boolean): { facts: AdapterFacts; tests: TestFacts } {
  const tests = new Set(facts.files.filter((f) => isTest(f.path)).map((f) => f.path));
  if (tests.size === 0) return { facts, tests: { files: [], edges: [] } };
  const program = (file: string | undefined) => file === undefined || !tests.has(file);
  const keep = <K, V>(map: Map<K, V>, fileOf: (k: K, v: V) => string): Map<K, V> => new Map([...map].filter(([k, v]) => program(fileOf(k, v))));
  const { db } = facts;
  return {
    tests: { files: facts.files.filter((f) => tests.has(f.path)), edges: facts.edges.filter((e) => tests.has(e.from)) },
    facts: {
      ...facts,
      files: facts.files.filter((f) => program(f.path)),
      // A program file that imports a test file is rare (a fixture exported for a script); the edge goes with the test.
      edges: facts.edges.filter((e) => program(e.from) && program(e.to)),
      externals: facts.externals.filter((e) => program(e.file)),
      unresolved: facts.unresolved.filter((u) => program(u.file)),
      sqlLiterals: facts.sqlLiterals.filter((s) => program(s.owner ?? s.file)),
      entryPoints: keep(facts.entryPoints, (file) => file),
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
