/**
 * `check --since` next to a full `analyze` (issue #18): the 5,000-file repository with its 20,000
 * commits, its work tree committed, a decision file written by analyze, then one pull request's commit
 * on top (an import into another context's internals, and an edit elsewhere). Runs alternate (analyze,
 * check, analyze, check, ...) so that a busy machine slows both alike; the best of each is compared.
 * Target: check --since HEAD~1 in < 25% of the full analyze.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { measure } from './measure.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' };

function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export function runCheckSince({ historyRepo, codeRepo, work, bin, runs }) {
  const repo = path.join(work, 'check-5000');
  const out = path.join(work, 'check-5000-out');
  fs.rmSync(repo, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
  git(work, 'clone', '--quiet', historyRepo, repo);
  // The generated history ends with stubs of the files: commit the generated code over them.
  for (const entry of fs.readdirSync(codeRepo)) if (entry !== '.git') fs.cpSync(path.join(codeRepo, entry), path.join(repo, entry), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '--allow-empty', '-m', 'work tree');
  measure(repo, process.execPath, [bin, 'analyze', '.', '--quiet', '--out', out, '--format', 'json,decomposition']);
  const decisions = path.join(out, 'msa-split.decomposition.yaml');
  const analysis = JSON.parse(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8'));
  // The pull request: a module of one context imports a module inside another (not in its api).
  const contextOf = new Map(analysis.decomposition.contexts.flatMap((c) => c.modules.map((m) => [m, c.id])));
  const [from, to] = pickPair(analysis.decomposition.contexts);
  const rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '');
  const fromFile = path.join(repo, from);
  fs.writeFileSync(fromFile, `import * as other from '${rel.startsWith('.') ? rel : `./${rel}`}';\nexport const usesOther = other;\n${fs.readFileSync(fromFile, 'utf8')}`);
  const touched = analysis.decomposition.contexts.at(-1).modules[0];
  fs.appendFileSync(path.join(repo, touched), '// reviewed\n');
  git(repo, 'commit', '--quiet', '-am', 'a pull request');

  let full;
  let check;
  for (let i = 0; i < runs; i++) {
    const a = measure(repo, process.execPath, [bin, 'analyze', '.', '--quiet', '--out', path.join(out, 'full')]);
    const c = measure(repo, process.execPath, [bin, 'check', '.', '--decomposition', decisions, '--since', 'HEAD~1', '--format', 'text,json', '--out', path.join(out, 'check')], [0, 1]);
    if (!full || a.wallMs < full.wallMs) full = a;
    if (!check || c.wallMs < check.wallMs) check = c;
  }
  // Cold: no cache at all (a CI job that keeps nothing between runs), one run each.
  const fullCold = measure(repo, process.execPath, [bin, 'analyze', '.', '--quiet', '--no-cache', '--out', path.join(out, 'full')]);
  const checkCold = measure(repo, process.execPath, [bin, 'check', '.', '--no-cache', '--decomposition', decisions, '--since', 'HEAD~1', '--quiet'], [0, 1]);
  const found = JSON.parse(fs.readFileSync(path.join(out, 'check', 'check.json'), 'utf8'));
  const expected = `internal-dependency:${from}->${to}`;
  const ratio = check.wallMs / full.wallMs;
  console.log(`\ncheck --since HEAD~1 (issue #18) on the 5,000-file repository with a decision file (${contextOf.size} modules placed), one pull request of 2 files:`);
  console.log(`  full analyze ${(full.wallMs / 1000).toFixed(2)} s (peak RSS ${full.peakRssMb.toFixed(0)} MB); check --since ${(check.wallMs / 1000).toFixed(2)} s (peak RSS ${check.peakRssMb.toFixed(0)} MB) = ${(ratio * 100).toFixed(1)}% of it; target < 25% ${ratio < 0.25 ? 'met' : 'MISSED'} (best of ${runs}, runs alternated)`);
  console.log(`  without a cache (--no-cache on both, one run): full analyze ${(fullCold.wallMs / 1000).toFixed(2)} s, check --since ${(checkCold.wallMs / 1000).toFixed(2)} s = ${((100 * checkCold.wallMs) / fullCold.wallMs).toFixed(1)}%`);
  console.log(`  it checked ${found.since.modules} modules of ${found.since.files} changed files and found ${found.new.map((v) => v.key).join(', ') || 'nothing'}${found.new.some((v) => v.key === expected) ? ' (the import the pull request added)' : ` (MISSED the import the pull request added: ${expected})`}`);
}

/** A module and another context's module it does not import yet, the first in id order of two contexts. */
function pickPair(contexts) {
  const [a, b] = contexts.filter((c) => c.modules.length > 1).slice(0, 2);
  return [a.modules[0], b.modules[1]];
}
