#!/usr/bin/env node
/**
 * `npm run bench:quality`: how close the proposed contexts come to reference splits.
 * References: the fixtures' intent files (fixtures/*.intended.json) and the reference splits of real
 * repositories in bench/reference/ (each says how it was derived). Real repositories are read from a
 * corpus folder outside this repository (MSA_CORPUS, default ../corpus next to the project), one folder
 * per repository named owner+name; a missing one is cloned there at the reference's commit when the
 * network allows, else listed as not available. Nothing is committed from them.
 * Per repository: MoJoFM (exact, Wen & Tzerpos) and ARI for the default options and with each signal
 * off (code, data, history), plus what the reference covers. Asserts nothing: figures only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { analyze, reproposeContexts } from '../dist/index.js';
import { compareToReference } from '../dist/score/compare-to-reference.js';
import { DEFAULT_WEIGHTS } from '../dist/model/graph-weights.js';
import { decompositionAtLevel } from '../dist/cluster/merge-levels.js';
import { buildShopHistory } from '../fixtures/build-shop-history.mjs';
import { buildBankHistory } from '../fixtures/build-bank-history.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.join(here, '..');
const corpus = path.resolve(process.env.MSA_CORPUS ?? path.join(project, '..', 'corpus'));
const only = process.argv.slice(2);
const work = path.join(here, '.work');

const VARIANTS = [
  ['default', {}],
  ['no code', { code: 0 }],
  ['no data', { data: 0 }],
  ['no history', { history: 0 }],
];

function cases() {
  const list = [];
  for (const f of fs.readdirSync(path.join(project, 'fixtures')).filter((f) => f.endsWith('.intended.json')).sort()) {
    const name = f.replace(/\.intended\.json$/, '');
    list.push({ name: `fixture ${name}`, reference: JSON.parse(fs.readFileSync(path.join(project, 'fixtures', f), 'utf8')), root: () => fixtureRoot(name) });
  }
  for (const f of fs.readdirSync(path.join(here, 'reference')).filter((f) => f.endsWith('.json')).sort()) {
    const reference = JSON.parse(fs.readFileSync(path.join(here, 'reference', f), 'utf8'));
    list.push({ name: reference.repository, reference, root: () => corpusRoot(reference) });
  }
  return list.filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)));
}

const HISTORY_BUILDERS = { 'shop-monolith': buildShopHistory, 'layered-bank': buildBankHistory };

function fixtureRoot(name) {
  const build = HISTORY_BUILDERS[name];
  if (!build) return path.join(project, 'fixtures', name);
  // Fixtures with a built history get it in a temporary copy (they have no .git of their own).
  fs.mkdirSync(work, { recursive: true });
  const target = path.join(work, `quality-${name}`);
  fs.rmSync(target, { recursive: true, force: true });
  return build(target);
}

function corpusRoot(reference) {
  const dir = path.join(corpus, reference.repository.replace('/', '+'));
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(corpus, { recursive: true });
    const clone = spawnSync('git', ['clone', '--quiet', `https://github.com/${reference.repository}.git`, dir], { encoding: 'utf8', timeout: 600_000 });
    if (clone.status !== 0) return { missing: `not in ${corpus} and could not be cloned (${(clone.stderr || 'no answer').trim().split('\n')[0]})` };
    spawnSync('git', ['-C', dir, 'checkout', '--quiet', reference.commit], { encoding: 'utf8' });
  }
  const head = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  return { dir, note: head && head !== reference.commit ? `at ${head.slice(0, 10)}, reference written for ${reference.commit.slice(0, 10)}` : undefined };
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x) => (x === undefined ? '-' : String(x));
console.log(`corpus folder: ${corpus}`);
console.log(`${pad('repository', 42)} ${pad('modules', 16)} ${VARIANTS.map(([v]) => pad(`${v} MoJoFM/ARI`, 22)).join('')}${pad('macro level (N) MoJoFM', 24)}time`);
const rows = [];
for (const c of cases()) {
  const root = c.root();
  const dir = typeof root === 'string' ? root : root.dir;
  if (!dir) {
    console.log(`${pad(c.name, 42)} not available: ${root.missing}`);
    continue;
  }
  const t = performance.now();
  const base = await analyze(dir, JSON.parse(process.env.QUALITY_OPTIONS ?? '{}'));
  const ms = performance.now() - t;
  const modules = base.model.modules.map((m) => m.id);
  const cells = VARIANTS.map(([, w]) => {
    const r = Object.keys(w).length === 0 ? base : reproposeContexts(base, { source: { kind: 'api' }, values: { weights: { ...DEFAULT_WEIGHTS, ...w } } });
    return compareToReference(r.decomposition, modules, c.reference);
  });
  const first = cells[0];
  // The recommended macro level of the same run (go macro first), against the same reference.
  const macroN = base.levels?.macro;
  const macro = macroN && macroN < base.decomposition.contexts.length ? compareToReference(decompositionAtLevel(base.decomposition, macroN), modules, c.reference) : undefined;
  rows.push({ name: c.name, cells, macro });
  console.log(
    `${pad(c.name, 42)} ${pad(`${first.scored} (${first.uncovered} unref.)`, 16)} ${cells.map((x) => pad(`${num(x.mojoFm)} / ${num(x.ari)}`, 22)).join('')}${pad(macro ? `${macro.mojoFm} (${macroN} of ${base.decomposition.contexts.length})` : '-', 24)}${(ms / 1000).toFixed(1)} s${typeof root === 'string' || !root.note ? '' : `  (${root.note})`}`,
  );
}
const real = rows.filter((r) => !r.name.startsWith('fixture '));
if (real.length > 0) {
  const mean = (i) => Math.round((real.reduce((s, r) => s + r.cells[i].mojoFm, 0) / real.length) * 10) / 10;
  console.log(`\nmean MoJoFM over ${real.length} real repositories: ${VARIANTS.map(([v], i) => `${v} ${mean(i)}`).join(', ')}`);
}
