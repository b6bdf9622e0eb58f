/**
 * `msa-split graph [path]`: one graph (module, context or table level) to stdout or a file. The path is
 * a repository to analyze, or an analysis.json written before; with clustering options the contexts
 * of a saved analysis are proposed again (no re-reading of the repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { checkOutputFolder } from '../../config/check-output-folder.js';
import { OPTION_TABLE } from '../../config/option-table.js';
import { UsageError } from '../../model/usage-error.js';
import { checkGraphRequest, GRAPH_FORMAT_NAMES, GRAPH_LEVELS } from '../../report/registry.js';
import { addOptionFlags } from '../add-option-flags.js';
import { analyzeForCommand } from './analyze-for-command.js';
import { addRunFlags, examples, type CommandContext, type RunFlags } from './command-context.js';

interface GraphFlags extends RunFlags {
  level: string;
  format: string;
  out?: string;
}

export function registerGraph(program: Command, context: CommandContext): void {
  const command = program
    .command('graph')
    .description('export one graph (module, context or table level) from a repository or a saved analysis.json')
    .argument('[path]', 'folder of the repository to analyze, or an analysis.json', '.')
    .addOption(new Option('-l, --level <level>', `graph level: ${GRAPH_LEVELS.join(', ')}`).default('context').helpGroup('Graph options:'))
    .addOption(new Option('-f, --format <format>', `graph format: ${GRAPH_FORMAT_NAMES.join(', ')}`).default('dot').helpGroup('Graph options:'))
    .addOption(new Option('-o, --out <file>', 'write to this file instead of stdout (outside the analyzed repository)').helpGroup('Graph options:'));
  const table = addOptionFlags(command, 'graph');
  addRunFlags(command, { strict: false });
  examples(command, [
    'msa-split graph . --level context --format mermaid',
    'msa-split graph ../report/analysis.json --level table --format svg --out tables.svg',
    'msa-split graph ../report/analysis.json --contexts 3 --format dot   propose 3 contexts again',
  ]);
  command.action(async (target: string, flags: GraphFlags, cmd: Command) => {
    context.debug = !!flags.debug;
    const level = checkGraphRequest(flags.level, flags.format);
    const flagLayer = table.layer(cmd);
    const [{ renderGraph }, { writeReports }] = await Promise.all([import('../../report/registry.js'), import('../write-reports.js')]);
    let result;
    let root: string | undefined;
    if (isFile(target)) {
      const given = Object.keys(flagLayer.values);
      const clustering = given.filter((k) => OPTION_TABLE[k as keyof typeof OPTION_TABLE].group === 'Contexts');
      const other = given.filter((k) => !clustering.includes(k));
      if (other.length > 0) {
        throw new UsageError(`${other.map((k) => flagLayer.source.kind === 'flags' ? flagLayer.source.flagNames[k] : k).join(', ')}: only the clustering options apply to a saved analysis; analyze the repository again to change the others`);
      }
      const [{ readAnalysisFile }, { reproposeContexts }] = await Promise.all([import('../../main/read-analysis-file.js'), import('../../main/propose-contexts.js')]);
      const saved = readAnalysisFile(target);
      result = clustering.length > 0 ? reproposeContexts(saved, flagLayer) : saved;
    } else {
      const analyzed = await analyzeForCommand(context, target, flags, flagLayer);
      root = analyzed.run.root;
      result = analyzed.result;
    }
    const outFile = flags.out !== undefined ? (root ? checkOutputFolder(flags.out, root) : path.resolve(flags.out)) : undefined;
    const text = await renderGraph(result, level, flags.format);
    if (outFile) writeReports(path.dirname(outFile), [{ name: path.basename(outFile), content: text }]);
    else context.io.stdout(text);
  });
}

function isFile(target: string): boolean {
  try {
    return fs.statSync(target).isFile();
  } catch {
    return false;
  }
}
