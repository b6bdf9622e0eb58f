/**
 * Runs the hostile-repository corpus (cases.ts) through the real CLI and checks, for every case: its
 * exit code (never 3, an internal error), its message, the repository and everything outside --out
 * byte-identical (tree checksums including .git/ and ignored files), no marker program run, no secret
 * from outside the repository in any output, and the time and memory the harness measured within
 * generous bounds (a hang is cut at the harness's budget and fails its case).
 * The cases run in one child process (run-cases.mjs) so the CLI loads once; the harness restarts it
 * after a case that hangs or aborts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/analyze.js';
import { renderJson } from '../../src/report/render-json.js';
import { HOSTILE_CASES, type CaseDirs, type CaseResult, type HostileCase } from './cases.js';
import { treeChecksum } from './tree-checksum.js';

/** A case running longer than this is a hang. */
const CASE_BUDGET_MS = 60_000;
/** Peak memory of the runner process (all cases so far) above this fails the case that reached it. */
const RSS_BUDGET_MB = 2_500;

interface Prepared {
  c: HostileCase;
  dirs: CaseDirs;
  before: string;
  buildError?: string;
  result?: CaseResult;
  failure?: string;
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-hostile-'));
const prepared: Prepared[] = [];

function dirsFor(i: number, goodAnalysis: string): CaseDirs {
  const base = path.join(workspace, `case-${String(i).padStart(2, '0')}`);
  const dirs: CaseDirs = {
    base,
    repo: path.join(base, 'repo'),
    out: path.join(base, 'out'),
    outside: path.join(base, 'outside'),
    markers: path.join(base, 'markers'),
    evil: path.join(base, 'outside', 'evil.sh'),
    secret: `SECRET-OUTSIDE-${i}-${Math.random().toString(36).slice(2)}`,
    goodAnalysis,
  };
  fs.mkdirSync(dirs.markers, { recursive: true });
  fs.mkdirSync(dirs.outside, { recursive: true });
  fs.writeFileSync(path.join(dirs.outside, 'secret.txt'), `${dirs.secret}\nroot:x:0:0:root:/root:/bin/bash\n`);
  fs.writeFileSync(dirs.evil, `#!/bin/sh\necho "$0 $*" >> '${path.join(dirs.markers, 'ran')}'\nif [ -f "$1" ]; then cat "$1"; fi\nexit 0\n`, { mode: 0o755 });
  return dirs;
}

/** Runs jobs in a runner process; resolves with what finished, and the id of a job that hung or died. */
function runBatch(jobs: { id: number; argv: string[]; cwd: string; env: Record<string, string> }[]): Promise<{ results: Map<number, CaseResult>; broken?: { id: number; why: string } }> {
  const jobFile = path.join(workspace, `jobs-${Date.now()}-${jobs[0]!.id}.json`);
  fs.writeFileSync(jobFile, JSON.stringify(jobs));
  const runner = path.resolve('test/hostile/run-cases.mjs');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=3072', runner, jobFile], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    const results = new Map<number, CaseResult>();
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout;
    let timedOut = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, CASE_BUDGET_MS);
    };
    arm();
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const r = JSON.parse(buffer.slice(0, nl)) as CaseResult & { id: number };
        buffer = buffer.slice(nl + 1);
        results.set(r.id, r);
        arm();
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const next = jobs.find((j) => !results.has(j.id));
      if (!next) return resolve({ results });
      resolve({ results, broken: { id: next.id, why: timedOut ? `no result within ${CASE_BUDGET_MS} ms (hang)` : `runner died (code ${code}, signal ${signal}): ${stderr}` } });
    });
  });
}

beforeAll(async () => {
  const goodRepo = path.join(workspace, 'good-repo');
  fs.mkdirSync(path.join(goodRepo, 'src'), { recursive: true });
  fs.writeFileSync(path.join(goodRepo, 'src/a.ts'), "import { b } from './b';\nexport const a = b;\n");
  fs.writeFileSync(path.join(goodRepo, 'src/b.ts'), 'export const b = 1;\n');
  const goodAnalysis = path.join(workspace, 'good-analysis.json');
  fs.writeFileSync(goodAnalysis, renderJson(await analyze(goodRepo, { history: false }))[0]!.content);

  HOSTILE_CASES.forEach((c, i) => {
    if (!selected(c)) return;
    const dirs = dirsFor(i, goodAnalysis);
    let buildError: string | undefined;
    try {
      c.build(dirs);
    } catch (error) {
      buildError = String((error as Error).stack ?? error);
    }
    prepared[i] = { c, dirs, before: checksumOutsideOut(dirs, c), ...(buildError ? { buildError } : {}) };
  });
  let pending = prepared.map((p, id) => ({ id, p })).filter(({ p }) => p !== undefined && !p.buildError);
  while (pending.length > 0) {
    const { results, broken } = await runBatch(
      pending.map(({ id, p }) => ({ id, argv: p.c.argv?.(p.dirs) ?? ['analyze', p.dirs.repo, '--out', p.dirs.out, '--format', 'json,md'], cwd: p.c.cwd?.(p.dirs) ?? p.dirs.base, env: p.c.env?.(p.dirs) ?? {} })),
    );
    for (const [id, r] of results) {
      const p = prepared[id]!;
      const analysisFile = path.join(p.dirs.out, 'analysis.json');
      if (fs.existsSync(analysisFile) && fs.lstatSync(analysisFile).isFile()) {
        try {
          r.analysis = JSON.parse(fs.readFileSync(analysisFile, 'utf8')) as CaseResult['analysis'];
        } catch {
          // left undefined: the case's checks say what was expected
        }
      }
      p.result = r;
    }
    if (broken) prepared[broken.id]!.failure = broken.why;
    pending = pending.filter(({ id }) => !results.has(id) && id !== broken?.id);
  }
}, 20 * 60_000);

afterAll(() => {
  // HOSTILE_KEEP=1 keeps the case folders to look into (their path is printed).
  if (process.env.HOSTILE_KEEP) return void console.log(`hostile corpus kept in ${workspace}`);
  // rm -rf copes with the 5,000-deep folders that fs.rmSync cannot reach.
  spawn('rm', ['-rf', workspace], { stdio: 'ignore' });
});

function checksumOutsideOut(dirs: CaseDirs, c: HostileCase): string {
  return treeChecksum(dirs.base, new Set(['out', 'markers', ...(c.mayChange ?? [])]));
}

function allOutput(p: Prepared): string {
  let text = `${p.result?.stdout ?? ''}\n${p.result?.stderr ?? ''}`;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir) || !fs.lstatSync(dir).isDirectory()) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.isFile()) text += fs.readFileSync(path.join(dir, e.name), 'utf8');
    }
  };
  walk(p.dirs.out);
  return text;
}

/** HOSTILE_ONLY=regex runs the matching cases only (to compare builds case by case); unset in CI. */
function selected(c: HostileCase): boolean {
  return !process.env.HOSTILE_ONLY || new RegExp(process.env.HOSTILE_ONLY).test(c.name);
}

describe('the hostile-repository corpus', () => {
  HOSTILE_CASES.forEach((c, i) => {
    it.skipIf(!selected(c))(c.name, () => {
      const p = prepared[i]!;
      expect(p.buildError, 'the case could be built').toBeUndefined();
      expect(p.failure, 'no hang, no abort').toBeUndefined();
      const r = p.result!;
      expect(r.code, `exit code (stderr: ${r.stderr.slice(0, 2000)})`).toBe(c.exit);
      if (c.stderr) expect(r.stderr).toMatch(c.stderr);
      expect(r.maxRssMb, 'peak memory of the runner').toBeLessThan(RSS_BUDGET_MB);
      expect(fs.readdirSync(p.dirs.markers), 'no program of the repository ran').toEqual([]);
      expect(checksumOutsideOut(p.dirs, c), 'the repository and everything outside --out are unchanged').toBe(p.before);
      expect(allOutput(p).includes(p.dirs.secret), 'no secret from outside the repository in any output').toBe(false);
      if (c.diagnostics) {
        const codes = (r.analysis?.model.diagnostics ?? []).map((d) => d.code);
        for (const code of c.diagnostics) expect(codes, `diagnostic ${code}`).toContain(code);
      }
      c.check?.(p.dirs, r);
    });
  });
});
