/** Module-graph weights for the CLI (which imports only main, config and report). */
export { DEFAULT_WEIGHTS, parseWeights } from '../cluster/build-module-graph.js';
