/**
 * workspace.dsl: the contexts as a Structurizr DSL workspace: one software system (the monolith
 * being split) with one container per context and one for the shared kernel, a relationship per
 * pair of contexts in the direction of the dependency (`a -> b` when a depends on b, both ways for a
 * partnership) with its number of code dependencies, and a container view. Identifiers are letters
 * and digits only; strings are one line in double quotes, with double quotes turned into single ones
 * (the DSL's tokenizer has no escape).
 * Syntax: docs.structurizr.com/dsl (workspace, model, softwareSystem, container, relationship, views).
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import type { ReportFile } from '../result/report-file.js';
import { contextMap } from './context-map.js';

/** A DSL string: one line, no double quote inside. */
export function dslString(text: string): string {
  return `"${text.replace(/[\r\n\t]+/g, ' ').replace(/"/g, "'")}"`;
}

export function renderStructurizr(result: AnalysisResult): ReportFile[] {
  const map = contextMap(result);
  if (!map) return [];
  const all = [...map.contexts, ...(map.kernel ? [map.kernel] : [])];
  const identOf = new Map(all.map((c) => [c.id, c.ident]));
  const system = `${map.systemIdent}System`;
  const out = [
    `workspace ${dslString(map.system)} ${dslString(result.decisions ? `Services decided in the decision file, scored by msa-split ${result.tool.version}` : `Candidate services proposed by msa-split ${result.tool.version}`)} {`,
    '',
    '    model {',
    `        ${system} = softwareSystem ${dslString(map.system)} ${dslString(`The monolith, one container per ${result.decisions ? 'decided' : 'candidate'} context`)} {`,
  ];
  for (const c of all) out.push(`            ${c.ident} = container ${dslString(c.name)} ${dslString(c.description)}`);
  out.push('        }', '');
  for (const r of map.relations) {
    const a = identOf.get(r.a)!;
    const b = identOf.get(r.b)!;
    if (r.kind === 'upstream-downstream') out.push(`        ${b} -> ${a} ${dslString(`depends on (${r.weight} code dependencies)`)}`);
    else if (r.kind === 'partnership') out.push(`        ${a} -> ${b} ${dslString('depends on (partnership: both ways)')}`, `        ${b} -> ${a} ${dslString('depends on (partnership: both ways)')}`);
    else out.push(`        ${a} -> ${b} ${dslString(`uses the shared kernel (${r.weight} code dependencies)`)}`);
  }
  out.push('    }', '', '    views {', `        container ${system} ${dslString('contexts')} {`, '            include *', '            autoLayout', '        }', '    }', '}', '');
  return [{ name: 'workspace.dsl', content: out.join('\n') }];
}
