/**
 * Weights of the module graph: signal weights (code, data, history) scale the per-kind weights.
 * An option (config/options.ts) read by the clustering stage (cluster/build-module-graph.ts).
 */
export interface GraphWeights {
  code: number;
  data: number;
  history: number;
  kinds: Record<string, number>;
}

export const DEFAULT_WEIGHTS: GraphWeights = {
  code: 1,
  data: 1,
  history: 1,
  kinds: {
    import: 1,
    call: 1,
    extends: 1.5,
    implements: 1.5,
    'type-import': 0.5,
    'dynamic-import': 0.5,
    tableAccess: 2,
    coChange: 6,
    coAuthor: 0.2,
    folder: 1,
  },
};
