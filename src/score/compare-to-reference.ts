/**
 * How close a decomposition comes to a reference split (a fixture's intent file or a reference split
 * of a real repository in bench/reference/).
 * Input: the decomposition, the module ids, the reference: `contexts` (name -> globs; a module goes to
 * the first context whose globs match), and globs of what the reference sets aside (`setAside`,
 * `kernel`, `platform`, `tooling`, or a context literally named `platform`).
 * Output: MoJoFM (Wen & Tzerpos 2004, exact) and the adjusted Rand index over the modules the
 * reference places in a context; a module the decomposition sets aside (kernel, platform, tooling,
 * unplaced) counts as a context of its own, so setting business code aside costs like misplacing it.
 * Modules the reference neither places nor sets aside are counted as `uncovered` and left out.
 */
import picomatch from 'picomatch';
import { adjustedRandIndex } from '../model/adjusted-rand-index.js';
import { mojoFm } from '../model/mojo.js';
import type { Decomposition } from '../model/types.js';

export interface ReferenceSplit {
  contexts: Record<string, string[]>;
  setAside?: string[];
  kernel?: string[];
  platform?: string[];
  tooling?: string[];
}

export interface ReferenceComparison {
  /** Modules the reference places in a context (the ones scored). */
  scored: number;
  /** Modules the reference places but the decomposition set aside. */
  setAsideByTool: number;
  /** Modules the reference says nothing about. */
  uncovered: number;
  mojoFm: number;
  ari: number;
}

export function referenceLabels(modules: readonly string[], reference: ReferenceSplit): { labels: Map<string, string>; uncovered: number } {
  const asGlobs = (list: readonly string[] | undefined) => (list ?? []).filter((g) => typeof g === 'string');
  const aside = [...asGlobs(reference.setAside), ...asGlobs(reference.kernel), ...asGlobs(reference.platform), ...asGlobs(reference.tooling), ...asGlobs(reference.contexts.platform)];
  const isAside = aside.length > 0 ? picomatch(aside, { dot: true }) : () => false;
  const matchers = Object.entries(reference.contexts)
    .filter(([name]) => name !== 'platform')
    .map(([name, globs]) => [name, picomatch(globs, { dot: true })] as const);
  const labels = new Map<string, string>();
  let uncovered = 0;
  for (const m of modules) {
    const hit = matchers.find(([, match]) => match(m));
    if (hit) labels.set(m, hit[0]);
    else if (!isAside(m)) uncovered++;
  }
  return { labels, uncovered };
}

export function compareToReference(decomposition: Decomposition, modules: readonly string[], reference: ReferenceSplit): ReferenceComparison {
  const { labels, uncovered } = referenceLabels(modules, reference);
  const got = new Map<string, string>();
  for (const c of decomposition.contexts) for (const m of c.modules) if (labels.has(m)) got.set(m, c.id);
  let setAsideByTool = 0;
  for (const m of labels.keys()) {
    if (got.has(m)) continue;
    got.set(m, `aside:${m}`);
    setAsideByTool++;
  }
  return { scored: labels.size, setAsideByTool, uncovered, mojoFm: Math.round(mojoFm(got, labels) * 10) / 10, ari: Math.round(adjustedRandIndex(got, labels) * 1000) / 1000 };
}
