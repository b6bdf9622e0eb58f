/**
 * Where the decision file puts each module.
 * Input: the module ids of the model, the modules set aside as tooling, the decision file. Output: per
 * module its context (an index into `file.contexts`), kernel or platform; the modules the file leaves
 * open; warnings for entries that name nothing in this repository.
 * Precedence (model/decision-file.ts): a module listed under a context's `modules`; a module id
 * listed in `kernel` / `platform`; then the most specific glob of `kernel`, `platform` and every
 * context's `include` (specificity = length of the literal text before the first wildcard; a pattern
 * without wildcard = its whole length + 1; ties: kernel, platform, then contexts in file order), a
 * context's `exclude` taking the module away from that context's globs only. Globs never take tooling
 * (build and tool files); an explicit entry does.
 */
import picomatch from 'picomatch';
import { compareStrings } from '../model/compare.js';
import type { DecisionFile } from '../model/decision-file.js';
import type { Diagnostic } from '../model/types.js';

export type Placement = { kind: 'context'; index: number } | { kind: 'kernel' } | { kind: 'platform' };

export interface AppliedDecisions {
  placement: Map<string, Placement>;
  /** Modules no entry places, sorted. */
  open: string[];
  diagnostics: Diagnostic[];
}

interface Rule {
  placement: Placement;
  /** `contexts[2].include[0]`, for messages. */
  where: string;
  glob: string;
  specificity: number;
  match: (m: string) => boolean;
  exclude?: (m: string) => boolean;
  /** Order among equally specific rules. */
  rank: number;
  /** The folder its literal text names ('' when it starts with a wildcard): it matches nothing outside. */
  folder: string;
}

const bySpecificity = (a: Rule, b: Rule) => b.specificity - a.specificity || a.rank - b.rank;

export function applyDecisions(modules: readonly string[], tooling: ReadonlySet<string>, file: DecisionFile): AppliedDecisions {
  const known = new Set(modules);
  const placement = new Map<string, Placement>();
  const diagnostics: Diagnostic[] = [];
  const warn = (message: string) => diagnostics.push({ severity: 'warning', code: 'decision-file', message });
  file.contexts.forEach((c, index) =>
    (c.modules ?? []).forEach((m) => {
      if (known.has(m)) placement.set(m, { kind: 'context', index });
      else warn(`decision file: module ${m} of context ${c.id} is not in this repository (renamed or deleted?)`);
    }),
  );
  const rules: Rule[] = [];
  const setAside = [
    ['kernel', file.kernel],
    ['platform', file.platform],
  ] as const;
  for (const [kind, entries] of setAside) {
    (entries ?? []).forEach((entry, j) => {
      if (known.has(entry)) {
        if (!placement.has(entry)) placement.set(entry, { kind });
      } else rules.push(rule({ kind }, `${kind}[${j}]`, entry, rules.length));
    });
  }
  file.contexts.forEach((c, index) => {
    const exclude = (c.exclude ?? []).length > 0 ? picomatch(c.exclude!, { dot: true }) : undefined;
    (c.include ?? []).forEach((glob, j) => rules.push({ ...rule({ kind: 'context', index }, `contexts[${index}].include[${j}] (${c.id})`, glob, rules.length), ...(exclude ? { exclude } : {}) }));
  });
  // A glob can only match modules under the folder its literal text names (`src/ordering/**`: under
  // src/ordering): rules indexed by that folder, so a module tries the rules of its ancestors only
  // (thousands of modules times hundreds of globs would otherwise be millions of matches).
  const byFolder = new Map<string, Rule[]>();
  for (const r of rules) (byFolder.get(r.folder) ?? byFolder.set(r.folder, []).get(r.folder)!).push(r);
  const candidates = (m: string): Rule[] => {
    const out = [...(byFolder.get('') ?? [])];
    for (let i = m.indexOf('/'); i >= 0; i = m.indexOf('/', i + 1)) out.push(...(byFolder.get(m.slice(0, i)) ?? []));
    return out.sort(bySpecificity);
  };
  const used = new Set<Rule>();
  const open: string[] = [];
  for (const m of [...modules].sort(compareStrings)) {
    if (placement.has(m)) continue;
    const found = tooling.has(m) ? undefined : candidates(m).find((r) => r.match(m) && !r.exclude?.(m));
    if (found) (placement.set(m, found.placement), used.add(found));
    else if (!tooling.has(m)) open.push(m);
  }
  for (const r of [...rules].sort(bySpecificity)) {
    if (used.has(r)) continue;
    const under = r.folder === '' ? '' : `${r.folder}/`;
    const shadowed = modules.some((m) => m.startsWith(under) && r.match(m) && !r.exclude?.(m));
    warn(shadowed ? `decision file: glob ${r.glob} in ${r.where} places nothing: more specific entries take every module it matches` : `decision file: glob ${r.glob} in ${r.where} matches no module of this repository`);
  }
  return { placement, open, diagnostics };
}

function rule(placement: Placement, where: string, glob: string, rank: number): Rule {
  // `src/shared/payment-*.ts` -> 19 (`src/shared/payment-`); a pattern without wildcard beats every glob.
  const wildcard = glob.search(/[*?[\]{}()!+@\\]/);
  const specificity = wildcard < 0 ? glob.length + 1 : wildcard;
  const folder = glob.slice(0, Math.max(0, glob.lastIndexOf('/', wildcard < 0 ? glob.length : wildcard)));
  return { placement, where, glob, specificity, match: picomatch(glob, { dot: true }), rank, folder };
}
