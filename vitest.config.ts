import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The tests' own cache folder (analyze caches per-file facts by default): never the user's.
const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'msa-split-test-cache-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { XDG_CACHE_HOME: cacheHome },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's module cache: each file re-importing typescript, ts-morph and the
    // collectors cost 72 s of the 117 s suite (measured); no test depends on fresh module state.
    isolate: false,
    // vitest's default is one worker fewer than the cores: a single worker on the 2-core machines here.
    // Most test time waits on child processes (git, the CLI, chromium), so every core gets a worker
    // (measured: 218 s -> 155 s for the suite; a third worker gained nothing).
    maxWorkers: os.availableParallelism(),
  },
});
