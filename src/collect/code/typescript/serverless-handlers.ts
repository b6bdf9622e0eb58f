/**
 * Functions a serverless platform calls: `handler: src/handlers/orders.create` in serverless.yml
 * (Serverless Framework) names a file and its export; the file is an entry point. Input: the listing.
 * Output: handler targets relative to the repository (`src/handlers/orders`) with the folder of the
 * serverless file, for the import resolver. The YAML is read within a size budget, aliases capped.
 */
import YAML from 'yaml';
import type { FileListing } from '../../files/list-files.js';
import { readRegularFile } from '../../files/safe-read.js';

const MAX_BYTES = 1024 * 1024;
const SERVERLESS = /(^|\/)serverless\.ya?ml$/;

export function serverlessHandlers(listing: FileListing): { target: string; dir: string; from: string }[] {
  const out: { target: string; dir: string; from: string }[] = [];
  for (const f of listing.files.filter((x) => SERVERLESS.test(x.path))) {
    const read = readRegularFile(f.absolutePath, { maxBytes: MAX_BYTES, resolved: true });
    if (!read.ok) continue;
    let doc: unknown;
    try {
      doc = YAML.parse(read.buffer.toString('utf8'), { maxAliasCount: 100 });
    } catch {
      continue; // an unreadable serverless file gives no entry points; the code is still analysed
    }
    const functions = (doc as { functions?: Record<string, { handler?: unknown }> } | null)?.functions;
    if (!functions || typeof functions !== 'object') continue;
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '';
    for (const fn of Object.values(functions)) {
      const handler = fn && typeof fn === 'object' ? fn.handler : undefined;
      if (typeof handler !== 'string' || handler.length > 500) continue;
      const dot = handler.lastIndexOf('.');
      const file = (dot > 0 ? handler.slice(0, dot) : handler).replace(/^\.\//, '');
      out.push({ target: dir ? `${dir}/${file}` : file, dir, from: f.path });
    }
  }
  return out;
}
