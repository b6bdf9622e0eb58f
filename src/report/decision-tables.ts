/**
 * What the workshop decided and what msa-split added, as plain blocks for report.md and report.html:
 * the decision file's notes and log, the macro level it decided, the modules it left open that
 * msa-split placed (with why), and a review list: modules (not pinned, not placed) whose strongest
 * single tie leads to another context and outweighs their strongest tie inside (explanations).
 */
import { compareStrings } from '../model/compare.js';
import type { AnalysisResult } from '../result/analysis-result.js';
import { h2, h3, note, table, type Block } from './blocks.js';

export function decisionBlocks(result: AnalysisResult): Block[] {
  const file = result.decisions;
  const d = result.decomposition;
  if (!file || !d) return [];
  const name = new Map(d.contexts.map((c) => [c.id, c.name]));
  const shown = (id: string) => (name.has(id) && name.get(id) !== id ? `${id} (${name.get(id)})` : id);
  const out: Block[] = [h2('Decisions')];
  out.push(note(`Decided in the decision file (msa-split.decomposition.yaml): ${file.contexts.length} contexts, ${(file.kernel ?? []).length} kernel and ${(file.platform ?? []).length} platform entries, ${(file.pinned ?? []).length} pinned modules.`));
  if (file.notes) out.push(note(file.notes));
  if ((file.decisions ?? []).length > 0) {
    out.push(h3(`Decision log (${file.decisions!.length})`));
    out.push(table(['Date', 'Who', 'What', 'Why'], file.decisions!.map((x) => [x.date ?? '', x.who ?? '', x.what, x.why ?? ''])));
  }
  const notes = file.contexts.filter((c) => c.notes);
  if (notes.length > 0) out.push(h3('Context notes'), table(['Context', 'Notes'], notes.map((c) => [shown(c.id), c.notes!])));
  if (d.macro && d.macro.length > 0) out.push(h3('Macro level (decided)'), table(['Macro context', 'Contexts'], d.macro.map((m) => [m.name, m.contexts.map(shown).join(', ')])));
  const placed = d.placed ?? [];
  out.push(h3(`Placed by msa-split (${placed.length})`));
  out.push(
    note(
      placed.length === 0
        ? 'The decision file places every module.'
        : 'The decision file left these modules open. Each went to tooling, platform or kernel by the same rules as a proposal, else to the decided context holding a quarter or more of its ties, else into a new context with the other open modules it ties to. Accept by adding them to the file, or move them.',
    ),
  );
  if (placed.length > 0) out.push(table(['Module', 'Placed in', 'Why'], placed.map((p) => [p.module, shown(p.context), p.reason])));
  const pinned = new Set(d.pinned ?? []);
  const byMsa = new Set(placed.map((p) => p.module));
  const review = (result.explanations?.modules ?? [])
    .filter((m) => !pinned.has(m.module) && !byMsa.has(m.module) && m.strongestElsewhere && m.strongestElsewhere.context !== '(kernel)' && m.strongestElsewhere.weight > (m.strongestInside?.weight ?? 0))
    .sort((a, b) => b.strongestElsewhere!.weight - a.strongestElsewhere!.weight || compareStrings(a.module, b.module));
  out.push(h3(`Review: tied more to another context (${review.length})`));
  out.push(note('Modules the file places whose strongest tie leads elsewhere. Move them, or confirm their place by listing them under pinned.'));
  if (review.length > 0)
    out.push(
      table(
        ['Module', 'Decided in', 'Strongest tie elsewhere', 'Weight', 'Strongest tie inside'],
        review.map((m) => [m.module, shown(m.context), `${m.strongestElsewhere!.module} (${shown(m.strongestElsewhere!.context)})`, m.strongestElsewhere!.weight, m.strongestInside ? `${m.strongestInside.module} (${m.strongestInside.weight})` : 'none']),
      ),
    );
  return out;
}
