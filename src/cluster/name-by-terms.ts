/**
 * Domain names for contexts: a context is named after the business terms that distinguish it.
 * Input: per context its modules (ids), the tables it owns, and each module's role. Output: per
 * context its name ("cargo · handling"), its top terms (a glossary seed) and, when it is a technical
 * layer rather than a capability, a warning.
 * Terms: identifiers split at camelCase, digits, '-', '_' and '.', lower-cased, plurals folded,
 * technical words (service, controller, repository, dto, impl, ...) dropped; a module contributes the
 * terms of its file name (and of its business folder), an owned table twice its terms.
 * Score = tf x idf, tf = the term's share of the context's terms, idf = ln(contexts / contexts using
 * the term) (1 when there is a single context): a term every context uses names none. The name is the best two terms joined by " · " (one when it dominates).
 * Layer warning: 70% or more of the modules share one role of interface, application, persistence
 * or domain, and they come from three or more business folders (a front end when 70% or more run in
 * the browser).
 */
import { businessFolderOf } from '../model/business-folder.js';
import { compareStrings } from '../model/compare.js';
import { termsOf } from '../model/terms.js';

export interface ContextTerms {
  name: string;
  terms: string[];
  warning?: string;
}

const LAYER_ROLES = new Set(['interface', 'application', 'persistence', 'domain']);

export function nameByTerms(
  contexts: readonly { modules: readonly string[]; tables: readonly string[] }[],
  roleOf: (m: string) => string | undefined,
  sideOf: (m: string) => string | undefined = () => undefined,
): ContextTerms[] {
  const counts = contexts.map((c) => {
    const tf = new Map<string, number>();
    const add = (t: string, w: number) => tf.set(t, (tf.get(t) ?? 0) + w);
    for (const m of c.modules) {
      const file = m.slice(m.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
      for (const t of termsOf(file)) add(t, 1);
      const folder = businessFolderOf(m);
      if (folder) for (const t of termsOf(folder.slice(folder.lastIndexOf('/') + 1))) add(t, 0.5);
    }
    for (const table of c.tables) for (const t of termsOf(table.slice(table.lastIndexOf('.') + 1))) add(t, 2);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = contexts.length;
  return contexts.map((c, i) => {
    const tf = counts[i]!;
    const total = [...tf.values()].reduce((s, v) => s + v, 0) || 1;
    // A term every context shares (the application's own name, a base package) distinguishes none.
    const idf = (t: string) => (n >= 2 ? Math.log(n / df.get(t)!) : 1);
    const ranked = [...tf]
      .map(([t, v]) => [t, (v / total) * idf(t)] as const)
      .filter(([, score]) => score > 0)
      .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    const terms = ranked.slice(0, 8).map(([t]) => t);
    const [first, second] = ranked;
    const name = !first ? '' : !second || second[1] < first[1] / 3 ? first[0] : `${first[0]} · ${second[0]}`;
    return { name, terms, ...layerWarning(c.modules, roleOf, sideOf) };
  });
}

function layerWarning(modules: readonly string[], roleOf: (m: string) => string | undefined, sideOf: (m: string) => string | undefined): { warning?: string } {
  if (modules.length < 4) return {};
  const byRole = new Map<string, number>();
  for (const m of modules) {
    const r = roleOf(m);
    if (r && LAYER_ROLES.has(r)) byRole.set(r, (byRole.get(r) ?? 0) + 1);
  }
  const [role, count] = [...byRole].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0] ?? ['', 0];
  const folders = new Set(modules.map((m) => businessFolderOf(m) ?? '(none)'));
  if (count < 0.7 * modules.length || folders.size < 3) return {};
  // Browser code of many capabilities is a front end: its split follows the services it calls.
  const browser = modules.filter((m) => sideOf(m) === 'browser').length;
  if (browser >= 0.7 * modules.length) {
    return { warning: `this context is a front end, not a capability: ${browser} of ${modules.length} modules are browser code from ${folders.size} business folders; split it by the services it calls (HTTP calls) or keep it as one client` };
  }
  return { warning: `this context is a layer, not a capability: ${count} of ${modules.length} modules are ${role} code from ${folders.size} business folders` };
}
