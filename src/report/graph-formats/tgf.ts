/**
 * TGF (Trivial Graph Format): node lines `id label`, a `#` line, edge lines `from to label`. yEd and
 * other editors import it. Ids are line numbers, so labels may hold any text but line breaks.
 */
import type { GraphFormat } from '../graph-format.js';
import { graphView } from '../graph-view.js';

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');

export const tgfFormat: GraphFormat = {
  name: 'tgf',
  extension: 'tgf',
  reportLevels: [],
  render(result, level) {
    const view = graphView(result, level);
    const id = new Map(view.nodes.map((n, i) => [n.id, i + 1]));
    const nodes = view.nodes.map((n) => `${id.get(n.id)} ${oneLine(n.label)}`);
    const edges = view.edges.map((e) => `${id.get(e.source)} ${id.get(e.target)} ${e.weight} ${e.kinds.join(',')}`);
    return [...nodes, '#', ...edges].join('\n') + '\n';
  },
};
