/**
 * Each module's data footprint: the tables it serves, directly or through its call chain.
 * Input: the model (code edges, table accesses, entity mappings), the modules not to pass through
 * (kernel, platform, tooling). Output: module -> table -> strength in (0, 1].
 * Formula: direct strength = 1 for the entity that maps a table and for a module writing it, 0.25 for a
 * module only reading it; then for `hops` rounds, a module inherits decay x the strength of every
 * table its runtime dependencies (imports, calls, inheritance) reach, keeping the maximum per table
 * (the shortest, strongest path wins): controller -> service -> repository -> entity -> table. An
 * interface also inherits from its implementations (what a call to it reaches at run time).
 * Each round costs one pass over the edges; a footprint keeps its `cap` strongest tables, so the
 * whole is linear in edges x hops.
 */
import { compareStrings } from '../model/compare.js';
import type { SystemModel } from '../model/types.js';

export type Footprint = Map<string, Map<string, number>>;

const CHAIN_KINDS = new Set(['import', 'call', 'extends', 'implements', 'type-import']);

export interface FootprintOptions {
  hops: number;
  decay: number;
  cap: number;
}

export const DEFAULT_FOOTPRINT: FootprintOptions = { hops: 3, decay: 0.5, cap: 8 };
/** A module that only reads a table serves it a quarter as much as one writing it (owning is writing). */
const READ = 0.25;

export function computeDataFootprint(model: SystemModel, skip: ReadonlySet<string>, options: FootprintOptions = DEFAULT_FOOTPRINT): Footprint {
  const direct: Footprint = new Map();
  const raise = (fp: Footprint, m: string, t: string, v: number) => {
    const row = fp.get(m) ?? fp.set(m, new Map()).get(m)!;
    if ((row.get(t) ?? 0) < v) row.set(t, v);
  };
  const modules = new Set(model.modules.map((m) => m.id));
  for (const t of model.data?.tables ?? []) for (const m of t.entityModules) if (modules.has(m) && !skip.has(m)) raise(direct, m, t.id, 1);
  for (const e of model.data?.edges ?? []) if (e.kind === 'table-access' && modules.has(e.from) && !skip.has(e.from)) raise(direct, e.from, e.to, e.mode === 'write' ? 1 : READ);

  const deps = new Map<string, string[]>();
  const link = (from: string, to: string) => (deps.get(from) ?? deps.set(from, []).get(from)!).push(to);
  for (const e of model.edges) {
    if (!CHAIN_KINDS.has(e.kind) || e.from === e.to || skip.has(e.from) || skip.has(e.to)) continue;
    link(e.from, e.to);
    // A call to an interface reaches its implementations at run time (dependency injection): the
    // interface serves what they serve, so a controller calling BookingService reaches the tables
    // BookingServiceImpl writes.
    if (e.kind === 'implements') link(e.to, e.from);
  }
  let current = direct;
  const total: Footprint = new Map([...direct].map(([m, row]) => [m, new Map(row)]));
  for (let hop = 0; hop < options.hops; hop++) {
    const next: Footprint = new Map();
    for (const [from, targets] of deps) {
      for (const to of targets) {
        const row = current.get(to);
        if (!row) continue;
        for (const [t, v] of row) raise(next, from, t, v * options.decay);
      }
    }
    let grew = false;
    for (const [m, row] of next) {
      for (const [t, v] of row) {
        const have = total.get(m)?.get(t) ?? 0;
        if (v > have) (raise(total, m, t, v), (grew = true));
      }
    }
    for (const [m, row] of next) next.set(m, strongest(row, options.cap));
    current = next;
    if (!grew) break;
  }
  for (const [m, row] of total) total.set(m, strongest(row, options.cap));
  return total;
}

/** The `cap` strongest entries, ties by table id (deterministic). */
function strongest(row: Map<string, number>, cap: number): Map<string, number> {
  if (row.size <= cap) return row;
  return new Map([...row].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).slice(0, cap));
}
