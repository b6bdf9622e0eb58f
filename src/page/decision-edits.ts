/**
 * The what-if moves as edits of the decision file, so what the page shows is what the downloaded file
 * decides. Placement rules (model/decision-file.ts): a context's `modules` beat every other entry, and a
 * module id in `kernel`/`platform` beats every glob, so a move lists the module explicitly where it goes
 * and removes its explicit listings elsewhere. Each edit appends what it did to the decision log.
 */
import type { DecidedContext, DecisionFile } from '../model/decision-file.js';

/** Where a module can go: a context id of the file, or a set-aside. */
export type Target = string | 'kernel' | 'platform';
const SET_ASIDES = new Set(['kernel', 'platform']);

const log = (file: DecisionFile, what: string): DecisionFile['decisions'] => [...(file.decisions ?? []), { what: `${what} (what-if in report.html)` }];

/** `modules` leave every explicit listing and go to `target`. */
export function moveModules(file: DecisionFile, modules: readonly string[], target: Target, label = describe(modules)): DecisionFile {
  if (!SET_ASIDES.has(target) && !file.contexts.some((c) => c.id === target)) throw new Error(`no context ${target}`);
  const moving = new Set(modules);
  const without = (xs: readonly string[] | undefined) => (xs ?? []).filter((x) => !moving.has(x));
  const contexts = file.contexts.map((c): DecidedContext => {
    const kept = without(c.modules);
    return { ...c, modules: c.id === target ? [...kept, ...modules] : kept };
  });
  return {
    ...file,
    contexts,
    kernel: target === 'kernel' ? [...without(file.kernel), ...modules] : without(file.kernel),
    platform: target === 'platform' ? [...without(file.platform), ...modules] : without(file.platform),
    decisions: log(file, `Moved ${label} to ${target}`),
  };
}

/**
 * `from` joins `into`: its current members (listed explicitly, so nothing else changes place), its
 * tables and api, and its globs when it excludes nothing (an exclude belongs to its own globs). Macro groups
 * naming `from` name `into` instead.
 */
export function mergeContexts(file: DecisionFile, from: string, into: string, members: readonly string[]): DecisionFile {
  const a = file.contexts.find((c) => c.id === from);
  const b = file.contexts.find((c) => c.id === into);
  if (!a || !b || a === b) throw new Error(`cannot merge ${from} into ${into}`);
  const merged: DecidedContext = {
    ...b,
    name: `${b.name ?? b.id} + ${a.name ?? a.id}`,
    include: [...(b.include ?? []), ...((a.exclude ?? []).length === 0 ? (a.include ?? []) : [])],
    modules: [...(b.modules ?? []), ...members],
    tables: [...(b.tables ?? []), ...(a.tables ?? [])],
    ...((a.api ?? []).length + (b.api ?? []).length > 0 ? { api: [...(b.api ?? []), ...(a.api ?? [])] } : {}),
  };
  return {
    ...file,
    contexts: file.contexts.filter((c) => c !== a).map((c) => (c === b ? merged : c)),
    ...(file.macro ? { macro: file.macro.map((m) => ({ ...m, contexts: [...new Set(m.contexts.map((c) => (c === from ? into : c)))] })) } : {}),
    decisions: log(file, `Merged ${from} into ${into}`),
  };
}

/** `modules` leave their contexts for a new context named `name`; returns the file and the new id. */
export function splitContext(file: DecisionFile, modules: readonly string[], name: string): { file: DecisionFile; id: string } {
  const taken = new Set([...file.contexts.map((c) => c.id), ...(file.macro ?? []).map((m) => m.id)]);
  const base = slugOf(name);
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  const withNew: DecisionFile = { ...file, contexts: [...file.contexts, { id, name }] };
  const moved = moveModules(withNew, modules, id);
  return { file: { ...moved, decisions: log(file, `Split ${describe(modules)} off as ${id}`) }, id };
}

function describe(modules: readonly string[]): string {
  return modules.length === 1 ? modules[0]! : `${modules.length} modules`;
}

function slugOf(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const trimmed = s.slice(s.startsWith('-') ? 1 : 0, s.endsWith('-') ? -1 : undefined).slice(0, 40);
  return /^[a-z0-9]/.test(trimmed) ? trimmed : `split-${trimmed}`.replace(/-$/, '');
}
