/**
 * Runs every language adapter that claims a file of the listing and merges their facts: lists are
 * concatenated in adapter order, maps merged (a later adapter's entry for the same file wins, which
 * cannot happen while adapters claim disjoint files), persistence facts concatenated.
 */
import type { ProgressListener } from '../../model/progress.js';
import type { OrmFacts } from '../db/orm/orm-facts.js';
import type { FileListing } from '../files/list-files.js';
import type { AdapterFacts, AdapterOptions, LanguageAdapter } from './language-adapter.js';
import { LANGUAGE_ADAPTERS } from './registry.js';
import { separateTests } from './separate-tests.js';
import { pushAll } from '../../model/group.js';

export async function collectCode(
  root: string,
  listing: FileListing,
  options: AdapterOptions,
  onProgress: ProgressListener,
  adapters: readonly LanguageAdapter[] = LANGUAGE_ADAPTERS,
): Promise<AdapterFacts> {
  const merged: AdapterFacts = {
    files: [], edges: [], externals: [], unresolved: [], sqlLiterals: [], entryPoints: new Map(), packageRoots: [],
    // What the listing left out or could not read belongs to no adapter.
    skipped: [...listing.skipped], diagnostics: [...listing.diagnostics],
    db: { texts: new Map(), dependencies: new Set() },
  };
  for (const adapter of adapters) {
    if (!listing.files.some((f) => adapter.claims(f.path))) continue;
    // Tests are always read: with --include-tests they are modules, otherwise the safety net.
    const facts = await adapter.collect(root, listing, { ...options, includeTests: true }, onProgress);
    pushAll(merged.files, facts.files);
    pushAll(merged.edges, facts.edges);
    pushAll(merged.externals, facts.externals);
    pushAll(merged.unresolved, facts.unresolved);
    pushAll(merged.sqlLiterals, facts.sqlLiterals);
    for (const [file, reason] of facts.entryPoints) merged.entryPoints.set(file, reason);
    pushAll(merged.packageRoots, facts.packageRoots);
    pushAll(merged.skipped, facts.skipped);
    pushAll(merged.diagnostics, facts.diagnostics);
    if (facts.stereotypes) merged.stereotypes = new Map([...(merged.stereotypes ?? []), ...facts.stereotypes]);
    if (facts.frameworkFacts) merged.frameworkFacts = new Map([...(merged.frameworkFacts ?? []), ...facts.frameworkFacts]);
    if (facts.transactions) pushAll((merged.transactions ??= []), facts.transactions);
    for (const [file, text] of facts.db.texts) merged.db.texts.set(file, text);
    for (const d of facts.db.dependencies) merged.db.dependencies.add(d);
    if (facts.db.orm) merged.db.orm = merged.db.orm ? concatOrm(merged.db.orm, facts.db.orm) : facts.db.orm;
    if (facts.db.classes) merged.db.classes = new Map([...(merged.db.classes ?? []), ...facts.db.classes]);
  }
  if (options.includeTests) return merged;
  const isTest = (file: string) => adapters.some((a) => a.claims(file) && a.isTest?.(file) === true);
  const { facts, tests } = separateTests(merged, isTest);
  return { ...facts, tests };
}

function concatOrm(a: OrmFacts, b: OrmFacts): OrmFacts {
  return {
    tables: [...a.tables, ...b.tables],
    foreignKeys: [...a.foreignKeys, ...b.foreignKeys],
    relations: [...a.relations, ...b.relations],
    accesses: [...a.accesses, ...b.accesses],
    joins: [...a.joins, ...b.joins],
    prismaProviders: [...a.prismaProviders, ...b.prismaProviders],
    diagnostics: [...a.diagnostics, ...b.diagnostics],
  };
}
