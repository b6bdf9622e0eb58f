/**
 * The terminal view of `msa-split history`: what was read, hotspots, coupled pairs, ownership by area.
 */
import type { ChalkInstance } from 'chalk';
import type { AnalysisResult } from '../result/analysis-result.js';
import { authorLabel } from '../result/author-label.js';

const SHOW = 15;

export function historyHeadline(result: AnalysisResult, c: ChalkInstance): string[] {
  const h = result.model.history;
  if (!h) return [c.dim('history stage skipped (--no-history)')];
  if (!h.available) return [c.yellow(`no history: ${h.note ?? 'unknown reason'}`)];
  if (h.commits === 0) return [c.yellow(`no commits in the window read${h.note ? `: ${h.note}` : ''} (check --since, --until and --branch)`)];
  return [
    `${c.cyan(h.commits)} commits by ${c.cyan(h.authors.length)} authors (${h.firstCommit?.slice(0, 10)} .. ${h.lastCommit?.slice(0, 10)}); ` +
      `${h.botCommits} bot commits left out, ${h.bulkChangesets} change sets over ${h.settings.maxChangesetSize} files left out of coupling, ${h.renamesFollowed} renames followed` +
      (h.settings.mergesExcluded ? ', merges excluded' : ''),
    ...(h.shallowDepth !== undefined ? [c.yellow(`shallow clone: only ${h.shallowDepth} commits`)] : []),
    `${h.filesTouched} paths touched, ${h.filesGone} of them gone today (kept in totals only)`,
  ];
}

export function formatHistorySummary(result: AnalysisResult, c: ChalkInstance, display: { showEmails: boolean } = { showEmails: false }): string {
  const who = authorLabel(result, display.showEmails);
  const lines: string[] = [c.bold(`msa-split history: ${result.model.root}`), ...historyHeadline(result, c)];
  const head = (s: string) => lines.push('', c.bold.underline(s));
  const { hotspots, changeCoupling, ownership } = result.analyses;
  if (hotspots) {
    head('Hotspots');
    lines.push(c.dim(`  ${hotspots.method}`));
    for (const h of hotspots.hotspots.slice(0, SHOW)) {
      lines.push(`  ${String(h.rank).padStart(3)}. ${h.module} ${c.dim(`${h.revisions} revisions, ${h.lines} lines, score ${h.score}${h.churn ? `, +${h.churn.added}/-${h.churn.deleted}` : ''}, main author ${who(h.mainAuthor)} (${Math.round(h.ownership * 100)}%)`)}`);
    }
  }
  if (changeCoupling) {
    head(`Change coupling (${changeCoupling.pairs.length} pairs)`);
    lines.push(c.dim(`  ${changeCoupling.thresholds}`));
    if (changeCoupling.note) lines.push(c.yellow(`  ${changeCoupling.note}`));
    for (const p of changeCoupling.pairs.slice(0, SHOW)) {
      lines.push(`  ${p.a} ~ ${p.b} ${c.dim(`degree ${p.degree}%, ${p.shared} shared of ${p.revsA}/${p.revsB}`)}${p.crossArea ? ' ' + c.red('across areas') : ''}${p.codeEdge ? '' : ' ' + c.yellow('no code edge')}`);
    }
  }
  if (ownership) {
    head('Ownership by area');
    for (const a of ownership.areas) {
      const main = a.authors[0]!;
      lines.push(`  ${a.area.padEnd(16)} ${who(main.id)} ${Math.round(a.ownership * 100)}% ${c.dim(`of ${a.commits} module changes, fragmentation ${a.fragmentation}, ${a.authors.length} authors`)}`);
    }
    if (ownership.areaPairs.length > 0) {
      head('Areas sharing authors');
      for (const p of ownership.areaPairs.slice(0, SHOW)) lines.push(`  ${p.a} & ${p.b} ${c.dim(`${p.modulePairs} co-authored module pairs; ${p.sharedAuthors.map(who).join(', ')}`)}`);
    }
  }
  const diag = result.model.diagnostics.filter((d) => /git|shallow|commit|history|revision/.test(d.code));
  if (diag.length > 0) {
    head(`History diagnostics (${diag.length})`);
    for (const d of diag.slice(0, 10)) lines.push(`  ${d.severity} ${d.code} ${d.message}`);
  }
  return lines.join('\n') + '\n';
}
