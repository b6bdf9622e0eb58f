/**
 * git's index file (`.git/index`, versions 2 to 4), read for what it records of each work-tree file:
 * the stat data git saw when it last wrote the file or checked it, and the blob id it holds for it.
 * Input: the file's bytes and the object id length (20 for SHA-1, 32 for SHA-256). Output: path ->
 * entry, or why the index cannot be used (then the caller hashes every file, as without an index).
 * Format (gitformat-index): "DIRC", version, entry count; per entry ctime s/ns, mtime s/ns, dev, ino,
 * mode, uid, gid, size (all 32-bit), the object id, 16-bit flags (name length, stage, extended), in
 * v3+ 16 more flag bits when extended; the path NUL-terminated and padded to 8 bytes (v2, v3) or
 * prefix-compressed against the previous path (v4: a varint of bytes to drop, then the suffix). Entries
 * in a merge stage, marked skip-worktree / intent-to-add, sparse folders, or an index split over a
 * shared file are left out: those files are hashed instead. The index is untrusted like everything in the
 * repository: every length is checked against the buffer, the count against the buffer's size.
 */

export interface IndexEntry {
  ctimeSec: number;
  ctimeNsec: number;
  mtimeSec: number;
  mtimeNsec: number;
  ino: number;
  mode: number;
  size: number;
  /** Hex object id. */
  id: string;
}

export type GitIndex = { ok: true; entries: Map<string, IndexEntry> } | { ok: false; why: string };

const SIGNATURE = 0x44495243; // "DIRC"
const EXTENDED = 0x4000;
const STAGE = 0x3000;
const SKIP_OR_INTENT = 0x4000 | 0x2000;

export function readGitIndex(buffer: Buffer, idBytes: 20 | 32): GitIndex {
  if (buffer.length < 12 || buffer.readUInt32BE(0) !== SIGNATURE) return { ok: false, why: 'not an index file' };
  const version = buffer.readUInt32BE(4);
  if (version < 2 || version > 4) return { ok: false, why: `index version ${version}` };
  const count = buffer.readUInt32BE(8);
  const fixed = 40 + idBytes + 2;
  if (count > buffer.length / (fixed + 1)) return { ok: false, why: 'entry count larger than the file' };
  const entries = new Map<string, IndexEntry>();
  let at = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    if (at + fixed > buffer.length) return { ok: false, why: 'truncated entry' };
    const start = at;
    const flags = buffer.readUInt16BE(at + 40 + idBytes);
    at += fixed;
    let extended = 0;
    if (flags & EXTENDED) {
      if (version < 3 || at + 2 > buffer.length) return { ok: false, why: 'bad extended flags' };
      extended = buffer.readUInt16BE(at);
      at += 2;
    }
    let name: Buffer;
    if (version === 4) {
      // Varint with git's "offset" encoding: each continuation adds one before shifting.
      let drop = 0;
      for (let n = 0; ; n++) {
        if (at >= buffer.length || n > 8) return { ok: false, why: 'bad path prefix' };
        const byte = buffer[at++]!;
        drop = drop * 128 + (byte & 0x7f);
        if ((byte & 0x80) === 0) break;
        drop += 1;
      }
      if (drop > previous.length) return { ok: false, why: 'bad path prefix' };
      const end = buffer.indexOf(0, at);
      if (end < 0) return { ok: false, why: 'unterminated path' };
      name = Buffer.concat([previous.subarray(0, previous.length - drop), buffer.subarray(at, end)]);
      at = end + 1;
    } else {
      const end = buffer.indexOf(0, at);
      if (end < 0) return { ok: false, why: 'unterminated path' };
      name = buffer.subarray(at, end);
      // Padded with 1 to 8 NULs so the entry's length is a multiple of 8.
      at = start + ((end - start + 8) & ~7);
      if (at > buffer.length) return { ok: false, why: 'truncated entry' };
    }
    previous = name;
    const mode = buffer.readUInt32BE(start + 24);
    if ((flags & STAGE) !== 0 || (extended & SKIP_OR_INTENT) !== 0 || (mode & 0o170000) !== 0o100000) continue;
    entries.set(name.toString('utf8'), {
      ctimeSec: buffer.readUInt32BE(start),
      ctimeNsec: buffer.readUInt32BE(start + 4),
      mtimeSec: buffer.readUInt32BE(start + 8),
      mtimeNsec: buffer.readUInt32BE(start + 12),
      ino: buffer.readUInt32BE(start + 20),
      mode,
      size: buffer.readUInt32BE(start + 36),
      id: buffer.subarray(start + 40, start + 40 + idBytes).toString('hex'),
    });
  }
  // Extensions: an index split over a shared file ('link') or holding sparse folders ('sdir') does not
  // list every file here.
  while (at + 8 <= buffer.length - idBytes) {
    const signature = buffer.toString('latin1', at, at + 4);
    const size = buffer.readUInt32BE(at + 4);
    if (signature === 'link' || signature === 'sdir') return { ok: false, why: `index extension '${signature}'` };
    if (at + 8 + size > buffer.length) break;
    at += 8 + size;
  }
  return { ok: true, entries };
}
