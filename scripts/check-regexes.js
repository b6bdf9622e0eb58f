#!/usr/bin/env node
// The ReDoS lint of `npm test`: every regular expression literal (and `new RegExp('literal')`) in src/
// is checked with recheck (automaton + fuzzing); any pattern whose matching time can grow faster than
// linearly with its input fails the run. Our patterns run on text the analyzed repository controls, so
// a polynomial pattern is a denial of service waiting for a long enough line. Generated files are skipped.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';

const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'generated') walk(p);
    } else if (p.endsWith('.ts')) files.push(p);
  }
};
walk('src');

const patterns = [];
for (const file of files.sort()) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const where = (node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(sf);
      const last = text.lastIndexOf('/');
      patterns.push({ where: where(node), source: text.slice(1, last), flags: text.slice(last + 1) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) {
      patterns.push({ where: where(node), source: node.arguments[0].text, flags: node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : '' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

// One at a time: run side by side, the checks starve each other into timeouts.
// A check that ran out of time on a busy machine (npm test runs this beside the test suite) is run
// again once, alone and with a longer budget, before it counts as undecided.
const check = (p, timeout) => checkSync(p.source, p.flags.replace(/[gy]/g, ''), { timeout });
const results = patterns.map((p) => ({ ...p, r: check(p, 10_000) }));
for (const result of results) {
  if (result.r.status === 'unknown' && result.r.error?.kind === 'timeout') result.r = check(result, 60_000);
}
const bad = results.filter(({ r }) => r.status !== 'safe');
for (const { where, source, flags, r } of bad) {
  const why = r.status === 'vulnerable' ? `${r.complexity.summary}; attack e.g. ${JSON.stringify(r.attack?.pattern ?? '').slice(0, 80)}` : `${r.status}: ${r.error?.kind ?? ''}`;
  console.error(`${where} /${source}/${flags}: ${why}`);
}
console.log(`\ncheck-regexes: ${patterns.length} patterns in ${files.length} files, ${bad.length} super-linear or undecided`);
process.exit(bad.length > 0 ? 1 : 0);
