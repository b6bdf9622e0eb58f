#!/usr/bin/env node
// Runs hostile-corpus jobs in one process (loading the CLI once instead of once a case): reads a JSON
// list of jobs ({ id, argv, cwd?, env? }) from the file named in argv[2], runs each through the real
// runCli with stdout/stderr captured, and prints one JSON line per finished job on fd 3. The parent
// (hostile-corpus.test.ts) owns the time budget: it kills this process when a job runs too long and
// starts a new one for the jobs left, so a hang or an abort fails one case, not the suite.
import fs from 'node:fs';
import { runCli } from '../../dist/cli/run-cli.js';

const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const report = fs.createWriteStream(null, { fd: 3 });
const out = process.stdout.write.bind(process.stdout);
const err = process.stderr.write.bind(process.stderr);
const startCwd = process.cwd();
const startEnv = { ...process.env };

for (const job of jobs) {
  let stdout = '';
  let stderr = '';
  process.stdout.write = (chunk) => ((stdout += String(chunk)), true);
  process.stderr.write = (chunk) => ((stderr += String(chunk)), true);
  process.chdir(job.cwd ?? startCwd);
  for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key];
  Object.assign(process.env, startEnv, job.env ?? {});
  const started = process.hrtime.bigint();
  let code;
  try {
    code = await runCli(['node', 'msa-split', ...job.argv]);
  } catch (error) {
    code = 99;
    stderr += `runCli threw: ${error?.stack ?? error}`;
  }
  process.stdout.write = out;
  process.stderr.write = err;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const line = JSON.stringify({ id: job.id, code, stdout: stdout.slice(0, 200_000), stderr: stderr.slice(0, 200_000), ms, maxRssMb: process.resourceUsage().maxRSS / 1024 });
  await new Promise((resolve) => report.write(line + '\n', resolve));
}
process.chdir(startCwd);
report.end();
