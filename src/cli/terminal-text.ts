/**
 * Repository strings on a terminal: author names, e-mails, file and table names, commit subjects can
 * hold escape sequences (colours, clear screen, bell, hyperlinks, title changes) and bidirectional
 * overrides that would act on the user's terminal. Every string of a result is copied with C0/C1
 * control characters (newline and tab excepted only where a message needs them) and bidi controls
 * replaced by a visible `\xNN` / `\u{NNNN}` escape before any summary is printed; the reports keep the
 * original text (they escape for their own formats).
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(s: string): string {
  return s.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * `value` itself when none of its strings (keys included) holds a control character, the usual case:
 * a scan costs a fraction of a copy. Otherwise a deep copy with every string passed through terminalText.
 */
export function terminalSafe<T>(value: T): T {
  return holdsControls(value) ? terminalSafeCopy(value) : value;
}

function holdsControls(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      CONTROLS.lastIndex = 0;
      if (CONTROLS.test(v)) return true;
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set || Array.isArray(v)) for (const x of v) stack.push(x);
    else for (const [k, x] of Object.entries(v)) stack.push(k, x);
  }
  return false;
}

/** A deep copy of `value` with every string passed through terminalText (keys too). */
function terminalSafeCopy<T>(value: T): T {
  const seen = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return terminalText(v);
    if (v === null || typeof v !== 'object') return v;
    const hit = seen.get(v);
    if (hit !== undefined) return hit;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const x of v) out.push(copy(x));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map();
      seen.set(v, out);
      for (const [k, x] of v) out.set(copy(k), copy(x));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set();
      seen.set(v, out);
      for (const x of v) out.add(copy(x));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(v)) out[terminalText(k)] = copy(x);
    return out;
  };
  return copy(value) as T;
}
