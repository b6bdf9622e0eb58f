/**
 * `msa-split check` for people and for CI: terminal text, a short Markdown job summary (counts, then
 * each new violation at file:line), JSON, SARIF 2.1.0 (code hosts show results inline; new ones are
 * errors, known ones notes with `baselineState: unchanged`, the stable key as a partial fingerprint),
 * JUnit XML (a test case per rule, failures for new violations) and the baseline file itself (sorted,
 * one violation per entry: diff-friendly).
 */
import { CHECK_RULES, type CheckRule } from '../model/check-rules.js';
import type { Violation } from '../score/check-boundaries.js';
import type { BaselineComparison } from '../score/compare-baseline.js';
import { LIST_LIMIT, mdText, table } from './markdown-text.js';
import { stableStringify } from './stable-json.js';

export const CHECK_FORMATS = ['text', 'md', 'json', 'sarif', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export const CHECK_FILE_NAMES: Record<Exclude<CheckFormat, 'text'>, string> = { md: 'check.md', json: 'check.json', sarif: 'check.sarif', junit: 'check.junit.xml' };

export interface CheckReport {
  system: string;
  version: string;
  comparison: BaselineComparison;
  /** Whether a baseline was read (without one every violation is new). */
  baselined: boolean;
  /** `--since REV`: what was looked at. */
  since?: CheckSince;
}

export interface CheckSince {
  since: string;
  commit: string;
  /** Files changed since the revision. */
  files: number;
  /** Modules checked (holding those files); absent when everything was checked. */
  modules?: number;
  /** Rules left to the full check (figures of the whole system); empty when everything was checked. */
  leftToFullCheck: CheckRule[];
  /** Why the whole repository was checked after all. */
  fullBecause?: string;
}

const RULE_HELP: Record<CheckRule, string> = {
  'internal-dependency': "code depends on a module inside another context that is not in that context's api",
  'foreign-table-access': 'code reads or writes a table another context owns',
  'cross-context-foreign-key': 'a foreign key joins tables of two contexts',
  'cross-context-join': 'a query joins tables of two contexts',
  'cross-context-transaction': 'a transaction writes tables of two contexts',
  'context-cycle': 'contexts depend on each other in a cycle',
  'unplaced-module': 'a module the decision file does not place',
  'coupling-budget': "a context's coupling is over the decision file's budget",
  'icp-budget': 'the share of calls across contexts is over the budget',
  'size-budget': 'a context is larger than the budget',
};

const where = (v: Violation) => (v.file ? `${v.file}${v.line ? `:${v.line}` : ''}` : '');

export function renderCheck(report: CheckReport, format: CheckFormat): string {
  switch (format) {
    case 'text':
      return text(report);
    case 'md':
      return markdown(report);
    case 'json':
      return stableStringify({ system: report.system, baselined: report.baselined, ...(report.since ? { since: report.since } : {}), summary: summary(report), new: report.comparison.fresh, known: report.comparison.known, fixed: report.comparison.fixed });
    case 'sarif':
      return sarif(report);
    case 'junit':
      return junit(report);
  }
}

/** The baseline of what is found now: every violation, sorted by key. */
export function renderBaseline(violations: readonly Violation[]): string {
  return stableStringify({ version: 1, violations: violations.map((v) => ({ key: v.key, rule: v.rule, message: v.message })) });
}

function summary(r: CheckReport) {
  const { fresh, known, fixed } = r.comparison;
  return { new: fresh.length, known: known.length, fixed: fixed.length, byRule: Object.fromEntries(CHECK_RULES.map((rule) => [rule, fresh.filter((v) => v.rule === rule).length]).filter(([, n]) => (n as number) > 0)) };
}

function headline(r: CheckReport): string {
  const { fresh, known, fixed } = r.comparison;
  const status = fresh.length === 0 ? 'passed' : 'failed';
  const scope = r.since?.modules !== undefined ? ` in the ${r.since.modules} module${r.since.modules === 1 ? '' : 's'} changed since ${r.since.since}` : '';
  return `msa-split check ${status}: ${fresh.length} new violation${fresh.length === 1 ? '' : 's'}${scope}${r.baselined ? `, ${known.length} known (baseline), ${fixed.length} fixed since the baseline` : ' (no baseline: every violation is new)'}`;
}

/** What a check since a revision looked at, in a sentence. */
function scopeLine(r: CheckReport): string | undefined {
  const s = r.since;
  if (!s) return undefined;
  const changed = `${s.files} file${s.files === 1 ? '' : 's'} changed since ${s.since} (${s.commit.slice(0, 12)})`;
  if (s.fullBecause !== undefined) return `${changed}; ${s.fullBecause}`;
  return `${changed}: their dependencies, table accesses, foreign keys, joins, transactions and placement were checked; left to the full check: ${s.leftToFullCheck.join(', ')}`;
}

function text(r: CheckReport): string {
  const out = [headline(r)];
  const scope = scopeLine(r);
  if (scope) out.push(`  ${scope}`);
  for (const v of r.comparison.fresh.slice(0, LIST_LIMIT * 4)) out.push(`  ${v.rule}: ${where(v) ? `${where(v)}: ` : ''}${v.message}`);
  if (r.comparison.fresh.length > LIST_LIMIT * 4) out.push(`  ... ${r.comparison.fresh.length - LIST_LIMIT * 4} more (--format json has all)`);
  if (r.comparison.fixed.length > 0) out.push(`  fixed since the baseline (drop them with --update-baseline): ${r.comparison.fixed.slice(0, 10).join(', ')}${r.comparison.fixed.length > 10 ? ', ...' : ''}`);
  return `${out.join('\n')}\n`;
}

function markdown(r: CheckReport): string {
  const { fresh } = r.comparison;
  const counts = CHECK_RULES.map((rule) => [rule, fresh.filter((v) => v.rule === rule).length, r.comparison.known.filter((v) => v.rule === rule).length] as [string, number, number]).filter(([, a, b]) => a + b > 0);
  const out = [`## ${mdText(headline(r))}\n`];
  const scope = scopeLine(r);
  if (scope) out.push(`${mdText(scope)}\n`);
  if (counts.length > 0) out.push(table(['Rule', 'New', 'Known'], counts));
  if (fresh.length > 0) {
    out.push('### New violations\n');
    for (const v of fresh.slice(0, LIST_LIMIT * 4)) out.push(`- **${v.rule}** ${where(v) ? `\`${where(v).replace(/`/g, "'")}\`: ` : ''}${mdText(v.message)}`);
    if (fresh.length > LIST_LIMIT * 4) out.push(`- ${fresh.length - LIST_LIMIT * 4} more in check.json`);
    out.push('');
  }
  return out.join('\n');
}

function sarif(r: CheckReport): string {
  const result = (v: Violation, isNew: boolean) => ({
    ruleId: v.rule,
    ruleIndex: CHECK_RULES.indexOf(v.rule),
    level: isNew ? 'error' : 'note',
    baselineState: isNew ? 'new' : 'unchanged',
    message: { text: v.message },
    partialFingerprints: { 'msaSplitKey/v1': v.key },
    ...(v.file ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(v.file), uriBaseId: 'SRCROOT' }, ...(v.line ? { region: { startLine: v.line } } : {}) } }] } : {}),
  });
  return stableStringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'msa-split',
            version: r.version,
            informationUri: 'https://github.com/msa-split/msa-split',
            rules: CHECK_RULES.map((id) => ({ id, name: id, shortDescription: { text: RULE_HELP[id] }, defaultConfiguration: { level: 'error' } })),
          },
        },
        originalUriBaseIds: { SRCROOT: { description: { text: `the analyzed repository (${r.system})` } } },
        ...(r.since ? { properties: { since: r.since } } : {}),
        results: [...r.comparison.fresh.map((v) => result(v, true)), ...r.comparison.known.map((v) => result(v, false))],
      },
    ],
  });
}

function junit(r: CheckReport): string {
  const x = (s: string) => s.replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd]/gu, '?').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const { fresh } = r.comparison;
  const cases = CHECK_RULES.map((rule) => {
    const failing = fresh.filter((v) => v.rule === rule);
    if (r.since?.leftToFullCheck.includes(rule)) return `    <testcase classname="msa-split.check" name="${rule}">\n      <skipped message="${x(`left to the full check (--since ${r.since.since} checks what the changed files add)`)}"/>\n    </testcase>`;
    if (failing.length === 0) return `    <testcase classname="msa-split.check" name="${rule}"/>`;
    const body = failing.map((v) => `${where(v) ? `${where(v)}: ` : ''}${v.message}`).join('\n');
    return `    <testcase classname="msa-split.check" name="${rule}">\n      <failure message="${x(`${failing.length} new: ${RULE_HELP[rule]}`)}">${x(body)}</failure>\n    </testcase>`;
  });
  const failures = CHECK_RULES.filter((rule) => fresh.some((v) => v.rule === rule)).length;
  const skipped = r.since?.leftToFullCheck.length ?? 0;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="msa-split check" tests="${CHECK_RULES.length}" failures="${failures}"${skipped ? ` skipped="${skipped}"` : ''}>\n  <testsuite name="${x(r.system)}" tests="${CHECK_RULES.length}" failures="${failures}"${skipped ? ` skipped="${skipped}"` : ''}>\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
