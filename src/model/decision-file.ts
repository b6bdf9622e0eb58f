/**
 * The decision file (`msa-split.decomposition.yaml`): the decomposition a workshop decided, as the
 * workshop owns it. schema/decomposition.schema.json is generated from these types; the reader
 * (config/read-decision-file.ts) validates against it, `analyze --decomposition FILE` scores it, and
 * report/render-decision-file.ts writes it back in one canonical form (what it reads, it writes
 * byte-identically).
 *
 * Placement, most binding first: a module listed under a context's `modules` (pinned there); a module
 * listed or matched in `kernel` / `platform`; the most specific `include` glob of any context (longest
 * text before the first wildcard; equal: the context listed first). What nothing places is left open:
 * msa-split places it (tooling, platform, kernel, else the context it is most tied to, else a new
 * context of its own) and says so.
 */

/** The file name the CLI and the page write. */
export const DECISION_FILE_NAME = 'msa-split.decomposition.yaml';

/** The format version this msa-split reads and writes. */
export const DECISION_FILE_VERSION = 1;

export interface DecisionFile {
  /** Format version: 1. */
  version: 1;
  /** The system decided on (the analyzed folder's name), for the reader. */
  system?: string;
  /** Free text about the whole decomposition. */
  notes?: string;
  /** The decided bounded contexts, in the workshop's order. */
  contexts: DecidedContext[];
  /** Shared kernel: module ids or globs of modules every context may keep a copy of. */
  kernel?: string[];
  /** Platform (composition roots, bootstrap, wiring; stays with the monolith or becomes the gateway): module ids or globs. */
  platform?: string[];
  /** Modules whose place the workshop confirmed: msa-split never lists them as fitting another context better. Module ids. */
  pinned?: string[];
  /** Go macro first: groups of contexts (context ids) that split off together before they split apart. */
  macro?: DecidedMacro[];
  /** What was decided, by whom, when and why, in the order it happened. */
  decisions?: Decision[];
  /** Limits `msa-split check` holds the decomposition to (absent: no limit). */
  budgets?: Budgets;
}

export interface Budgets {
  /**
   * Highest coupling of a context (boundary weight / all its weight).
   * @minimum 0
   * @maximum 1
   */
  coupling?: number;
  /**
   * Highest share of call weight that crosses contexts (ICP).
   * @minimum 0
   * @maximum 1
   */
  interCallPercentage?: number;
  /**
   * Most modules in one context.
   * @minimum 1
   */
  contextModules?: number;
  /**
   * Most lines in one context.
   * @minimum 1
   */
  contextLines?: number;
}

export interface DecidedContext {
  /**
   * Stable id: lower-case letters, digits and dashes.
   * @pattern ^[a-z0-9][a-z0-9-]*$
   */
  id: string;
  /** Name shown in reports (default: the id). */
  name?: string;
  /** Globs of module ids placed here (the most specific glob over all contexts wins). */
  include?: string[];
  /** Globs of module ids this context's `include` does not take. */
  exclude?: string[];
  /** Module ids placed here whatever any glob says. */
  modules?: string[];
  /** Its published interface: module ids or globs other contexts may depend on (`msa-split check`); absent: every module is internal. */
  api?: string[];
  /** Tables this context owns (table id, or its name when unique), whoever accesses them most. */
  tables?: string[];
  /** Free text: what the context is for, open questions. */
  notes?: string;
}

export interface DecidedMacro {
  /**
   * Stable id, as for contexts.
   * @pattern ^[a-z0-9][a-z0-9-]*$
   */
  id: string;
  name?: string;
  /** Context ids it groups. */
  contexts: string[];
}

export interface Decision {
  /**
   * Day of the decision, YYYY-MM-DD.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   */
  date?: string;
  /** Who decided (people or the workshop). */
  who?: string;
  /** What was decided. */
  what: string;
  /** Why. */
  why?: string;
}
