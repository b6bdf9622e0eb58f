/**
 * Groups file-level facts into the SystemModel.
 * Input: CodeFacts from the language adapters, a granularity, the analysed folder's name.
 * Output: modules (one per file, folder prefix or package), edges aggregated per (from, to, kind) with
 * weight = occurrences and the first EVIDENCE_CAP evidence entries, externals per package, everything sorted.
 * Edges inside one module disappear when files are grouped (they are internal by definition).
 */
import type { CodeFacts, FileEdge } from './facts/code-facts.js';
import type { DbFacts } from './facts/db-facts.js';
import { buildDataModel } from './build-data-model.js';
import { buildTransactions } from './build-transactions.js';
import { buildTests } from './build-tests.js';
import {
  compareDiagnostics,
  compareEdges,
  compareEvidence,
  compareExternals,
  compareSkipped,
  compareSqlLiterals,
  compareStrings,
  compareUnresolved,
  sortedUnique,
} from './compare.js';
import { formatGranularity, moduleIdFor } from './ids.js';
import { EVIDENCE_CAP, ROLES, type DataModel, type Edge, type ExternalDependency, type Granularity, type Language, type ModuleNode, type Role, type RoleFact, type SystemModel, type TransactionNode } from './types.js';

export function buildModel(rootName: string, facts: CodeFacts, granularity: Granularity, db?: DbFacts): SystemModel {
  const moduleOf = new Map<string, string>();
  for (const f of facts.files) moduleOf.set(f.path, moduleIdFor(f.path, granularity, facts.packageRoots));
  const moduleFor = (file: string): string => moduleOf.get(file) ?? moduleIdFor(file, granularity, facts.packageRoots);

  const lineCount = new Map(facts.files.map((f) => [f.path, f.lines]));
  const grouped = new Map<string, { files: string[]; lines: number; complexity?: number; endpoints: Set<string>; languages: Set<Language>; entries: string[]; stereotypes: Set<string> }>();
  for (const f of facts.files) {
    const id = moduleFor(f.path);
    let g = grouped.get(id);
    if (!g) grouped.set(id, (g = { files: [], lines: 0, endpoints: new Set(), languages: new Set(), entries: [], stereotypes: new Set() }));
    for (const s of facts.stereotypes?.get(f.path) ?? []) g.stereotypes.add(s);
    g.files.push(f.path);
    g.lines += f.lines;
    if (f.complexity !== undefined) g.complexity = (g.complexity ?? 0) + f.complexity;
    for (const e of facts.endpoints?.get(f.path) ?? []) g.endpoints.add(e);
    g.languages.add(f.language);
    const reason = facts.entryPoints.get(f.path);
    if (reason) g.entries.push(granularity.kind === 'file' ? reason : `${f.path}: ${reason}`);
  }
  const modules: ModuleNode[] = [...grouped.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([id, g]) => ({
      id,
      kind: granularity.kind,
      files: [...g.files].sort(compareStrings),
      lines: g.lines,
      languages: [...g.languages].sort(compareStrings),
      ...(g.entries.length > 0 ? { entryPoint: [...g.entries].sort(compareStrings).join('; ') } : {}),
      ...(g.stereotypes.size > 0 ? { stereotypes: [...g.stereotypes].sort(compareStrings) } : {}),
      ...(facts.roles ? { role: moduleRole(g.files, facts.roles, lineCount) } : {}),
      ...(g.complexity !== undefined ? { complexity: g.complexity } : {}),
      ...(g.endpoints.size > 0 ? { endpoints: [...g.endpoints].sort(compareStrings) } : {}),
    }));

  return {
    root: rootName,
    granularity: formatGranularity(granularity),
    files: facts.files
      .map((f) => ({ ...f, module: moduleFor(f.path) }))
      .sort((a, b) => compareStrings(a.path, b.path)),
    modules,
    edges: aggregateEdges(facts.edges, moduleFor),
    externals: aggregateExternals(facts, moduleFor),
    unresolved: facts.unresolved
      .map((u) => ({ module: moduleFor(u.file), specifier: u.specifier, evidence: u.evidence }))
      .sort(compareUnresolved),
    sqlLiterals: facts.sqlLiterals
      .map(({ owner, ...s }) => ({ module: moduleFor(owner ?? s.file), ...s }))
      .sort(compareSqlLiterals),
    skipped: sortedUnique([...facts.skipped, ...(db?.skipped ?? [])], compareSkipped),
    diagnostics: sortedUnique([...facts.diagnostics, ...(db?.diagnostics ?? [])], compareDiagnostics),
    ...(facts.tests ? { tests: buildTests(facts.tests, facts.files.map((f) => f.path), moduleFor) } : {}),
    ...(db ? { data: withTransactions(buildDataModel(db, moduleFor), buildTransactions([...(facts.transactions ?? []), ...(db.transactions ?? [])], facts.edges, db.accesses, new Set(db.tables.flatMap((t) => t.entityFiles)), moduleFor)) } : {}),
  };
}

function withTransactions(data: DataModel, transactions: TransactionNode[]): DataModel {
  return transactions.length > 0 ? { ...data, transactions } : data;
}

/** Sums file-level occurrences into module-level edges; evidence sorted, capped. */
export function aggregateEdges(fileEdges: readonly FileEdge[], moduleFor: (file: string) => string): Edge[] {
  const byKey = new Map<string, Edge>();
  for (const e of fileEdges) {
    const from = moduleFor(e.from);
    const to = moduleFor(e.to);
    if (from === to) continue;
    const key = `${from}\0${to}\0${e.kind}`;
    let edge = byKey.get(key);
    if (!edge) byKey.set(key, (edge = { kind: e.kind, from, to, weight: 0, evidence: [] }));
    edge.weight++;
    edge.evidence.push(e.evidence);
  }
  const edges = [...byKey.values()];
  for (const edge of edges) edge.evidence = sortedUnique(edge.evidence, compareEvidence).slice(0, EVIDENCE_CAP);
  return edges.sort(compareEdges);
}

function aggregateExternals(facts: CodeFacts, moduleFor: (file: string) => string): ExternalDependency[] {
  const byName = new Map<string, { builtin: boolean; declared: boolean; counts: Map<string, number>; runtime: Set<string> }>();
  for (const use of facts.externals) {
    let ext = byName.get(use.name);
    if (!ext) byName.set(use.name, (ext = { builtin: use.builtin, declared: use.declared, counts: new Map(), runtime: new Set() }));
    const m = moduleFor(use.file);
    ext.counts.set(m, (ext.counts.get(m) ?? 0) + 1);
    if (!use.typeOnly) ext.runtime.add(m);
  }
  return [...byName.entries()]
    .map(([name, e]) => ({
      name,
      kind: e.builtin ? ('builtin' as const) : ('package' as const),
      declared: e.declared,
      importedBy: [...e.counts.entries()]
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([module, count]) => ({ module, count, ...(e.runtime.has(module) ? {} : { typeOnly: true as const }) })),
    }))
    .sort(compareExternals);
}

/**
 * A module's role: its file's, or for a folder or package the role holding most of its lines (ties to
 * the earlier role in ROLES), with the rule "N of M files: <rule of the largest such file>". It is set
 * aside only when every file is set aside the same way.
 */
function moduleRole(files: readonly string[], roles: ReadonlyMap<string, RoleFact>, lines: ReadonlyMap<string, number>): RoleFact {
  const known = files.filter((f) => roles.has(f));
  if (known.length === 0) return { role: 'domain', rule: 'no file of it was classified' };
  if (known.length === 1 || new Set(known.map((f) => roles.get(f)!.role)).size === 1) {
    const first = roles.get(known[0]!)!;
    const setAside = known.every((f) => roles.get(f)!.setAside === first.setAside) ? first.setAside : undefined;
    const rule = known.length === 1 ? first.rule : `all ${known.length} files (e.g. ${first.rule})`;
    return { role: first.role, rule, ...(first.evidence ? { evidence: first.evidence } : {}), ...(setAside ? { setAside } : {}) };
  }
  const weight = new Map<Role, number>();
  for (const f of known) weight.set(roles.get(f)!.role, (weight.get(roles.get(f)!.role) ?? 0) + (lines.get(f) ?? 0) + 1);
  const role = [...weight.entries()].sort((a, b) => b[1] - a[1] || ROLES.indexOf(a[0]) - ROLES.indexOf(b[0]))[0]![0];
  const mine = known.filter((f) => roles.get(f)!.role === role).sort((a, b) => (lines.get(b) ?? 0) - (lines.get(a) ?? 0) || compareStrings(a, b));
  const example = roles.get(mine[0]!)!;
  return { role, rule: `${mine.length} of ${known.length} files (e.g. ${example.rule})`, ...(example.evidence ? { evidence: example.evidence } : {}) };
}
