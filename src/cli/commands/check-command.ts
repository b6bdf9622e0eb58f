/**
 * `msa-split check [path] --decomposition FILE [--baseline FILE] [--update-baseline]`: the repository
 * against the decided decomposition. Exit 0 when nothing is new, 1 when something is, 2 on usage or
 * input errors (a bad decision file or baseline stops before any work).
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { checkOutputFolder } from '../../config/check-output-folder.js';
import { readBaseline } from '../../config/read-baseline.js';
import { checkBaselineTarget } from '../../config/check-baseline-target.js';
import { UsageError } from '../../model/usage-error.js';
import { CHECK_FILE_NAMES, CHECK_FORMATS, type CheckFormat } from '../../report/registry.js';
import type { CheckReport, CheckSince } from '../../report/registry.js';
import { TOOL_VERSION } from '../../config/tool-version.js';
import { addOptionFlags } from '../add-option-flags.js';
import { terminalText } from '../terminal-text.js';
import type { PreparedRun } from '../../main/prepare-run.js';
import { analyzeForCommand, prepareForCommand } from './analyze-for-command.js';
import { addRunFlags, examples, type CommandContext, type RunFlags } from './command-context.js';

interface CheckFlags extends RunFlags {
  since?: string;
  baseline?: string;
  updateBaseline?: boolean;
  format: string;
  out?: string;
}

export function registerCheck(program: Command, context: CommandContext): void {
  const command = program
    .command('check')
    .description('check the repository against the decided decomposition: new dependencies into other contexts, foreign table access, data and cycles across contexts, unplaced modules, budgets; exit 1 when something is new')
    .argument('[path]', 'folder of the repository to check', '.');
  const table = addOptionFlags(command, 'check');
  command
    .addOption(new Option('--since <rev>', 'check only what changed since this revision (a commit, branch, tag, HEAD~N; from where this branch left it; committed and uncommitted changes): the changed modules\' dependencies, table accesses, data and placement; cycles and budgets are left to the full check').helpGroup('Check options:'))
    .addOption(new Option('--baseline <file>', 'known violations (JSON): they do not fail the check').helpGroup('Check options:'))
    .addOption(new Option('--update-baseline', 'write every violation found now to --baseline (sorted, diff-friendly) and pass').helpGroup('Check options:'))
    .addOption(new Option('-f, --format <list>', `outputs: ${CHECK_FORMATS.join(', ')} (text prints; the others are written to --out)`).default('text').helpGroup('Check options:'))
    .addOption(new Option('-o, --out <dir>', 'folder for check.md, check.json, check.sarif, check.junit.xml').helpGroup('Check options:'));
  addRunFlags(command, {});
  examples(command, [
    'msa-split check . --decomposition msa-split.decomposition.yaml --baseline msa-split.baseline.json',
    'msa-split check . --decomposition msa-split.decomposition.yaml --baseline msa-split.baseline.json --update-baseline',
    'msa-split check . --decomposition d.yaml --format md,sarif,junit --out check-report',
    'msa-split check . --decomposition msa-split.decomposition.yaml --baseline msa-split.baseline.json --since origin/main',
  ]);
  command.action(async (target: string, flags: CheckFlags, cmd: Command) => {
    context.debug = !!flags.debug;
    const formats = flags.format.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = formats.filter((f) => !(CHECK_FORMATS as readonly string[]).includes(f));
    if (unknown.length > 0) throw new UsageError(`unknown check format '${unknown[0]}'; valid formats: ${CHECK_FORMATS.join(', ')}`);
    const files = formats.filter((f): f is Exclude<CheckFormat, 'text'> => f !== 'text');
    if (files.length > 0 && flags.out === undefined) throw new UsageError(`--format ${files.join(',')} writes files: name the folder with --out`);
    if (flags.updateBaseline && flags.baseline === undefined) throw new UsageError('--update-baseline writes the file named with --baseline: name it');
    if (flags.updateBaseline && flags.since !== undefined) throw new UsageError('--update-baseline writes every violation of the repository: it cannot be combined with --since, which checks only what changed');
    // The baseline is read before any work: a damaged one must not cost an analysis.
    const baseline = flags.baseline !== undefined ? readBaseline(path.resolve(flags.baseline), !!flags.updateBaseline) : undefined;
    let outDir: string | undefined;
    let baselineTarget: string | undefined;
    const check = (run: PreparedRun) => {
      if (flags.updateBaseline) baselineTarget = checkBaselineTarget(flags.baseline!, run.root);
      if (run.options.decomposition === undefined) throw new UsageError('check needs the decided decomposition: --decomposition msa-split.decomposition.yaml (write one with analyze --out, or download it from report.html)');
      outDir = flags.out !== undefined ? checkOutputFolder(flags.out, run.root) : undefined;
    };
    const [{ checkAnalysis }, { renderCheck, renderBaseline }, { writeReports }] = await Promise.all([import('../../main/check-analysis.js'), import('../../report/registry.js'), import('../write-reports.js')]);
    const known = new Set((baseline?.violations ?? []).map((v) => v.key));
    const write = (report: CheckReport) => {
      if (outDir) writeReports(outDir, files.map((f) => ({ name: CHECK_FILE_NAMES[f], content: renderCheck(report, f) })));
      if (!flags.quiet || report.comparison.fresh.length > 0) context.io.stdout(terminalText(renderCheck(report, 'text')));
      context.exitCode = report.comparison.fresh.length > 0 ? 1 : 0;
    };
    const prepared = await prepareForCommand(context, target, flags, table.layer(cmd), { check });
    let since: CheckSince | undefined;
    if (flags.since !== undefined) {
      const { checkSinceForRun } = await import('../../main/check-since.js');
      const scoped = await checkSinceForRun(prepared.run, flags.since, known, prepared.progress.listener);
      if (scoped.kind === 'scoped') {
        prepared.progress.done();
        write({ system: path.basename(prepared.run.root), version: TOOL_VERSION, comparison: scoped.comparison, baselined: baseline !== undefined, since: scoped.since });
        return;
      }
      since = scoped.since;
    }
    const { result } = await analyzeForCommand(context, target, flags, table.layer(cmd), {}, {}, prepared);
    const { violations, comparison } = checkAnalysis(result, known);
    const report: CheckReport = { system: result.model.root, version: result.tool.version, comparison, baselined: baseline !== undefined, ...(since ? { since } : {}) };
    if (flags.updateBaseline) {
      const at = baselineTarget!;
      writeReports(path.dirname(at), [{ name: path.basename(at), content: renderBaseline(violations) }]);
      if (!flags.quiet) context.io.stdout(`${terminalText(`baseline: ${violations.length} known violations written to ${at} (${comparison.fixed.length} fixed ones dropped)`)}\n`);
      context.exitCode = 0;
      return;
    }
    write(report);
  });
}
