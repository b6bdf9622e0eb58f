/**
 * Runs a command and reports its wall time and peak resident memory (max RSS of the child, read
 * with getrusage(RUSAGE_CHILDREN) through python3, which every machine here has).
 */
import { spawnSync } from 'node:child_process';

const WRAPPER = `
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(p.stderr.decode('utf8', 'replace'))
print(json.dumps({"code": p.returncode, "wallMs": wall * 1000, "peakRssMb": rss / 1024, "stdout": p.stdout.decode('utf8', 'replace')}))
`;

/** `okCodes`: exit codes that are answers, not failures (`check` exits 1 when it finds something). */
export function measure(cwd, command, args, okCodes = [0]) {
  const r = spawnSync('python3', ['-c', WRAPPER, cwd, command, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`measure failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  if (!okCodes.includes(out.code)) throw new Error(`${command} ${args.join(' ')} exited ${out.code}: ${r.stderr.slice(0, 2000)}`);
  return { ...out, stderr: r.stderr };
}
