/**
 * Ubiquitous language per bounded context: concepts several contexts share, synonyms kept in one
 * context, and a glossary per context.
 * Input: the model (tables with their entity modules, table accesses with the columns their
 * statements name, code edges, module roles), a decomposition. A *concept* is a table, the entity
 * modules that map it, and the domain modules whose file name says the same words (`products`,
 * `product.ts`, `Product.java` -> Product), or a domain module of its own when something other than
 * the default rule made it domain (an entity or model name, a domain folder, @Entity); its owner is the context owning the table, else the
 * context holding its module. Output:
 * - conflicts: concepts used by two contexts or more (table accesses, code edges into its modules),
 *   each context with the columns it names (where parsed SQL says) and its modules; the suggestion is
 *   that each context keep its own model of what it needs;
 * - synonyms: two concepts owned by one context that look like one concept under two names: their
 *   one-word names are synonyms (a small lexicon: user/member/account/customer/...), one's primary key is
 *   a foreign key to the other (1:1), or they share 3+ columns with a Jaccard of 0.5+ (keys,
 *   timestamps and columns a quarter of the tables have left out);
 * - glossary: each context's distinctive terms (those naming it), how many of its modules and
 *   tables use each, and the concepts it owns.
 * Source: Evans, "Domain-Driven Design" (ubiquitous language, bounded context); the course's
 * "one Product serving catalog, stock and order blurs the boundary; name each context's concept".
 */
import path from 'node:path/posix';
import { compareNumbers, compareStrings } from '../model/compare.js';
import { contextIndex, tableOwners } from '../model/context-index.js';
import { round3 } from '../model/numbers.js';
import { pushTo } from '../model/group.js';
import { singular, splitWords, termsOf } from '../model/terms.js';
import type { Decomposition, SystemModel, TableNode } from '../model/types.js';

export const LANGUAGE_METHOD =
  'a concept = a table, its entity modules and the domain modules named alike; a conflict = a concept used by 2+ contexts (table accesses with the columns they name, code edges into its modules); synonyms = two concepts of one context with synonymous one-word names, a 1:1 foreign key, or 3+ shared columns besides those a quarter of the tables have (Jaccard >= 0.5)';

/** Head words that name the same thing in different teams' mouths. */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['user', 'member', 'account', 'customer', 'client', 'person', 'profile', 'subscriber', 'patron', 'party'],
  ['product', 'article', 'good', 'merchandise', 'offering', 'sku'],
  ['order', 'purchase'],
  ['organization', 'organisation', 'company', 'tenant', 'firm'],
  ['employee', 'staff', 'worker', 'personnel'],
  ['invoice', 'bill'],
  ['shipment', 'delivery', 'consignment', 'parcel'],
  ['supplier', 'vendor', 'provider'],
];
const GROUP_OF = new Map(SYNONYM_GROUPS.flatMap((g, i) => g.map((w) => [w, i] as const)));
/** Columns every table has: no evidence of sameness. */
const GENERIC_COLUMN = /^(id|uuid|version|created(_?at|_?on|_?by|_?date)?|updated(_?at|_?on|_?by|_?date)?|modified(_?at|_?by)?|deleted(_?at|_?by)?|tenant_?id|organi[sz]ation_?id|is_?active|active|status)$/i;
const USER_CAP = 5;

export interface ConceptUse {
  context: string;
  name: string;
  /** How it uses the concept: `reads`, `writes` (the table), `imports`/`calls`/... (its modules). */
  how: string[];
  /** Columns its statements name on the table (`*` = all), where known. */
  columns?: string[];
  /** Its modules that use it (at most 5, sorted). */
  modules: string[];
}

export interface LanguageConflict {
  /** Display name (`Product`). */
  concept: string;
  table?: string;
  /** Modules that declare it (entity, domain class), sorted. */
  declaredBy: string[];
  /** The context that owns it (its table, else its module), if any. */
  owner?: string;
  /** Every context using it, the owner first. */
  usedBy: ConceptUse[];
  suggestion: string;
}

export interface SynonymPair {
  context: string;
  a: string;
  b: string;
  why: string[];
}

export interface GlossaryEntry {
  term: string;
  modules: number;
  tables: number;
}

export interface ContextGlossary {
  context: string;
  name: string;
  terms: GlossaryEntry[];
  /** Concepts it owns (display names), sorted. */
  concepts: string[];
}

export interface UbiquitousLanguage {
  method: string;
  conflicts: LanguageConflict[];
  synonyms: SynonymPair[];
  glossary: ContextGlossary[];
}

interface Concept {
  key: string;
  display: string;
  table?: TableNode;
  modules: Set<string>;
}

export function analyzeUbiquitousLanguage(model: SystemModel, d: Decomposition): UbiquitousLanguage {
  const ctxOf = contextIndex(d, { withKernel: false });
  const owners = tableOwners(d);
  const nameOf = new Map(d.contexts.map((c) => [c.id, c.name]));
  const concepts = collectConcepts(model);

  // Uses per concept: contexts -> how, columns, modules.
  const conceptOfModule = new Map<string, Concept>();
  for (const c of concepts.values()) for (const m of c.modules) conceptOfModule.set(m, c);
  const conceptOfTable = new Map([...concepts.values()].filter((c) => c.table).map((c) => [c.table!.id, c]));
  type Use = { how: Set<string>; columns?: Set<string>; modules: Set<string> };
  const uses = new Map<Concept, Map<string, Use>>();
  const use = (c: Concept, context: string, how: string, module: string, columns?: readonly string[]) => {
    const byContext = uses.get(c) ?? uses.set(c, new Map()).get(c)!;
    const u = byContext.get(context) ?? byContext.set(context, { how: new Set(), modules: new Set() }).get(context)!;
    u.how.add(how);
    u.modules.add(module);
    if (columns) for (const col of columns) (u.columns ??= new Set()).add(col);
  };
  for (const e of model.data?.edges ?? []) {
    if (e.kind !== 'table-access') continue;
    const c = conceptOfTable.get(e.to);
    const context = ctxOf.get(e.from);
    if (c && context !== undefined) use(c, context, e.mode === 'write' ? 'writes' : 'reads', e.from, e.fields);
  }
  for (const e of model.edges) {
    if (e.kind === 'http-call') continue;
    const c = conceptOfModule.get(e.to);
    const context = ctxOf.get(e.from);
    if (c && context !== undefined && !c.modules.has(e.from)) use(c, context, e.kind === 'type-import' ? 'type-imports' : e.kind === 'import' ? 'imports' : e.kind === 'call' ? 'calls' : e.kind, e.from);
  }

  const ownerOf = (c: Concept): string | undefined => (c.table ? owners.get(c.table.id) : undefined) ?? [...c.modules].map((m) => ctxOf.get(m)).find((x) => x !== undefined);
  const kernel = new Set(d.kernel);
  const conflicts: LanguageConflict[] = [];
  for (const c of [...concepts.values()].sort((a, b) => compareStrings(a.key, b.key))) {
    if ([...c.modules].some((m) => kernel.has(m))) continue; // a shared-kernel concept is shared by decision
    const owner = ownerOf(c);
    const byContext = uses.get(c) ?? new Map<string, Use>();
    const contexts = new Set([...byContext.keys(), ...(owner !== undefined ? [owner] : [])]);
    if (contexts.size < 2) continue;
    const usedBy = [...contexts]
      .sort((a, b) => (a === owner ? -1 : b === owner ? 1 : compareStrings(a, b)))
      .map((context): ConceptUse => {
        const u = byContext.get(context);
        const modules = [...(u?.modules ?? [])].sort(compareStrings);
        return {
          context,
          name: nameOf.get(context) ?? context,
          how: u ? [...u.how].sort(compareStrings) : ['declares'],
          ...(u?.columns ? { columns: [...u.columns].sort(compareStrings) } : {}),
          modules: (modules.length > 0 ? modules : [...c.modules].filter((m) => ctxOf.get(m) === context).sort(compareStrings)).slice(0, USER_CAP),
        };
      });
    conflicts.push({
      concept: c.display,
      ...(c.table ? { table: c.table.id } : {}),
      declaredBy: [...c.modules].sort(compareStrings),
      ...(owner !== undefined ? { owner } : {}),
      usedBy,
      suggestion: suggest(c, owner, usedBy),
    });
  }
  conflicts.sort((a, b) => compareNumbers(b.usedBy.length, a.usedBy.length) || compareStrings(a.concept, b.concept));

  return { method: LANGUAGE_METHOD, conflicts, synonyms: findSynonyms([...concepts.values()], ownerOf, model), glossary: glossaryOf(model, d, [...concepts.values()], ownerOf) };
}

/** Words of a name: split, lower-cased, plurals folded (technical words kept: `order_items` is OrderItem). */
function wordsOf(name: string): string[] {
  return splitWords(name).map((w) => singular(w.toLowerCase()));
}

const display = (words: readonly string[]) => words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** A file's concept words: its base name without extension and technical suffixes (`carrier.entity.ts` -> carrier). */
function fileWords(module: string): string[] {
  const base = path.basename(module).replace(/\.[^.]+$/, '');
  const parts = base.split('.').filter((p) => !/^(entity|model|schema|domain|dto|vo|aggregate|record|document)$/i.test(p));
  return wordsOf(parts.join('-')).filter((w) => !/^(entity|model|impl|jpa|orm|schema|record)$/.test(w));
}

function collectConcepts(model: SystemModel): Map<string, Concept> {
  const concepts = new Map<string, Concept>();
  const get = (words: string[]): Concept | undefined => {
    if (words.length === 0) return undefined;
    const key = words.join(' ');
    return concepts.get(key) ?? concepts.set(key, { key, display: display(words), modules: new Set() }).get(key)!;
  };
  for (const t of model.data?.tables ?? []) {
    const words = wordsOf(t.name.split('.').pop()!);
    const c = get(words);
    if (!c || c.table) continue;
    c.table = t;
    for (const m of t.entityModules) c.modules.add(m);
  }
  for (const m of model.modules) {
    if (m.role?.role !== 'domain' || m.role.setAside || m.kind !== 'file') continue;
    const words = fileWords(m.id);
    if (words.length === 0) continue;
    // A file that is domain only by default (no framework fact, no technical name: classify's
    // DEFAULT_RULE) is a concept only when a table says so; an entity, a model or a file in a domain
    // folder is one by itself. Otherwise every UI helper named like a noun would be a concept.
    if (m.role.rule.startsWith('default:') && !concepts.get(words.join(' '))?.table) continue;
    if (termsOf(words.join('-')).length === 0) continue;
    get(words)?.modules.add(m.id);
  }
  return concepts;
}

function suggest(c: Concept, owner: string | undefined, usedBy: readonly ConceptUse[]): string {
  const others = usedBy.filter((u) => u.context !== owner);
  const what = (u: ConceptUse) => (u.columns && !u.columns.includes('*') ? `columns ${u.columns.join(', ')}` : u.columns ? 'every column' : `the ${c.table ? 'entity' : 'class'} (${u.how.join('/')})`);
  const head = owner !== undefined ? `${usedBy.find((u) => u.context === owner)?.name ?? owner} owns ${c.display}` : `${c.display} has no single owner`;
  return `${head}; ${others.map((u) => `${u.name} uses ${what(u)}`).join('; ')}: give each context its own model of what it needs (its own ${c.display} with only those fields, or a reference by id), fed by the owner's API or events, instead of sharing ${c.table ? `the table ${c.table.name}` : 'one class'}.`;
}

function findSynonyms(concepts: readonly Concept[], ownerOf: (c: Concept) => string | undefined, model: SystemModel): SynonymPair[] {
  const byContext = new Map<string, Concept[]>();
  for (const c of concepts) {
    const owner = ownerOf(c);
    if (owner !== undefined) pushTo(byContext, owner, c);
  }
  const fkOnKey = new Set<string>();
  const tableById = new Map((model.data?.tables ?? []).map((t) => [t.id, t]));
  for (const e of model.data?.edges ?? []) {
    if (e.kind !== 'foreign-key' || !e.columns || e.from === e.to) continue;
    const from = tableById.get(e.from);
    if (from && from.primaryKey.length > 0 && sameSet(from.primaryKey, e.columns.from)) fkOnKey.add(`${e.from}\0${e.to}`);
  }
  // Columns most tables have (a base entity's archivedAt, tenantId, name) say nothing about sameness:
  // generic by name, or present in a quarter of the tables (at least 3).
  const tables = model.data?.tables ?? [];
  const frequency = new Map<string, number>();
  for (const t of tables) for (const c of new Set(t.columns.map((x) => x.name.toLowerCase()))) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  const common = Math.max(3, 0.25 * tables.length);
  const telling = (t: TableNode) => new Set(t.columns.map((x) => x.name.toLowerCase()).filter((x) => !GENERIC_COLUMN.test(x) && (frequency.get(x) ?? 0) < common));
  const out: SynonymPair[] = [];
  for (const [context, list] of [...byContext].sort(([a], [b]) => compareStrings(a, b))) {
    const sorted = [...list].sort((a, b) => compareStrings(a.key, b.key));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [a, b] = [sorted[i]!, sorted[j]!];
        const why: string[] = [];
        const [ha, hb] = [a.key.split(' ').pop()!, b.key.split(' ').pop()!];
        // One-word names only: AuthUser and TeamMember are already told apart by their qualifiers.
        if (ha !== hb && a.key === ha && b.key === hb && GROUP_OF.has(ha) && GROUP_OF.get(ha) === GROUP_OF.get(hb)) why.push(`'${ha}' and '${hb}' are synonyms`);
        if (a.table && b.table) {
          if (fkOnKey.has(`${a.table.id}\0${b.table.id}`)) why.push(`the primary key of ${a.table.name} is a foreign key to ${b.table.name} (1:1)`);
          if (fkOnKey.has(`${b.table.id}\0${a.table.id}`)) why.push(`the primary key of ${b.table.name} is a foreign key to ${a.table.name} (1:1)`);
          const ca = telling(a.table);
          const cb = telling(b.table);
          const shared = [...ca].filter((x) => cb.has(x)).sort(compareStrings);
          const jaccard = shared.length / Math.max(1, new Set([...ca, ...cb]).size);
          if (shared.length >= 3 && jaccard >= 0.5) why.push(`they share ${shared.length} columns (${shared.join(', ')}; Jaccard ${round3(jaccard)})`);
        }
        if (why.length > 0) out.push({ context, a: a.display, b: b.display, why });
      }
    }
  }
  return out;
}

function glossaryOf(model: SystemModel, d: Decomposition, concepts: readonly Concept[], ownerOf: (c: Concept) => string | undefined): ContextGlossary[] {
  return d.contexts.map((c) => {
    const moduleTerms = c.modules.map((m) => new Set(termsOf(m)));
    const tableTerms = c.tables.map((t) => new Set(termsOf(t)));
    const terms = (c.terms ?? []).map((term) => ({ term, modules: moduleTerms.filter((s) => s.has(term)).length, tables: tableTerms.filter((s) => s.has(term)).length }));
    return {
      context: c.id,
      name: c.name,
      terms,
      concepts: [...new Set(concepts.filter((x) => ownerOf(x) === c.id).map((x) => x.display))].sort(compareStrings),
    };
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((s) => s.toLowerCase()));
  return b.length === x.size && b.every((s) => x.has(s.toLowerCase()));
}
