/**
 * MyBatis mapper XML: the SQL of <select>/<insert>/<update>/<delete>, attributed to the mapper
 * interface named by `namespace` (else to the XML file itself).
 * Input: listed .xml files and the Java classes (FQN -> file). Output: SQL statements with their
 * file and line, ready for the SQL parser. Parsed with fast-xml-parser: DOCTYPE declarations and their
 * DTD URLs are ignored, never fetched, and entities are not expanded. Dynamic SQL is flattened:
 * <where>/<set> add their keyword, <trim> its prefix, <foreach> its open/close around the body,
 * <choose> keeps its first <when>, <if> keeps its body, <include refid> inlines the <sql> fragment;
 * #{x} and ${x} placeholders are normalised later by the SQL parser.
 */
import { createRequire } from 'node:module';
import type * as FastXml from 'fast-xml-parser';
import type { Diagnostic } from '../../model/types.js';
import type { ListedFile } from '../files/list-files.js';
import { readRegularFile } from '../files/safe-read.js';

export interface MapperStatement {
  /** The module the SQL belongs to: the mapper interface's file, or the XML file. */
  file: string;
  /** The XML file holding the statement (evidence). */
  xml: string;
  line: number;
  text: string;
  id: string;
}

type XNode = Record<string, unknown>;
const MAX_XML_BYTES = 8 * 1024 * 1024;
/** A statement's text after <include> expansion stops growing here. */
const MAX_EXPANDED_CHARS = 256 * 1024;
const STATEMENTS = new Set(['select', 'insert', 'update', 'delete']);

export function readMybatisMappers(files: readonly ListedFile[], classes: ReadonlyMap<string, string>): { statements: MapperStatement[]; diagnostics: Diagnostic[] } {
  const statements: MapperStatement[] = [];
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0) return { statements, diagnostics };
  // Loaded only when there are mappers to read (most repositories have none).
  const { XMLParser } = createRequire(import.meta.url)('fast-xml-parser') as typeof FastXml;
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, trimValues: false, ignoreDeclaration: true, ignorePiTags: true });
  for (const f of files) {
    const read = readRegularFile(f.absolutePath, { resolved: true, maxBytes: MAX_XML_BYTES });
    if (!read.ok) {
      diagnostics.push({ severity: read.refusal === 'too-large' ? 'warning' : 'error', code: read.refusal === 'too-large' ? 'file-too-large' : 'unreadable-file', message: read.message, file: f.path });
      continue;
    }
    const text = read.buffer.toString('utf8');
    if (!/<mapper[\s>]/.test(text)) continue;
    let doc: XNode[];
    try {
      doc = parser.parse(text) as XNode[];
    } catch (error) {
      diagnostics.push({ severity: 'warning', code: 'xml-parse-error', message: `cannot parse MyBatis mapper XML: ${(error as Error).message.split('\n')[0]}`, file: f.path });
      continue;
    }
    const mapper = doc.find((n) => 'mapper' in n);
    if (!mapper) continue;
    const namespace = String(((mapper[':@'] as XNode | undefined) ?? {}).namespace ?? '');
    const owner = classes.get(namespace) ?? f.path;
    if (!classes.has(namespace)) {
      diagnostics.push({ severity: 'info', code: 'mapper-without-interface', message: `mapper namespace '${namespace}' names no Java interface here; its SQL is attributed to the XML file`, file: f.path });
    }
    const children = mapper.mapper as XNode[];
    const fragments = new Map<string, XNode[]>();
    for (const c of children) if ('sql' in c) fragments.set(String(((c[':@'] as XNode) ?? {}).id ?? ''), c.sql as XNode[]);
    // Per statement: the fragments being expanded (a cycle is cut) and the characters produced so far
    // (an exponential include tree is cut at MAX_EXPANDED_CHARS).
    let expanding = new Set<string>();
    let produced = 0;
    let cycle: string | undefined;
    let overflow = false;
    const flatten = (nodes: XNode[], depth = 0): string => {
      if (depth > 20 || overflow) return '';
      let out = '';
      for (const n of nodes) {
        if (produced + out.length > MAX_EXPANDED_CHARS) {
          overflow = true;
          break;
        }
        if ('#text' in n) {
          out += String(n['#text']);
          continue;
        }
        const tag = Object.keys(n).find((k) => k !== ':@')!;
        const attrs = (n[':@'] as Record<string, string> | undefined) ?? {};
        const body = (n[tag] as XNode[]) ?? [];
        if (tag === 'include') {
          const refid = attrs.refid ?? '';
          if (expanding.has(refid)) {
            cycle ??= [...expanding, refid].join(' -> ');
            continue;
          }
          expanding.add(refid);
          const expanded = flatten(fragments.get(refid) ?? [], depth + 1);
          expanding.delete(refid);
          produced += expanded.length;
          out += ` ${expanded} `;
        }
        else if (tag === 'where') out += ` WHERE 1=1 AND ${flatten(body, depth + 1).replace(/^\s*(and|or)\b/i, '')} `;
        else if (tag === 'set') out += ` SET ${flatten(body, depth + 1).replace(/,\s*$/, '')} `;
        else if (tag === 'trim') out += ` ${attrs.prefix ?? ''} ${flatten(body, depth + 1)} ${attrs.suffix ?? ''} `;
        else if (tag === 'foreach') out += ` ${attrs.open ?? ''}${flatten(body, depth + 1)}${attrs.close ?? ''} `;
        else if (tag === 'choose') {
          const first = body.find((b) => 'when' in b) ?? body.find((b) => 'otherwise' in b);
          if (first) out += ` ${flatten((first.when ?? first.otherwise) as XNode[], depth + 1)} `;
        } else if (tag === '#comment') continue;
        else out += ` ${flatten(body, depth + 1)} `;
      }
      return out;
    };
    for (const c of children) {
      const tag = Object.keys(c).find((k) => STATEMENTS.has(k));
      if (!tag) continue;
      const id = String(((c[':@'] as XNode) ?? {}).id ?? tag);
      expanding = new Set();
      produced = 0;
      cycle = undefined;
      overflow = false;
      const sql = flatten(c[tag] as XNode[]).replace(/\s+/g, ' ').trim();
      const at = text.search(new RegExp(`<${tag}[^>]*id=["']${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`));
      const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
      if (cycle) diagnostics.push({ severity: 'warning', code: 'mybatis-include-cycle', message: `<include> cycle ${cycle} in statement '${id}'; the repeated fragment was left out`, file: f.path, line });
      if (overflow) {
        diagnostics.push({ severity: 'warning', code: 'mybatis-include-too-large', message: `statement '${id}' expands to more than ${MAX_EXPANDED_CHARS} characters through its <include>s; the expansion was cut there`, file: f.path, line });
      }
      if (sql) statements.push({ file: owner, xml: f.path, line, text: sql, id });
    }
  }
  return { statements, diagnostics };
}
