/** The CLI run in-process with a recording io: the option matrix and messages without a spawn each. */
import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['node', 'msa-split', ...args], {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    env: { NO_COLOR: '1', ...env },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
