/**
 * model.cml: the contexts as a Context Mapper (CML) model, for the workshop's modelling tools.
 * One BoundedContext per context (its aggregates: one per owned table, the entity its root), the
 * shared kernel as a bounded context, and a ContextMap with the relationships: `Up [U]->[D] Down`
 * when Down depends on Up, `[P]<->[P]` both ways, `[SK]<->[SK]` with the kernel. Identifiers are
 * letters and digits only; strings are quoted with quotes and backslashes escaped, one line each.
 * Syntax: contextmapper.org/docs (context-map, bounded-context, shared-kernel, partnership).
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import type { ReportFile } from '../result/report-file.js';
import { contextMap, type MapContext } from './context-map.js';

/** A CML string literal: one line, quotes and backslashes escaped. */
export function cmlString(text: string): string {
  return `"${text.replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Text inside a block comment: one line, no comment end. */
function cmlComment(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\*\//g, '* /');
}

export function renderCml(result: AnalysisResult): ReportFile[] {
  const map = contextMap(result);
  if (!map) return [];
  const identOf = new Map([...map.contexts, ...(map.kernel ? [map.kernel] : [])].map((c) => [c.id, c.ident]));
  const out: string[] = [`/* ${cmlComment(`${map.system}: ${result.decisions ? 'bounded contexts decided in the decision file, scored' : 'candidate bounded contexts proposed'} by msa-split ${result.tool.version} (${result.decomposition!.method})`)} */`, ''];
  out.push(`ContextMap ${map.systemIdent}ContextMap {`, '  type = SYSTEM_LANDSCAPE', '  state = TO_BE', '');
  out.push(`  contains ${[...identOf.values()].join(', ')}`, '');
  for (const r of map.relations) {
    const a = identOf.get(r.a)!;
    const b = identOf.get(r.b)!;
    if (r.kind === 'upstream-downstream') out.push(`  /* ${r.weight} code dependencies of ${b} on ${a} */`, `  ${a} [U]->[D] ${b}`);
    else if (r.kind === 'partnership') out.push(`  /* ${r.weight} code dependencies both ways */`, `  ${a} [P]<->[P] ${b}`);
    else out.push(`  /* ${r.weight} uses of the shared kernel */`, `  ${a} [SK]<->[SK] ${b}`);
  }
  out.push('}', '');
  for (const c of [...map.contexts, ...(map.kernel ? [map.kernel] : [])]) out.push(...boundedContext(c), '');
  return [{ name: 'model.cml', content: out.join('\n') }];
}

function boundedContext(c: MapContext): string[] {
  const out = [`BoundedContext ${c.ident} {`, `  domainVisionStatement = ${cmlString(`${c.name} (${c.description})`)}`];
  for (const a of c.aggregates) out.push('', `  Aggregate ${a.name} {`, `    Entity ${a.entity} {`, '      aggregateRoot', `      /* table ${cmlComment(a.table)} */`, '    }', '  }');
  out.push('}');
  return out;
}
