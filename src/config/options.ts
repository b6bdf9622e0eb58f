/**
 * Analysis options: one typed record shared by the CLI, the config file and the API, with defaults.
 */
import type { Granularity } from '../model/types.js';

export interface AnalyzeOptions {
  /** How files are grouped into modules. Default `file`. */
  granularity: Granularity;
  /** Globs a file must match to be analysed (repo-relative). Default: none, i.e. everything. */
  include: string[];
  /** Globs of files and folders to leave out (repo-relative). Default: none. */
  exclude: string[];
  /** Files larger than this many bytes are skipped with a diagnostic. Default 1,048,576 (1 MiB). */
  maxFileBytes: number;
  /** Analyse test files as modules. Default false: tests do not belong to a service. */
  includeTests: boolean;
  /** Extra entry-point globs, never reported as unreferenced. Default none. */
  entryPoints: string[];
  /** Run the symbol stage (calls, `new`, inheritance via the type checker). Default true. */
  symbols: boolean;
  /** Minimum number of other areas using a module for it to be a shared-kernel candidate. Default 3. */
  kernelMinAreas: number;
  /** Collect the database signal (schema, table accesses, joins). Default true. */
  db: boolean;
  /** SQL dialect to parse with first; auto-detected when absent (driver packages, Prisma provider, syntax). */
  dialect?: string;
  /** In .sql files over this size, INSERT/REPLACE/COPY data statements are counted, not parsed. Default 1 MiB. */
  bulkThresholdBytes: number;
}

export const DEFAULT_OPTIONS: AnalyzeOptions = {
  granularity: { kind: 'file' },
  include: [],
  exclude: [],
  maxFileBytes: 1024 * 1024,
  includeTests: false,
  entryPoints: [],
  symbols: true,
  kernelMinAreas: 3,
  db: true,
  bulkThresholdBytes: 1024 * 1024,
};

/** Output options (CLI and config file). */
export interface OutputOptions {
  /** Folder to write reports into; nothing is written without it. */
  out?: string;
  /** Report formats to write. Default `json,md`. */
  format: string[];
}

export const DEFAULT_FORMATS = ['json', 'md'];
