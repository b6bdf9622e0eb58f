/**
 * What the classify stage knows of one file: its path (repo-relative and relative to its package
 * root), its framework facts, and the packages the repository declares. Detectors read only this.
 */
import type { FrameworkFact } from '../model/facts/code-facts.js';
import type { Evidence, Role } from '../model/types.js';

export interface FileView {
  path: string;
  /** Path relative to the nearest package root (package.json folder), for framework conventions. */
  inPackage: string;
  facts: readonly FrameworkFact[];
  /** Every package a package.json of the repository declares. */
  dependencies: ReadonlySet<string>;
}

/** What a detector concluded about a file; any part may be absent. */
export interface Finding {
  role?: Role;
  /** Why the framework reaches this file without an import (it is an entry point). */
  entry?: string;
  /** The role's set-aside, for composition roots and wiring. */
  setAside?: 'platform' | 'tooling';
  /** Where the framework runs the file, when its conventions say so (a Next.js route handler: server). */
  side?: 'browser' | 'server';
  rule: string;
  evidence?: Evidence;
}

/** A framework's (or a convention's) reading of files. */
export interface FrameworkDetector {
  name: string;
  /** True when the repository uses the framework (declared packages); a detector that is not used is skipped. */
  uses(dependencies: ReadonlySet<string>, anyFacts: boolean): boolean;
  detect(file: FileView): Finding | undefined;
}

/** The first fact of `kind` whose name is in `names` (type-level first), with its evidence. */
export function findFact(file: FileView, kind: string, names: ReadonlySet<string>, on?: 'type' | 'member'): { name: string; evidence: Evidence } | undefined {
  const hit = file.facts.find((f) => f.kind === kind && names.has(f.name) && (on === undefined || f.on === on));
  return hit ? { name: hit.name, evidence: { file: file.path, line: hit.line, ...(hit.detail ? { text: hit.detail } : {}) } } : undefined;
}
