/**
 * The neutral graph view as JSON (nodes, edges, groups), for tools of the user's own. Not a report
 * format: `--format json` writes analysis.json; this one is for `msa-split graph --format json`.
 */
import type { GraphFormat } from '../graph-format.js';
import { graphView } from '../graph-view.js';
import { stableStringify } from '../stable-json.js';

export const jsonGraphFormat: GraphFormat = {
  name: 'json',
  extension: 'json',
  reportLevels: [],
  render: (result, level) => stableStringify(graphView(result, level)),
};
