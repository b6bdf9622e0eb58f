/**
 * The one way msa-split reads a file it did not write: the analyzed repository is untrusted input.
 * Input: a path, a byte limit and, for files of the repository, the root they must stay inside.
 * Output: the bytes, or a refusal with a code and a message that names the file (never its content).
 * Guarantees: symbolic links are resolved and refused when they leave the root; only regular files are
 * read (a FIFO, device or socket is refused without blocking: opened O_NONBLOCK and checked with fstat on
 * the open descriptor, so a swap between check and open cannot slip one in); the size is checked before
 * reading and the read stops at the limit (a file that grows, or /dev/zero, cannot exhaust memory).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../../model/ids.js';

export type ReadRefusal = 'not-found' | 'outside-root' | 'not-a-regular-file' | 'too-large' | 'symlink-loop' | 'unreadable';

export type SafeRead = { ok: true; buffer: Buffer; realPath: string } | { ok: false; refusal: ReadRefusal; message: string };

export interface SafeReadOptions {
  /** Refuse files larger than this. */
  maxBytes: number;
  /** The real path of the folder the file must lie in (after symbolic links); absent for files the user named. */
  within?: string;
  /** `file` is already a real path inside the root (a ListedFile's absolutePath). */
  resolved?: boolean;
}

const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW;

/** Opens `file` as a regular file under the rules above; the caller closes the descriptor. */
export function openRegularFile(file: string, options: Omit<SafeReadOptions, 'maxBytes'>): { ok: true; fd: number; size: number; realPath: string } | { ok: false; refusal: ReadRefusal; message: string } {
  let real = file;
  // A path the folder walk already resolved skips the realpath syscalls (O_NOFOLLOW below still
  // refuses a link swapped in since): a measurable share of reading 5,000 files.
  if (options.resolved !== true) try {
    real = fs.realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, refusal: 'not-found', message: 'not found' };
    if (code === 'ELOOP') return { ok: false, refusal: 'symlink-loop', message: 'symbolic link loops back on itself' };
    return { ok: false, refusal: 'unreadable', message: `cannot resolve (${code ?? 'error'})` };
  }
  if (options.within !== undefined && !isInside(options.within, real)) {
    return { ok: false, refusal: 'outside-root', message: `a symbolic link leading outside the repository (to ${real}); not read` };
  }
  let fd: number;
  try {
    fd = fs.openSync(real, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, refusal: 'symlink-loop', message: 'changed into a symbolic link while being read' };
    if (code === 'ENXIO') return { ok: false, refusal: 'not-a-regular-file', message: 'not a regular file (a socket or device); not read' };
    return { ok: false, refusal: 'unreadable', message: `cannot open (${code ?? 'error'})` };
  }
  const st = fs.fstatSync(fd);
  if (!st.isFile()) {
    fs.closeSync(fd);
    const kind = st.isFIFO() ? 'a named pipe (FIFO)' : st.isDirectory() ? 'a folder' : st.isSocket() ? 'a socket' : 'a device';
    return { ok: false, refusal: 'not-a-regular-file', message: `not a regular file (${kind}); not read` };
  }
  return { ok: true, fd, size: st.size, realPath: real };
}

/** Reads `file` whole under the rules above; never throws. */
export function readRegularFile(file: string, options: SafeReadOptions): SafeRead {
  const opened = openRegularFile(file, options);
  if (!opened.ok) return opened;
  const { fd, size, realPath } = opened;
  try {
    if (size > options.maxBytes) return tooLarge(size, options.maxBytes);
    // Read at most one byte past the limit: a file that grew since fstat is caught, never read whole.
    const buffer = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, Math.max(size, 0) + 1));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) break;
      const n = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    if (filled > options.maxBytes) return tooLarge(filled, options.maxBytes);
    if (filled === buffer.length && filled === size + 1) {
      // Grew while being read but is still within the limit: read the rest up to the limit.
      const rest = readRest(fd, options.maxBytes - filled + 1);
      if (filled + rest.length > options.maxBytes) return tooLarge(filled + rest.length, options.maxBytes);
      return { ok: true, buffer: Buffer.concat([buffer, rest]), realPath };
    }
    return { ok: true, buffer: buffer.subarray(0, filled), realPath };
  } catch (error) {
    return { ok: false, refusal: 'unreadable', message: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    fs.closeSync(fd);
  }
}

function readRest(fd: number, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, max - total));
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks);
}

function tooLarge(bytes: number, max: number): SafeRead {
  return { ok: false, refusal: 'too-large', message: `${formatBytes(bytes)} is over the ${formatBytes(max)} limit; not read` };
}

/** Reads a file of the repository at `root` (a real path), as `readRegularFile` with `within: root`. */
export function readRepositoryFile(root: string, relativeOrAbsolute: string, maxBytes: number): SafeRead {
  return readRegularFile(path.resolve(root, relativeOrAbsolute), { maxBytes, within: root });
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
