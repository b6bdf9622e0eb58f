/**
 * The split checks in two summary lines: the test safety net, then change smells, language
 * conflicts and size verdicts (the tables are in report.md and report.html).
 */
import type { AnalysisResult } from '../result/analysis-result.js';

export function checksHeadline(result: AnalysisResult): string[] {
  const a = result.assessment;
  if (!a) return [];
  const lines: string[] = [];
  const net = a.safetyNet;
  if (net) {
    const guarded = net.contexts.filter((c) => c.tests > 0).length;
    const bare = net.contexts.reduce((n, c) => n + c.untestedBoundaryCallCount, 0);
    lines.push(`tests: ${net.tests} files guard ${guarded} of ${net.contexts.length} contexts; ${bare} boundary calls no test reaches`);
  }
  const parts: string[] = [];
  const s = a.changeSmells;
  if (s) parts.push(`smells: ${s.divergentCount} divergent, ${s.shotgunSurgery.changeSets} shotgun`);
  parts.push(`${a.language.conflicts.length} shared concepts, ${a.language.synonyms.length} synonyms`);
  const verdicts = (v: string) => a.size.contexts.filter((c) => c.verdict === v).length;
  parts.push(`size: ${verdicts('too big')} big, ${verdicts('too small')} small`);
  lines.push(parts.join('; '));
  return lines;
}
