/**
 * Starts reading the history at once, on a worker thread, while the main thread reads the code: the
 * stages do not depend on each other until the model is built (measured on ever-gauzy: git log and
 * its digest, 2.9 s, disappear behind the code stage). Returns the facts when awaited, and the caller
 * replays the commits into its sink. From the TypeScript sources (tests) a worker cannot load the
 * module: the history is read on the main thread then, the same way.
 * A usage error in the worker (an unknown --branch) is thrown again here as a UsageError; a worker that
 * fails otherwise is replaced by reading on the main thread (with a diagnostic).
 */
import { Worker } from 'node:worker_threads';
import type { HistoryFacts } from '../../model/facts/history-facts.js';
import { UsageError } from '../../model/usage-error.js';
import { collectHistory, type HistorySink, type HistoryOptions } from './collect-history.js';

export interface PendingHistory {
  /** The facts, after replaying every commit into `sink`. */
  facts(sink: HistorySink): Promise<HistoryFacts>;
}

const WORKER = new URL('./history-worker.js', import.meta.url);

export function readHistoryBeside(root: string, options: HistoryOptions): PendingHistory {
  if (!import.meta.url.endsWith('.js')) return { facts: (sink) => collectHistory(root, options, sink) };
  const read = new Promise<HistoryFacts>((resolve, reject) => {
    // The cache's pending writes belong to this thread: the worker keeps (and awaits) its own.
    const { cache, ...rest } = options;
    const worker = new Worker(WORKER, { workerData: { root, options: rest, ...(cache ? { cache: { dir: cache.dir, repository: cache.repository, toolVersion: cache.toolVersion } } : {}) }, execArgv: [] });
    // Awaited when the history stage needs it; it never keeps a finished process alive by itself.
    worker.unref();
    worker.once('message', (message: { facts?: HistoryFacts; usage?: string; failure?: string }) => {
      if (message.facts) resolve(message.facts);
      else if (message.usage !== undefined) reject(new UsageError(message.usage));
      else reject(new Error(`the history worker failed: ${message.failure}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the history worker stopped (exit ${code})`)));
  });
  // Not awaited until the history stage: a rejection must not count as unhandled in the meantime.
  read.catch(() => {});
  return {
    facts: async (sink) => {
      let facts: HistoryFacts;
      try {
        facts = await read;
      } catch (error) {
        if (error instanceof UsageError) throw error;
        // A worker that could not run (resources, a broken install): the history is read here instead.
        const here = await collectHistory(root, options, sink);
        return { ...here, diagnostics: [...here.diagnostics, { severity: 'info', code: 'history-worker-failed', message: `the history worker could not run (${(error as NodeJS.ErrnoException).code ?? (error as Error).name}); the history was read on the main thread` }] };
      }
      sink.reset();
      for (const c of facts.commits) sink.add(c);
      return facts;
    },
  };
}
