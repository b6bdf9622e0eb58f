/**
 * The decision file's one canonical text: what config/read-decision-file.ts reads, this writes back
 * byte-identically (keys in schema order, set-like lists sorted and without repeats, empty lists and
 * empty text left out, contexts, macro groups and decisions in the workshop's order). Pure and small:
 * the page bundles this same function for its "download decision file".
 * Strings are written plain when YAML cannot read them as anything else, otherwise as JSON strings
 * (valid YAML double-quoted scalars), so a hostile name can never become YAML structure.
 */
import { compareStrings } from '../model/compare.js';
import type { DecidedContext, Decision, DecisionFile } from '../model/decision-file.js';

const HEADER = [
  '# msa-split decision file: the decomposition the workshop decided.',
  '# Schema: https://msa-split.dev/schema/decomposition.schema.json (schema/decomposition.schema.json in the package).',
  '# Use it: msa-split analyze <repo> --decomposition msa-split.decomposition.yaml',
];

/** The canonical form of `file` (sorted, without repeats or empty entries). */
export function canonicalDecisions(file: DecisionFile): DecisionFile {
  const set = (xs: readonly string[] | undefined) => [...new Set(xs ?? [])].sort(compareStrings);
  const text = (s: string | undefined) => (s !== undefined && s.length > 0 ? s : undefined);
  const list = (xs: readonly string[] | undefined) => {
    const sorted = set(xs);
    return sorted.length > 0 ? sorted : undefined;
  };
  const contexts = file.contexts.map(
    (c): DecidedContext =>
      strip({
        id: c.id,
        name: text(c.name),
        include: list(c.include),
        exclude: list(c.exclude),
        modules: list(c.modules),
        api: list(c.api),
        tables: list(c.tables),
        notes: text(c.notes),
      }),
  );
  const macro = (file.macro ?? []).map((m) => strip({ id: m.id, name: text(m.name), contexts: [...new Set(m.contexts)] }));
  const decisions = (file.decisions ?? []).map((d): Decision => strip({ date: text(d.date), who: text(d.who), what: d.what, why: text(d.why) }));
  return strip({
    version: 1 as const,
    system: text(file.system),
    notes: text(file.notes),
    contexts,
    kernel: list(file.kernel),
    platform: list(file.platform),
    pinned: list(file.pinned),
    macro: macro.length > 0 ? macro : undefined,
    decisions: decisions.length > 0 ? decisions : undefined,
    budgets: file.budgets && Object.values(file.budgets).some((v) => v !== undefined) ? strip({ coupling: file.budgets.coupling, interCallPercentage: file.budgets.interCallPercentage, contextModules: file.budgets.contextModules, contextLines: file.budgets.contextLines }) : undefined,
  });
}

/** The text of `file` in canonical form, ending with a newline. */
export function decisionFileText(file: DecisionFile): string {
  const c = canonicalDecisions(file);
  const out = [...HEADER, `version: ${c.version}`];
  if (c.system !== undefined) out.push(`system: ${scalar(c.system)}`);
  if (c.notes !== undefined) out.push(`notes: ${scalar(c.notes)}`);
  out.push(c.contexts.length > 0 ? 'contexts:' : 'contexts: []');
  for (const ctx of c.contexts) entry(out, ctx as unknown as Record<string, unknown>);
  for (const key of ['kernel', 'platform', 'pinned'] as const) {
    const xs = c[key];
    if (xs) (out.push(`${key}:`), xs.forEach((x) => out.push(`  - ${scalar(x)}`)));
  }
  if (c.macro) (out.push('macro:'), c.macro.forEach((m) => entry(out, m as unknown as Record<string, unknown>)));
  if (c.decisions) (out.push('decisions:'), c.decisions.forEach((d) => entry(out, d as unknown as Record<string, unknown>)));
  if (c.budgets) (out.push('budgets:'), Object.entries(c.budgets).forEach(([k, v]) => out.push(`  ${k}: ${number(v as number)}`)));
  return `${out.join('\n')}\n`;
}

/** One list item of a flat record: `  - key: value`, lists as nested items. */
function entry(out: string[], record: Record<string, unknown>): void {
  let first = true;
  for (const [key, value] of Object.entries(record)) {
    const lead = first ? '  - ' : '    ';
    first = false;
    if (Array.isArray(value)) {
      out.push(`${lead}${key}:`);
      for (const v of value as string[]) out.push(`      - ${scalar(v)}`);
    } else out.push(`${lead}${key}: ${scalar(String(value))}`);
  }
}

/** A number as YAML reads it back (finite by the schema's bounds). */
function number(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** Words YAML 1.2 (core schema) reads as something other than a string. */
const SPECIAL = /^(?:true|false|null|~|y|n|yes|no|on|off)$/i;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./()\u00b7+-]+)*$/;

function scalar(s: string): string {
  return PLAIN.test(s) && !SPECIAL.test(s) ? s : JSON.stringify(s).replace(/[\u2028\u2029\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Record without undefined fields (so the key order is the literal's). */
function strip<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
