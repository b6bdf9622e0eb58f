/**
 * The terminal view of the candidate contexts, their scores and the migration plan.
 */
import type { ChalkInstance } from 'chalk';
import type { AnalysisResult } from '../result/analysis-result.js';
import { contextsHeading, contextTrust } from './context-trust.js';

export function formatContextsSummary(result: AnalysisResult, c: ChalkInstance): string[] {
  const { decomposition: d, scores, plan } = result;
  if (!d || !scores || !plan) return [];
  const lines: string[] = ['', c.bold.underline(contextsHeading(d)), c.dim(`  ${d.method}`)];
  const g = scores.global;
  lines.push(
    `  modularity Q ${c.cyan(g.modularity)}, TurboMQ ${g.turboMQ}, SM ${g.structuralModularity}, ICP ${g.interCallPercentage}, IFN ${g.interfaceNumber}, NED ${g.nonExtremeDistribution}, mean transaction entropy ${g.meanTransactionEntropy}`,
  );
  for (const s of scores.contexts) {
    const ctx = d.contexts.find((x) => x.id === s.context)!;
    lines.push(
      `  ${c.bold(s.context.padEnd(7))} ${s.name.padEnd(16)} ${String(s.modules).padStart(3)} modules ${String(s.lines).padStart(6)} lines  cohesion ${s.cohesion}  coupling ${s.coupling}  ${contextTrust(d, s.context, s.confidence)}` +
        c.dim(`  in ${s.afferent.length} / out ${s.efferent.length}, API ${s.apiSurface.length}${ctx.tables.length ? `, tables ${ctx.tables.join(', ')}` : ''}`),
    );
  }
  for (const k of scores.kernelUsers) lines.push(c.dim(`  kernel ${k.module} used by ${k.contexts.join(', ') || 'no context'}`));
  if (scores.sharedTables.length > 0) lines.push(`  ${c.yellow('shared tables')}: ${scores.sharedTables.join(', ')}`);
  lines.push('', c.bold.underline('Migration plan'), c.dim(`  ${plan.method}`));
  for (const n of plan.notes) lines.push(c.dim(`  note: ${n}`));
  for (const s of plan.steps) {
    const tag = s.pilot ? c.green(' (pilot)') : s.deadCode ? c.dim(' (remove)') : s.wiring ? c.dim(' (wiring)') : '';
    lines.push(`  ${s.step}. ${c.bold(s.name)}${tag} ${c.dim(s.why)}`);
    const parts = [
      s.becomeApiCalls.length ? `${s.becomeApiCalls.length} inbound dependencies become API calls` : '',
      s.takesOverTables.length ? `takes over ${s.takesOverTables.join(', ')}` : '',
      s.dropForeignKeys.length ? `drop ${s.dropForeignKeys.length} foreign keys` : '',
      s.rewriteJoins.length ? `rewrite ${s.rewriteJoins.length} joins` : '',
      s.breakCyclesFirst.length ? `break ${s.breakCyclesFirst.length} cycle edges first` : '',
    ].filter(Boolean);
    if (parts.length > 0) lines.push(c.dim(`     ${parts.join('; ')}`));
  }
  return lines;
}
