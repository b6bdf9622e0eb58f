import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitStatements, StatementSplitter } from '../../../src/collect/db/split-statements.js';

const texts = (sql: string, options = {}) => splitStatements(sql, options).map((s) => [s.line, s.text]);

describe('splitStatements', () => {
  it('splits on semicolons and reports the line each statement starts on', () => {
    expect(texts('CREATE TABLE a (id int);\n\n-- lines\nINSERT INTO a VALUES (1);\nSELECT 1')).toEqual([
      [1, 'CREATE TABLE a (id int);'],
      [3, '-- lines\nINSERT INTO a VALUES (1);'],
      [5, 'SELECT 1'],
    ]);
  });

  it('keeps semicolons inside quotes, comments and dollar-quoted bodies', () => {
    const sql = [
      "INSERT INTO t VALUES ('a;b', \"c;d\");",
      '/* a; comment */ SELECT `x;y` FROM t;',
      'CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN NEW.x := 1; RETURN NEW; END; $body$ LANGUAGE plpgsql;',
      'DO $$ BEGIN PERFORM 1; END $$;',
      'SELECT $1, $2 FROM t;',
    ].join('\n');
    expect(texts(sql).map(([l]) => l)).toEqual([1, 2, 3, 4, 5]);
    expect(texts(sql)[2]![1]).toContain('RETURN NEW; END; $body$ LANGUAGE plpgsql;');
  });

  it('keeps procedural bodies whole (Oracle PL/SQL with IF/LOOP, T-SQL with GO)', () => {
    const plsql = [
      'CREATE OR REPLACE PROCEDURE archive_orders IS',
      'BEGIN',
      '  FOR r IN (SELECT id FROM orders) LOOP',
      '    IF r.id > 0 THEN',
      '      DELETE FROM orders WHERE id = r.id;',
      '    END IF;',
      '  END LOOP;',
      'END archive_orders;',
      '/',
      'SELECT 1 FROM dual;',
    ].join('\n');
    const out = texts(plsql);
    expect(out.map(([l]) => l)).toEqual([1, 10]);
    expect(out[0]![1]).toMatch(/END archive_orders;$/);
    const tsql = 'CREATE PROCEDURE p AS\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND\nGO\nSELECT [a;b] FROM t\nGO\n';
    expect(texts(tsql, { bracketQuotes: true })).toEqual([
      [1, 'CREATE PROCEDURE p AS\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND'],
      [7, 'SELECT [a;b] FROM t'],
    ]);
  });

  it('honours MySQL backslash escapes and # comments when asked', () => {
    expect(texts("INSERT INTO t VALUES ('it\\'s; fine');\n# note; here\nSELECT 1;", { backslashEscapes: true, hashComments: true })).toEqual([
      [1, "INSERT INTO t VALUES ('it\\'s; fine');"],
      [2, '# note; here\nSELECT 1;'],
    ]);
  });

  it('skips pg_dump COPY data blocks and reports them as bulk data', () => {
    const out = splitStatements('COPY orders (id, note) FROM stdin;\n1\tfoo; bar\n2\tbaz\n\\.\nCREATE INDEX i ON orders (id);\n');
    expect(out).toEqual([
      { text: 'COPY orders (id, note) FROM stdin;', line: 1 },
      { text: '', line: 2, copyData: true },
      { text: 'CREATE INDEX i ON orders (id);', line: 5 },
    ]);
  });

  it('gives the same statements however the text is cut into chunks (property)', () => {
    const sql =
      "CREATE TABLE a (id int, note text DEFAULT 'x;y');\n/* c;\n */ INSERT INTO a VALUES (1, $$a;b$$);\n-- z;\nSELECT $1 FROM a;\nCREATE PROCEDURE p IS BEGIN IF 1 THEN NULL; END IF; END;\nCOPY a FROM stdin;\n1;2\n\\.\nSELECT 2;";
    const whole = splitStatements(sql);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: sql.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), sql.length];
        const splitter = new StatementSplitter();
        const got = [];
        for (let i = 0; i < points.length - 1; i++) got.push(...splitter.push(sql.slice(points[i], points[i + 1])));
        got.push(...splitter.end());
        expect(got).toEqual(whole);
      }),
    );
  });
});
