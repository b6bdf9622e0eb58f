/**
 * Reads one source file as text, refusing what is not worth parsing.
 * Input: a listed file and a size limit. Output: its text, or a skip reason with a diagnostic.
 * Read through the safe reader (regular files only, size cap). Binary = a NUL byte in the first 8 KiB.
 * Encoding: UTF-16 by its byte-order mark, else UTF-8, else Latin-1 (Windows-1252) with a warning. Minified = `.min.` in the name, or average line length over 300
 * characters in a file over 2 KiB (generated bundles, not hand-written code).
 */
import type { Diagnostic } from '../../model/types.js';
import type { ListedFile } from './list-files.js';
import { formatBytes, readRegularFile } from './safe-read.js';

export type ReadResult =
  | { ok: true; text: string; diagnostics: Diagnostic[] }
  | { ok: false; reason: string; diagnostics: Diagnostic[] };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Detects the encoding of source text: a UTF-16 byte-order mark, else UTF-8 when the bytes are valid
 * UTF-8, else Windows-1252 (the usual legacy encoding; every byte decodes, so nothing is lost).
 * NUL bytes in the first 8 KiB of a file without a UTF-16 mark mean binary content.
 */
export function decodeText(buffer: Buffer): { binary: boolean; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' } {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return { binary: false, text: new TextDecoder('utf-16le').decode(buffer.subarray(2)), encoding: 'utf-16le' };
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) return { binary: false, text: new TextDecoder('utf-16be').decode(buffer.subarray(2)), encoding: 'utf-16be' };
  if (buffer.subarray(0, 8192).includes(0)) return { binary: true, text: '', encoding: 'utf-8' };
  try {
    return { binary: false, text: strictUtf8.decode(buffer), encoding: 'utf-8' };
  } catch {
    return { binary: false, text: windows1252.decode(buffer), encoding: 'latin1' };
  }
}

/** The result for a file over the limit (known from the listing, or found while reading a file that grew). */
function tooLarge(file: ListedFile, bytes: number, maxBytes: number): ReadResult {
  return {
    ok: false,
    reason: 'too-large',
    diagnostics: [
      {
        severity: 'warning',
        code: 'file-too-large',
        message: `skipped: ${formatBytes(bytes)} is over the ${formatBytes(maxBytes)} limit (maxFileBytes); probably generated`,
        file: file.path,
      },
    ],
  };
}

/** Reads `file`; never throws. */
export function readTextFile(file: ListedFile, maxBytes: number): ReadResult {
  if (file.bytes > maxBytes) return tooLarge(file, file.bytes, maxBytes);
  const read = readRegularFile(file.absolutePath, { resolved: true, maxBytes });
  if (!read.ok) {
    if (read.refusal === 'too-large') return tooLarge(file, Math.max(file.bytes, maxBytes + 1), maxBytes);
    const notRegular = read.refusal === 'not-a-regular-file';
    return {
      ok: false,
      reason: notRegular ? 'not-a-regular-file' : 'unreadable',
      diagnostics: [{ severity: notRegular ? 'warning' : 'error', code: notRegular ? 'not-a-regular-file' : 'unreadable-file', message: read.message, file: file.path }],
    };
  }
  const decoded = decodeText(read.buffer);
  if (decoded.binary) {
    return {
      ok: false,
      reason: 'binary',
      diagnostics: [{ severity: 'warning', code: 'binary-file', message: 'skipped: binary content (NUL bytes) in a source file', file: file.path }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  let text = decoded.text;
  if (decoded.encoding === 'latin1') {
    diagnostics.push({
      severity: 'warning',
      code: 'not-utf8',
      message: 'not valid UTF-8; read as Latin-1 (Windows-1252) and analysed',
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

/** Lines in a text (LF, CRLF or old Mac CR-only endings); a trailing line break does not open a new line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return /[\r\n]$/.test(text) ? n - 1 : n;
}
