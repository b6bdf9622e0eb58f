/**
 * SVG without a system Graphviz: the DOT views laid out by Graphviz compiled to WebAssembly
 * (@viz-js/viz). The module level is drawn only up to SVG_MAX_MODULES nodes (a larger drawing is
 * unreadable and slow); past that the file says so and points to the context view.
 * Every layout has a time budget (LAYOUT_BUDGET_MS, or the caller's): it runs on a worker thread that
 * is stopped at the budget, and the file then says what was not drawn and where the graph is (the DOT
 * file, the context view); the other reports go on. From the TypeScript sources (tests) a worker
 * cannot load its module: the layout runs on this thread then, without a budget.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisResult } from '../../result/analysis-result.js';
import type { GraphFormat, GraphRenderOptions } from '../graph-format.js';
import { graphView, type GraphLevel } from '../graph-view.js';
import { xmlText } from '../graph-text.js';
import { renderDot } from './dot.js';

export const SVG_MAX_MODULES = 400;
/** The longest one drawing may take. */
export const LAYOUT_BUDGET_MS = 20_000;

const WORKER = new URL('./svg-layout-worker.js', import.meta.url);

export async function svgFor(result: AnalysisResult, level: GraphLevel, options: GraphRenderOptions = {}): Promise<string> {
  const view = graphView(result, level);
  if (level === 'module' && view.nodes.length > SVG_MAX_MODULES) {
    return note(`${view.nodes.length} modules: too many to draw (limit ${SVG_MAX_MODULES}); see graph-contexts.svg`);
  }
  const dot = renderDot(view);
  const budget = options.layoutBudgetMs ?? LAYOUT_BUDGET_MS;
  // Graphviz loads here only then; otherwise only the worker loads it.
  if (!import.meta.url.endsWith('.js')) return (await (await import('@viz-js/viz')).instance()).renderString(dot, { format: 'svg' });
  const laid = await layoutInWorker(dot, budget);
  if ('svg' in laid) return laid.svg;
  const what = `${view.nodes.length} ${level === 'table' ? 'tables' : `${level}s`}, ${view.edges.length} edges`;
  const where = `the graph is in graph-${level}s.dot (--format dot)${level === 'context' ? '' : ', the overview in graph-contexts.svg'}`;
  return note('timedOut' in laid ? `${what}: not drawn, the layout took longer than its ${budget / 1000} s budget; ${where}` : `${what}: not drawn (${laid.failure}); ${where}`);
}

function note(text: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.min(2000, 20 + text.length * 7)}" height="40"><text x="10" y="25">${xmlText(text)}</text></svg>\n`;
}

function layoutInWorker(dot: string, budgetMs: number): Promise<{ svg: string } | { timedOut: true } | { failure: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: { svg: string } | { timedOut: true } | { failure: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
      void worker.terminate();
    };
    // No inherited Node flags (--input-type and the like make a worker refuse its module).
    const worker = new Worker(WORKER, { workerData: { dot }, execArgv: [] });
    const timer = setTimeout(() => settle({ timedOut: true }), budgetMs);
    worker.once('message', (m: { svg?: string; failure?: string }) => settle(m.svg !== undefined ? { svg: m.svg } : { failure: m.failure ?? 'the layout failed' }));
    worker.once('error', (error) => settle({ failure: error.message }));
    worker.once('exit', (code) => settle({ failure: `the layout stopped (exit ${code})` }));
  });
}

export const svgFormat: GraphFormat = {
  name: 'svg',
  extension: 'svg',
  reportLevels: ['context', 'module', 'table'],
  render: svgFor,
};
