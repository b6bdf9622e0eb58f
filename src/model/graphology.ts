/**
 * graphology for an ESM + NodeNext build: at runtime the default import of these CommonJS packages is
 * the function itself, but their typings describe it as `.default` (see DESIGN §7). The casts below
 * give the runtime value its real type, in one place.
 */
import graphologyModule from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import modularityModule from 'graphology-metrics/graph/modularity.js';

export const Graph = graphologyModule as unknown as typeof graphologyModule.default;
export type UndirectedGraph = InstanceType<typeof Graph>;
export const louvain = louvainModule as unknown as typeof louvainModule.default;
export const modularity = modularityModule as unknown as typeof modularityModule.default;
