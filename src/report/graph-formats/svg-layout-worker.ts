/**
 * Worker-thread entry: lays one DOT graph out as SVG with Graphviz compiled to WebAssembly. It runs
 * apart so that a layout past its budget (dense graphs: 1,000 tables with their foreign keys took
 * minutes) is stopped by terminating the thread, which a WebAssembly call on the main thread never
 * yields to. Input (workerData): `{ dot }`. Output (message): `{ svg }` or `{ failure }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { instance } from '@viz-js/viz';

const { dot } = workerData as { dot: string };
try {
  const viz = await instance();
  parentPort!.postMessage({ svg: viz.renderString(dot, { format: 'svg' }) });
} catch (error) {
  parentPort!.postMessage({ failure: (error as Error).message });
}
