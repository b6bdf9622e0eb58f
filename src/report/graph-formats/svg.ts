/**
 * SVG without a system Graphviz: the DOT views laid out by Graphviz compiled to WebAssembly
 * (@viz-js/viz). The module level is drawn only up to SVG_MAX_MODULES nodes (a larger drawing is
 * unreadable and slow); past that the file says so and points to the context view.
 */
import { instance } from '@viz-js/viz';
import type { AnalysisResult } from '../../result/analysis-result.js';
import type { GraphFormat } from '../graph-format.js';
import { graphView, type GraphLevel } from '../graph-view.js';
import { xmlText } from '../graph-text.js';
import { renderDot } from './dot.js';

export const SVG_MAX_MODULES = 400;

export async function svgFor(result: AnalysisResult, level: GraphLevel): Promise<string> {
  const view = graphView(result, level);
  if (level === 'module' && view.nodes.length > SVG_MAX_MODULES) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="40"><text x="10" y="25">${xmlText(`${view.nodes.length} modules: too many to draw (limit ${SVG_MAX_MODULES}); see graph-contexts.svg`)}</text></svg>\n`;
  }
  const viz = await instance();
  return viz.renderString(renderDot(view), { format: 'svg' });
}

export const svgFormat: GraphFormat = {
  name: 'svg',
  extension: 'svg',
  reportLevels: ['context', 'module', 'table'],
  render: svgFor,
};
