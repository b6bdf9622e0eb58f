/**
 * A decision file (msa-split.decomposition.yaml) as a Decomposition, the decided half's counterpart of
 * clustering. Pure: analyze runs it before scoring (main/decide-contexts.ts), and report.html's what-if
 * runs the same function in the browser on the embedded model, so both agree to the last digit.
 * What the file places stays where it is (apply-decisions.ts). What it leaves open goes,
 * in order: tooling (never in a context), platform and kernel as for a proposal, then the decided
 * context it is most tied to (cluster/place-open-modules.ts); what no tie reaches is clustered on its
 * own into new contexts `new-1`, `new-2`, ... (fewer than the minimum context size: unplaced). Every
 * module placed that way is listed in `decomposition.placed` with why.
 */
import type { SharedKernelResult } from '../analyze/shared-kernel.js';
import type { AnalyzeOptions } from '../config/options.js';
import { applyDecisions } from './apply-decisions.js';
import { buildModuleGraph } from './build-module-graph.js';
import { clusterModules } from './cluster-modules.js';
import { nameByTerms } from './name-by-terms.js';
import { ownTables } from './own-tables.js';
import { placeOpenModules } from './place-open-modules.js';
import { selectKernel } from './select-kernel.js';
import { platformWiring, selectSetAsides } from './select-set-asides.js';
import { compareStrings } from '../model/compare.js';
import { pushTo } from '../model/group.js';
import type { DecisionFile } from '../model/decision-file.js';
import { Graph, type UndirectedGraph } from '../model/graphology.js';
import type { Context, Decomposition, Diagnostic, SystemModel } from '../model/types.js';

/** The options deciding reads (those of clustering, for what it leaves open). */
export type DecideOptions = Pick<AnalyzeOptions, 'weights' | 'kernel' | 'seed' | 'runs' | 'resolution' | 'minContextSize'>;

/** An open module joins a decided context holding at least this share of its ties; below, most of its ties lead to other open modules. */
export const JOIN_SHARE = 0.25;

/**
 * `graph` is the module graph without the decomposition's set-asides (kernel, platform, tooling): the
 * one its scores are computed on, built once here (placing open modules reads the same ties).
 */
export function decideDecomposition(
  model: SystemModel,
  sharedKernel: SharedKernelResult,
  file: DecisionFile,
  options: Readonly<DecideOptions>,
  /**
   * Placement only (`check --since`, on a model cut to what a change touches): open modules no tie
   * reaches stay unplaced instead of being clustered into new contexts, contexts get no glossary terms,
   * and a decided context without a module here stays (with its tables).
   */
  lean = false,
): { decomposition: Decomposition; diagnostics: Diagnostic[]; graph: UndirectedGraph } {
  const setAsides = selectSetAsides(model);
  const applied = applyDecisions(
    model.modules.map((m) => m.id),
    new Set(setAsides.tooling),
    file,
  );
  const diagnostics: Diagnostic[] = [...applied.diagnostics];
  const ids = file.contexts.map((c) => c.id);
  const placed: NonNullable<Decomposition['placed']> = [];
  const open = new Set(applied.open);
  const kernel = new Set<string>();
  const platform = new Set<string>();
  const members = new Map<string, string>();
  for (const [m, p] of applied.placement) {
    if (p.kind === 'kernel') kernel.add(m);
    else if (p.kind === 'platform') platform.add(m);
    else members.set(m, ids[p.index]!);
  }
  const tooling = setAsides.tooling.filter((m) => !applied.placement.has(m));
  // Open modules go through the proposal's own set-aside rules first.
  for (const m of setAsides.platform) if (open.delete(m)) (platform.add(m), placed.push({ module: m, context: '(platform)', reason: `platform: ${roleReason(model, m)}` }));
  for (const m of selectKernel(model, sharedKernel, options.kernel)) if (open.delete(m)) (kernel.add(m), placed.push({ module: m, context: '(kernel)', reason: 'shared kernel: used across areas like shared code (the proposal would set it aside too)' }));
  // Kernel, platform and tooling are final from here on: the same set-asides the decomposition will have.
  const { graph } = buildModuleGraph(model, new Set([...kernel, ...platform, ...tooling]), options.weights);
  const attached = placeOpenModules(graph, members, [...open], ids, JOIN_SHARE);
  for (const [m, { context, reason }] of attached.placed) (members.set(m, context), placed.push({ module: m, context, reason }));
  // Open modules tied mostly to each other: clustered among themselves, as a proposal would.
  const fresh = lean
    ? { contexts: [], unplaced: attached.unreached.map((module) => ({ module, reason: 'ties to no decided context' })) }
    : attached.unreached.length > 0
      ? clusterModules(model, subgraph(graph, attached.unreached), [], { seed: options.seed, runs: options.runs, resolution: options.resolution, minContextSize: options.minContextSize }) : undefined;
  const newContexts = (fresh?.contexts ?? []).map((c, i) => ({ ...c, id: `new-${i + 1}` }));
  for (const c of newContexts) for (const m of c.modules) placed.push({ module: m, context: c.id, reason: `ties mostly to other modules the file left open: clustered with them into ${c.id} (${c.name})` });
  // What clustering leaves alone joins whichever context it ties to at all; else it stays unplaced.
  for (const c of newContexts) for (const m of c.modules) members.set(m, c.id);
  const alone = placeOpenModules(graph, members, (fresh?.unplaced ?? []).map((u) => u.module), [...ids, ...newContexts.map((c) => c.id)]);
  for (const [m, { context, reason }] of alone.placed) placed.push({ module: m, context, reason });
  const unplaced = (fresh?.unplaced ?? []).filter((u) => !alone.placed.has(u.module)).map((u) => ({ module: u.module, reason: `left open by the decision file; ${u.reason}` }));
  for (const [m, { context }] of alone.placed) {
    const c = newContexts.find((x) => x.id === context);
    if (c) c.modules = [...c.modules, m].sort(compareStrings);
    else members.set(m, context);
  }

  const byContext = new Map<string, string[]>();
  for (const [m, c] of members) pushTo(byContext, c, m);
  const groups = ids.map((id) => (byContext.get(id) ?? []).sort(compareStrings));
  const { contexts: decidedContexts, newTables } = contextsOf(model, file, groups, newContexts.map((c) => c.modules), diagnostics, lean);
  // A new context owns by the same rule, never a table the file gave to a decided context.
  const all = [...decidedContexts, ...newContexts.map((c, j) => ({ ...c, tables: newTables[j]! }))];
  const macro = (file.macro ?? [])
    .map((m) => ({ id: m.id, name: m.name ?? m.id, contexts: m.contexts.filter((c) => all.some((x) => x.id === c)) }))
    .filter((m) => m.contexts.length > 0);
  const draft: Decomposition = {
    method: `decided in a decision file (${file.contexts.length} contexts); ${placed.length} modules it left open placed by msa-split`,
    contexts: all,
    kernel: [...kernel].sort(compareStrings),
    tooling,
    confidence: [],
    ...(unplaced.length > 0 ? { unplaced } : {}),
    ...(macro.length > 0 ? { macro } : {}),
    placed: placed.sort((a, b) => compareStrings(a.module, b.module)),
    pinned: [...new Set(file.pinned ?? [])].sort(compareStrings),
  };
  const decomposition = { ...draft, platform: platformWiring(model, [...platform].sort(compareStrings), draft) };
  return { decomposition, diagnostics, graph };
}

/**
 * The decided contexts with lines, owned tables (the file's `tables` first, then the ownership rule
 * for the rest) and glossary terms; a context the file names but nothing lands in is left out with a
 * warning (an empty service has no scores).
 */
function contextsOf(model: SystemModel, file: DecisionFile, groups: string[][], others: string[][], diagnostics: Diagnostic[], lean: boolean): { contexts: Context[]; newTables: string[][] } {
  const warn = (message: string) => diagnostics.push({ severity: 'warning', code: 'decision-file', message });
  const lines = new Map(model.modules.map((m) => [m.id, m.lines]));
  const tables = model.data?.tables ?? [];
  const byName = new Map<string, string[]>();
  for (const t of tables) byName.set(t.name.toLowerCase(), [...(byName.get(t.name.toLowerCase()) ?? []), t.id]);
  const known = new Set(tables.map((t) => t.id));
  const decidedOwner = new Map<string, number>();
  file.contexts.forEach((c, i) => {
    for (const ref of c.tables ?? []) {
      // On a cut model (lean) the schema is partial: a table the file names is taken by its id as written.
      const id = known.has(ref.toLowerCase()) || lean ? ref.toLowerCase() : byName.get(ref.toLowerCase())?.length === 1 ? byName.get(ref.toLowerCase())![0]! : undefined;
      if (id === undefined) warn(`decision file: table ${ref} of context ${c.id} is ${byName.has(ref.toLowerCase()) ? `ambiguous (${byName.get(ref.toLowerCase())!.join(', ')}): use its id` : 'not in this repository'}`);
      else if (decidedOwner.has(id) && decidedOwner.get(id) !== i) warn(`decision file: table ${ref} is owned by both ${file.contexts[decidedOwner.get(id)!]!.id} and ${c.id}; ${file.contexts[decidedOwner.get(id)!]!.id} keeps it`);
      else decidedOwner.set(id, i);
    }
  });
  const ruled = ownTables(model, [...groups, ...others]);
  const tablesOf = groups.map((_, i) => [...new Set([...[...decidedOwner].filter(([, g]) => g === i).map(([t]) => t), ...ruled[i]!.filter((t) => !decidedOwner.has(t))])].sort(compareStrings));
  const role = new Map(model.modules.map((m) => [m.id, m.role?.role]));
  const side = new Map(model.modules.map((m) => [m.id, m.unit?.side]));
  const named = !lean ? nameByTerms(groups.map((modules, i) => ({ modules, tables: tablesOf[i]! })), (m) => role.get(m), (m) => side.get(m)) : groups.map(() => ({ terms: [] as string[], warning: undefined }));
  const out: Context[] = [];
  file.contexts.forEach((c, i) => {
    const modules = groups[i]!;
    // On a model cut to what a change touches (lean), an empty context is one the change does not touch:
    // it stays, so that its tables keep their owner.
    if (modules.length === 0 && !lean) return warn(`decision file: context ${c.id} has no module in this repository; left out of the scores`);
    const { terms, warning } = named[i]!;
    out.push({
      id: c.id,
      name: c.name ?? c.id,
      ...(terms.length > 0 ? { terms } : {}),
      ...(warning ? { warning } : {}),
      modules,
      tables: tablesOf[i]!,
      lines: modules.reduce((n, m) => n + (lines.get(m) ?? 0), 0),
    });
  });
  return { contexts: out, newTables: others.map((_, j) => ruled[groups.length + j]!.filter((t) => !decidedOwner.has(t))) };
}

function roleReason(model: SystemModel, module: string): string {
  return model.modules.find((m) => m.id === module)?.role?.rule ?? 'composition root or wiring';
}

/** The graph restricted to `nodes` (their edges among themselves, weights and parts kept). */
function subgraph(graph: UndirectedGraph, nodes: readonly string[]): UndirectedGraph {
  const keep = new Set(nodes);
  const out = new Graph({ type: 'undirected' });
  for (const n of nodes) out.addNode(n, graph.getNodeAttributes(n));
  graph.forEachEdge((_e, attrs, s, t) => {
    if (keep.has(s) && keep.has(t)) out.mergeEdge(s, t, attrs);
  });
  return out;
}
