import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLines, readTextFile } from '../../../src/collect/files/read-text-file.js';
import { tempRepo } from '../../helpers/temp-repo.js';

const MiB = 1024 * 1024;

function read(files: Record<string, string | Buffer>, name: string, max = MiB) {
  const root = tempRepo(files);
  const bytes = Buffer.byteLength(files[name]!);
  return readTextFile({ path: name, absolutePath: path.join(root, name), bytes }, max);
}

describe('readTextFile', () => {
  it('reads UTF-8 and strips a byte-order mark', () => {
    const r = read({ 'a.ts': '\uFEFFexport const a = 1;\n' }, 'a.ts');
    expect(r).toEqual({ ok: true, text: 'export const a = 1;\n', diagnostics: [] });
  });

  it('skips binary content with a diagnostic', () => {
    const r = read({ 'logo.js': Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]) }, 'logo.js');
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'binary-file', file: 'logo.js' })]);
  });

  it('reads non-UTF-8 text as Latin-1, losing no character, and says so', () => {
    const latin1 = Buffer.from("export const caf\xe9 = 'caf\xe9';\n", 'latin1');
    const r = read({ 'l.ts': latin1 }, 'l.ts');
    expect(r.ok).toBe(true);
    expect(r.ok && r.text).toBe("export const café = 'café';\n");
    expect(r.ok && r.text).not.toContain('\uFFFD');
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'not-utf8', file: 'l.ts' })]);
  });

  it('reads UTF-16 by its byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("export const señal = 'ñ';\n", 'utf16le')]);
    const r = read({ 'u.ts': utf16 }, 'u.ts');
    expect(r.ok && r.text).toBe("export const señal = 'ñ';\n");
    expect(r.diagnostics).toEqual([]);
  });

  it('skips a 5 MB generated file over the limit without reading it', () => {
    const big = 'export const x = 1;\n'.repeat((5 * MiB) / 20);
    const r = read({ 'gen.ts': big }, 'gen.ts');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('too-large');
    expect(r.diagnostics[0]!.message).toMatch(/5\.0 MiB is over the 1\.0 MiB limit/);
  });

  it('skips minified bundles', () => {
    const r = read({ 'app.js': 'var a=1;'.repeat(1000) + '\n' }, 'app.js');
    expect(!r.ok && r.reason).toBe('minified');
    expect(read({ 'x.min.js': 'var a=1;\n' }, 'x.min.js').ok).toBe(false);
  });

  it('counts lines without counting a trailing newline', () => {
    expect([countLines(''), countLines('a'), countLines('a\n'), countLines('a\nb'), countLines('a\nb\n')]).toEqual([0, 1, 1, 2, 2]);
  });
});
