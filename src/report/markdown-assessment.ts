/**
 * report.md's sections on what the course asks of a split, from the plain blocks both reports share
 * (assessment-tables.ts): every string escaped, capped tables point to analysis.json.
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import { assessmentBlocks } from './assessment-tables.js';
import { mdText, more, table } from './markdown-text.js';

export function renderAssessmentSections(result: AnalysisResult): string[] {
  return assessmentBlocks(result).map((b) => {
    if (b.kind === 'heading') return `${'#'.repeat(b.level)} ${mdText(b.text)}\n`;
    if (b.kind === 'note') return `${mdText(b.text)}\n`;
    return table(b.head.map(mdText), b.rows.map((r) => r.map((c) => (typeof c === 'number' ? c : mdText(c))))) + more(b.total, b.rows.length);
  });
}
