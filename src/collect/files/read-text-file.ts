/**
 * Reads one source file as text, refusing what is not worth parsing.
 * Input: a listed file and a size limit. Output: its text, or a skip reason with a diagnostic.
 * Binary = a NUL byte in the first 8 KiB. Non-UTF-8 text is decoded with replacement characters
 * and analysed, with a warning. Minified = `.min.` in the name, or average line length over 300
 * characters in a file over 2 KiB (generated bundles, not hand-written code).
 */
import fs from 'node:fs';
import type { Diagnostic } from '../../model/types.js';
import type { ListedFile } from './list-files.js';

export type ReadResult =
  | { ok: true; text: string; diagnostics: Diagnostic[] }
  | { ok: false; reason: string; diagnostics: Diagnostic[] };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false });

/** Reads `file`; never throws. */
export function readTextFile(file: ListedFile, maxBytes: number): ReadResult {
  if (file.bytes > maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      diagnostics: [
        {
          severity: 'warning',
          code: 'file-too-large',
          message: `skipped: ${formatBytes(file.bytes)} is over the ${formatBytes(maxBytes)} limit (maxFileBytes); probably generated`,
          file: file.path,
        },
      ],
    };
  }
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file.absolutePath);
  } catch (error) {
    return {
      ok: false,
      reason: 'unreadable',
      diagnostics: [{ severity: 'error', code: 'unreadable-file', message: `cannot read: ${(error as Error).message}`, file: file.path }],
    };
  }
  if (buffer.subarray(0, 8192).includes(0)) {
    return {
      ok: false,
      reason: 'binary',
      diagnostics: [{ severity: 'warning', code: 'binary-file', message: 'skipped: binary content (NUL bytes) in a source file', file: file.path }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = strictUtf8.decode(buffer);
  } catch {
    text = lossyUtf8.decode(buffer);
    diagnostics.push({
      severity: 'warning',
      code: 'not-utf8',
      message: 'not valid UTF-8; decoded with replacement characters and analysed',
      file: file.path,
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (isMinified(file.path, text)) {
    return {
      ok: false,
      reason: 'minified',
      diagnostics: [{ severity: 'info', code: 'minified-file', message: 'skipped: minified or bundled code', file: file.path }],
    };
  }
  return { ok: true, text, diagnostics };
}

function isMinified(filePath: string, text: string): boolean {
  if (/\.min\.[cm]?[jt]sx?$/.test(filePath) || /\.bundle\.[cm]?js$/.test(filePath)) return true;
  if (text.length < 2048) return false;
  return text.length / countLines(text) > 300;
}

/** Lines in a text; a trailing newline does not open a new line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
