/**
 * Worker-thread entry: reads the history of one repository (collect-history.ts) and posts the facts
 * back. Running it beside the code stage puts git's wait and the log's digest on the second core.
 * Input (workerData): root and history options. Output (message): `{ facts }`, or `{ usage }` for a
 * usage error (an unknown --branch), or `{ failure }` for anything else.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../../model/usage-error.js';
import { CacheWrites } from '../cache/facts-cache.js';
import { collectHistory, type HistoryOptions } from './collect-history.js';
import { pushAll } from '../../model/group.js';

const { root, options, cache } = workerData as { root: string; options: HistoryOptions; cache?: { dir: string; repository: string; toolVersion: string } };
try {
  const writes = new CacheWrites();
  const facts = await collectHistory(root, { ...options, ...(cache ? { cache: { ...cache, writes } } : {}) });
  pushAll(facts.diagnostics, (await writes.settle()));
  parentPort!.postMessage({ facts });
} catch (error) {
  parentPort!.postMessage(error instanceof UsageError ? { usage: error.message } : { failure: (error as Error).stack ?? String(error) });
}
