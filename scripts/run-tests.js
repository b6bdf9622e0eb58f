#!/usr/bin/env node
// Runs the vitest suite and ends with one plain line, "N passed, N failed, N skipped", that any CI
// log reader understands; exits with vitest's own code. The ReDoS lint (mostly waiting on recheck's
// checker) runs beside it, so its ~11 s overlap the suite; a lint failure fails the run too.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const report = path.join('test-output', 'vitest.json');
fs.mkdirSync('test-output', { recursive: true });
fs.rmSync(report, { force: true });
const lint = process.argv.includes('--no-lint')
  ? Promise.resolve(0)
  : new Promise((resolve) => {
      const child = spawn(process.execPath, ['scripts/check-regexes.js'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (code) => {
        process.stdout.write(`\n${output.trim()}\n`);
        resolve(code ?? 1);
      });
    });
const vitestArgs = process.argv.slice(2).filter((a) => a !== '--no-lint');
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
  { stdio: 'inherit' },
);
let code = vitest.status ?? 1;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (r.numTotalTests === 0) code = code || 1;
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
} else {
  console.log('\n0 passed, 1 failed (vitest wrote no report)');
  code = code || 1;
}
const lintCode = await lint;
if (lintCode !== 0) console.log('check-regexes failed (see above)');
process.exit(code || lintCode);
