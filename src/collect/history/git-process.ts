/**
 * Runs the real `git` read-only: small queries through simple-git, the one large `git log` pass as a
 * spawned process whose stdout is parsed as it streams (simple-git's raw() would hold the whole output
 * in memory). Never fetches, checks out or writes; `GIT_OPTIONAL_LOCKS=0` keeps even `git status`-like
 * index refreshes from writing.
 */
import { spawn } from 'node:child_process';
import type { SimpleGit } from 'simple-git';

const ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

/**
 * simple-git for the occasional query (loaded on first use, most runs never need it); it refuses
 * environments carrying risky git variables, so it gets only what git needs.
 */
export async function gitClient(cwd: string): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  const env: Record<string, string> = { LC_ALL: 'C' };
  for (const key of ['PATH', 'HOME', 'SYSTEMROOT', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key]!;
  return simpleGit({ baseDir: cwd, binary: 'git', maxConcurrentProcesses: 2, trimmed: true }).env(env);
}

export interface StreamResult {
  code: number;
  stderr: string;
  /** Set when git could not be started (not installed). */
  spawnError?: string;
}

/** Spawns git, feeding `input` to stdin, handing stdout chunks to `onChunk` as they arrive. */
export function streamGit(cwd: string, args: readonly string[], onChunk: (chunk: Buffer) => void, input?: string): Promise<StreamResult> {
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const child = spawn('git', args as string[], { cwd, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      resolve({ code: -1, stderr, spawnError: (error as NodeJS.ErrnoException).code ?? error.message });
    });
    child.stdout.on('data', onChunk);
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += d.toString('utf8');
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      resolve({ code: code ?? -1, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** Buffers a small git command's output. */
export async function runGit(cwd: string, args: readonly string[], input?: string): Promise<StreamResult & { stdout: string }> {
  const chunks: Buffer[] = [];
  const r = await streamGit(cwd, args, (c) => chunks.push(c), input);
  return { ...r, stdout: Buffer.concat(chunks).toString('utf8') };
}
