/**
 * report.md's sections on what the course asks of a split and on the workshop's decisions, from the
 * plain blocks both reports share (assessment-tables.ts, decision-tables.ts): every string escaped, capped tables point to analysis.json.
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import { assessmentBlocks } from './assessment-tables.js';
import type { Block } from './blocks.js';
import { decisionBlocks } from './decision-tables.js';
import { mdText, more, table } from './markdown-text.js';

export function renderAssessmentSections(result: AnalysisResult): string[] {
  return renderBlocks(assessmentBlocks(result));
}

/** The decision file's sections (absent for a proposal). */
export function renderDecisionSections(result: AnalysisResult): string[] {
  return renderBlocks(decisionBlocks(result));
}

/** Blocks as Markdown: headings, escaped notes, capped tables. */
export function renderBlocks(blocks: readonly Block[]): string[] {
  return blocks.map((b) => {
    if (b.kind === 'heading') return `${'#'.repeat(b.level)} ${mdText(b.text)}\n`;
    if (b.kind === 'note') return `${mdText(b.text)}\n`;
    return table(b.head.map(mdText), b.rows.map((r) => r.map((c) => (typeof c === 'number' ? c : mdText(c))))) + more(b.total, b.rows.length);
  });
}
