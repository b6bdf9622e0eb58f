/**
 * The decision file of an analysis: the one it was decided in (`--decomposition`), else its proposal
 * written as decisions so the workshop starts from it (contexts, kernel, platform, table owners and
 * the macro level). A proposal's context is written as folder globs where a folder holds only that
 * context's modules (at the highest such folder: `src/ordering/**` also takes the files added to it
 * later), the rest as module ids; a folder name with glob characters (Next.js `[id]`) is never a glob.
 * `analyze --decomposition` of this file gives the proposal's contexts again.
 */
import { compareStrings } from '../model/compare.js';
import type { DecidedContext, DecisionFile } from '../model/decision-file.js';
import type { AnalysisResult } from '../result/analysis-result.js';

const GLOB_CHARACTERS = /[*?[\]{}()!+@\\]/;

export function decisionsOfResult(result: AnalysisResult): DecisionFile | undefined {
  if (result.decisions) return result.decisions;
  const d = result.decomposition;
  if (!d) return undefined;
  const idByContext = contextIds(d.contexts);
  const contextOf = new Map<string, string>();
  d.contexts.forEach((c) => c.modules.forEach((m) => contextOf.set(m, idByContext.get(c.id)!)));
  // Every module of the repository counts: a folder is a glob only if nothing else lives in it.
  const everyModule = result.model.modules.map((m) => m.id);
  const folderOwner = folderOwners(everyModule, contextOf);
  const contexts = d.contexts.map((c): DecidedContext => {
    const id = idByContext.get(c.id)!;
    const include: string[] = [];
    const modules: string[] = [];
    for (const m of c.modules) {
      const top = highestOwnedFolder(m, id, folderOwner);
      // A module under an owned folder is taken by its glob; only the others are listed.
      if (top === undefined) modules.push(m);
      else if (!include.includes(`${top}/**`)) include.push(`${top}/**`);
    }
    return { id, name: c.name, ...(include.length > 0 ? { include } : {}), ...(modules.length > 0 ? { modules } : {}), ...(c.tables.length > 0 ? { tables: c.tables } : {}) };
  });
  return {
    version: 1,
    system: result.model.root,
    notes: `Proposed by msa-split ${result.tool.version} (${d.method}); edit it in the workshop, then: msa-split analyze <repo> --decomposition msa-split.decomposition.yaml`,
    contexts,
    ...(d.kernel.length > 0 ? { kernel: d.kernel } : {}),
    ...((d.platform ?? []).length > 0 ? { platform: d.platform!.map((p) => p.module) } : {}),
    ...(d.macro ? { macro: d.macro.map((m) => ({ id: slug(m.id), name: m.name, contexts: m.contexts.map((c) => idByContext.get(c) ?? c) })) } : {}),
  };
}

/** `ordering · cart` -> `ordering-cart` (names are unique; on a clash after slugging, the id joins: `ctx-3-ordering-cart`). */
function contextIds(contexts: readonly { id: string; name: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const c of contexts) count.set(slug(c.name), (count.get(slug(c.name)) ?? 0) + 1);
  return new Map(contexts.map((c) => [c.id, count.get(slug(c.name)) === 1 && !/^(new|ctx)-\d+$/.test(slug(c.name)) ? slug(c.name) : slug(`${c.id}-${c.name}`)]));
}

function slug(text: string): string {
  // After the replace, dashes never repeat: trimming one at each end is enough (and linear).
  const trim = (x: string) => x.slice(x.startsWith('-') ? 1 : 0, x.endsWith('-') ? -1 : undefined);
  const s = trim(trim(text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')).slice(0, 60));
  return s.length > 0 ? s : 'context';
}

/** Per folder: the one context id all modules under it belong to, or null when mixed or holding set-asides. */
function folderOwners(modules: readonly string[], contextOf: ReadonlyMap<string, string>): Map<string, string | null> {
  const owner = new Map<string, string | null>();
  for (const m of [...modules].sort(compareStrings)) {
    const c = contextOf.get(m) ?? null;
    const parts = m.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const before = owner.get(folder);
      owner.set(folder, before === undefined ? c : before === c ? c : null);
    }
  }
  return owner;
}

function highestOwnedFolder(module: string, id: string, owner: ReadonlyMap<string, string | null>): string | undefined {
  const parts = module.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    if (owner.get(folder) === id && !GLOB_CHARACTERS.test(folder)) return folder;
  }
  return undefined;
}
