/**
 * Business terms of an identifier or path: words split at camelCase, digits, '-', '_' and '.',
 * lower-cased, plurals folded, words under 3 letters and technical words (service, controller,
 * repository, dto, impl, ...) dropped. Context names, glossaries and concept names share it.
 */
const TECHNICAL = new Set(
  (
    'service services serviceimpl controller controllers repository repositories repo repos dao daos impl implementation dto dtos entity entities model models ' +
    'module modules component components interface interfaces abstract base default generic jpa hibernate jdbc mybatis mapper mappers factory factories ' +
    'util utils helper helpers config configuration manager mgr handler handlers facade assembler assemblers adapter adapters view views page pages ' +
    'route routes router routers spec test tests index main app application api rest web internal exception exceptions error errors command commands ' +
    'request response query queries type types enum enums constant constants provider providers resolver resolvers validator validators converter ' +
    'converters listener listeners consumer consumers producer producers job jobs task tasks bean beans servlet action actions info data id ids ' +
    'get set new create update delete list find impl store stores ts js java tsx jsx vue html css scss json sql xml yaml yml src lib libs core common ' +
    'shared kernel infra infrastructure domain persistence db database schema migration migrations seed seeder seeders client server dto event events ' +
    'context contexts provider wrapper wrappers support tool tools script scripts the and for of to in on with by from at as is be do it its our your ' +
    'ui http https ws sse file files item items detail details form forms dialog modal table tables guard guards pipe pipes decorator decorators ' +
    'middleware interceptor interceptors filter filters option options setting settings state store reducer action effect effects selector selectors'
  ).split(/\s+/),
);

/** Splits an identifier or path segment into lower-cased, plural-folded terms. */
export function termsOf(text: string): string[] {
  return splitWords(text)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3)
    .map(singular)
    .filter((w) => !TECHNICAL.has(w));
}

/**
 * Words of an identifier in one linear pass: a break at every non-letter, before an upper-case letter
 * that follows a lower-case one (orderLine), and before the last capital of a run followed by a
 * lower-case letter (HTTPServer -> HTTP Server).
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  const isUpper = (c: string) => c >= 'A' && c <= 'Z';
  const isLower = (c: string) => c >= 'a' && c <= 'z';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!isUpper(c) && !isLower(c)) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    if (word && isUpper(c) && (isLower(prev) || (isUpper(prev) && isLower(next)))) {
      words.push(word);
      word = '';
    }
    word += c;
  }
  if (word) words.push(word);
  return words;
}

export function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is|os|ics|js|ws)$/.test(w)) return w;
  if (w.length > 3 && w.endsWith('es') && /(ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s')) return w.slice(0, -1);
  return w;
}
