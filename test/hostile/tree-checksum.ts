/**
 * A checksum of everything below a folder, to prove a run changed nothing: every entry's path, type,
 * mode, size and content (files), link target (symlinks); FIFOs, sockets and devices by type only
 * (opening them could block). Ignored files and `.git/` are included. Folders deeper than `maxDepth`
 * count as one entry (a case builds 5,000-deep trees that no path can reach).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function treeChecksum(dir: string, skip: ReadonlySet<string> = new Set(), maxDepth = 64): string {
  const hash = crypto.createHash('sha256');
  const walk = (abs: string, rel: string, depth: number): void => {
    let names: string[];
    try {
      names = fs.readdirSync(abs).sort();
    } catch (error) {
      hash.update(`${rel} unreadable ${(error as NodeJS.ErrnoException).code}\n`);
      return;
    }
    for (const name of names) {
      const childRel = rel ? `${rel}/${name}` : name;
      if (skip.has(childRel)) continue;
      const child = path.join(abs, name);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(child);
      } catch (error) {
        hash.update(`${childRel} lstat ${(error as NodeJS.ErrnoException).code}\n`);
        continue;
      }
      hash.update(`${childRel} ${st.mode} ${st.size}\n`);
      if (st.isSymbolicLink()) hash.update(fs.readlinkSync(child));
      else if (st.isFile()) hash.update(fs.readFileSync(child));
      else if (st.isDirectory()) {
        if (depth < maxDepth) walk(child, childRel, depth + 1);
        else hash.update('deep\n');
      }
    }
  };
  walk(dir, '', 0);
  return hash.digest('hex');
}
