#!/usr/bin/env node
// The README demo: copy the fixture monolith to a temporary folder, build its git history there
// (the fixture has no .git of its own), analyze it and write the reports to ./msa-split-report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildShopHistory } from '../fixtures/build-shop-history.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-demo-'));
const repo = path.join(work, 'shop-monolith');
const out = path.resolve(process.argv[2] ?? path.join(projectRoot, 'msa-split-report'));
try {
  buildShopHistory(repo);
  console.log(`fixture with history: ${repo}`);
  const run = spawnSync(process.execPath, [path.join(projectRoot, 'bin/msa-split.js'), 'analyze', repo, '--out', out, '--format', 'json,md,decomposition,html,dot,mermaid,graphml,csv,svg'], {
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
