/**
 * Classes a Java program loads by name from text, not from code: servlet and filter classes in
 * web.xml, beans in Spring XML, actions in struts.xml, JSP tags and page imports, service loaders in
 * META-INF/services, auto-configurations in spring.factories and *.imports. Each such class is an
 * entry point ("referenced from WEB-INF/web.xml"). The files are read as text (no XML parser, so no
 * entities), each within a size budget, at most MAX_FILES of them.
 * Input: the listing and the repository's classes by fully qualified name. Output: file -> reason.
 */
import { readRegularFile } from '../../files/safe-read.js';
import type { FileListing } from '../../files/list-files.js';

const DESCRIPTOR_NAMES = new Set(['web.xml', 'web-fragment.xml', 'faces-config.xml', 'beans.xml', 'ejb-jar.xml', 'spring.factories']);

/** Whether the file can name classes to load: by its name, its extension or the folder it sits in. */
function isDescriptor(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  if (DESCRIPTOR_NAMES.has(base) || base.endsWith('.imports') || base.endsWith('.jsp') || base.endsWith('.jspx') || base.endsWith('.tag')) return true;
  if (parts.length >= 2 && parts[parts.length - 2] === 'services' && parts[parts.length - 3] === 'META-INF') return true;
  if (!base.endsWith('.xml')) return false;
  return base.startsWith('struts') || base.startsWith('applicationContext') || base.endsWith('-servlet.xml') || parts.includes('WEB-INF') || parts.includes('resources');
}
const MAX_BYTES = 1024 * 1024;
const MAX_FILES = 2000;
const PACKAGE_PART = /^[a-z_][a-z0-9_]*$/;
const CLASS_PART = /^[A-Z][A-Za-z0-9_]*$/;

/** Dotted names whose last part is capitalised (com.acme.web.OrderServlet), found token by token. */
function qualifiedNames(text: string): string[] {
  const names: string[] = [];
  for (const token of text.split(/[^A-Za-z0-9_.]+/)) {
    const parts = token.split('.');
    if (parts.length >= 3 && CLASS_PART.test(parts[parts.length - 1]!) && parts.slice(0, -1).every((p) => PACKAGE_PART.test(p))) names.push(token);
  }
  return names;
}

export function descriptorReferences(listing: FileListing, classes: ReadonlyMap<string, string>): Map<string, string> {
  const entries = new Map<string, string>();
  if (classes.size === 0) return entries;
  for (const f of listing.files.filter((x) => isDescriptor(x.path)).slice(0, MAX_FILES)) {
    const read = readRegularFile(f.absolutePath, { maxBytes: MAX_BYTES, resolved: true });
    if (!read.ok) continue;
    for (const name of qualifiedNames(read.buffer.toString('utf8'))) {
      const file = classes.get(name);
      if (file && !entries.has(file)) entries.set(file, `referenced from ${f.path}`);
    }
  }
  return entries;
}
