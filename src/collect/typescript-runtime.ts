/**
 * The TypeScript compiler, loaded through `require`: imported as an ES module, Node 20 first scans all
 * of its 9 MB for module syntax and export names (measured: 0.79 s -> 0.43 s to load it, a third of a
 * small repository's whole run). Code needing its types imports them with
 * `import type * as TS from 'typescript'`, which loads nothing. The CLI adds V8's code cache
 * (code-cache.ts: ~0.35 -> ~0.2 s).
 */
import type * as TS from 'typescript';
import { requireWithCodeCache } from './code-cache.js';

const ts = requireWithCodeCache('typescript', import.meta.url) as typeof TS;
export default ts;
