/** File-level history facts, before modules exist; build-history-model turns them into the model's history. */

import type { Diagnostic } from '../types.js';

export interface HistoryCommit {
  sha: string;
  /** Canonical author id: lower-cased e-mail after .mailmap. */
  author: string;
  date: string;
  subject: string;
  files: { path: string; added?: number; deleted?: number }[];
  /** Every change of the commit is a rename (a package move, a file-naming sweep). */
  renameOnly?: true;
}

export interface HistoryFacts {
  available: boolean;
  /** Why there is no history, or a caveat about it. */
  note?: string;
  commits: HistoryCommit[];
  /** Canonical author id -> display name (most frequent spelling). */
  authors: Map<string, string>;
  botCommits: number;
  renamesFollowed: number;
  shallowDepth?: number;
  /** Touched paths that no longer exist in the working tree. */
  gone: Set<string>;
  diagnostics: Diagnostic[];
}
