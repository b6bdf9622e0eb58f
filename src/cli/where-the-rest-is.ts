/** Where a reader finds what the terminal left out: the report written, or how to get one. */
export function whereTheRestIs(written: readonly string[]): string {
  const report = written.find((w) => w.endsWith('report.md')) ?? written.find((w) => w.endsWith('report.html')) ?? written.find((w) => w.endsWith('analysis.json'));
  return report ? `in ${report}` : 'in the report (run with --out DIR)';
}
