/**
 * The sections on what the course asks of a split (test safety net, change smells, ubiquitous
 * language, size per context, reuse or rewrite) as plain-text blocks: headings, notes and tables.
 * report.md escapes and prints them; report.html shows them as text in its "Split checks" tab. One
 * source, so the two reports say the same thing.
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import type { DecompositionAssessment } from '../score/assess-decomposition.js';
import { h2, h3, note, ROW_LIMIT, table, type Block } from './blocks.js';

type Name = (id: string | undefined) => string;

export function assessmentBlocks(result: AnalysisResult): Block[] {
  const a = result.assessment;
  if (!a || !result.decomposition) return [];
  const byId = new Map(result.decomposition.contexts.map((c) => [c.id, c.name]));
  const name: Name = (id) => (id === undefined ? '' : (byId.get(id) ?? id));
  return [...safetyNet(a, name), ...changeSmells(a, name), ...language(a, name), ...size(a), ...rewrite(a)];
}

const pct = (x: number | undefined) => (x === undefined ? '' : `${Math.round(x * 100)}%`);

function safetyNet(a: DecompositionAssessment, name: Name): Block[] {
  const net = a.safetyNet;
  if (!net) return [h2('Test safety net'), note('Tests were analyzed as modules (--include-tests): no safety net is computed.')];
  const unattached = net.unattached.length > 0 ? ` Touching no code (HTTP or end-to-end tests, or tests of removed code): ${net.unattached.slice(0, 10).join(', ')}${net.unattached.length > 10 ? ` and ${net.unattached.length - 10} more` : ''}.` : '';
  return [
    h2('Test safety net'),
    note(`Prepare the tests before the split: ${net.method}.`),
    note(`${net.tests} test files (${net.testLines} lines) and ${net.helpers} helpers; shared kernel: ${net.kernel.tested} of ${net.kernel.modules} modules tested.${unattached}`),
    table(
      ['Context', 'Tests', 'Tested', 'Reached', 'Untested', 'Coverage (lines)', 'Boundary calls', 'Untested boundary calls', 'Largest untested'],
      net.contexts.map((c) => [name(c.context), c.tests, c.tested, c.reached, c.untestedCount, pct(c.coverage), c.boundaryCalls, c.untestedBoundaryCallCount, c.untested.slice(0, 3).map((u) => u.module).join(', ')]),
      Infinity,
    ),
  ];
}

function changeSmells(a: DecompositionAssessment, name: Name): Block[] {
  const s = a.changeSmells;
  if (!s) return [h2('Change smells'), note('No history: change smells need the change sets.')];
  const out: Block[] = [h2('Change smells'), note(`A service should change for one business reason. ${s.method}.`), note(`${s.changeSets} change sets; ${pct(s.crossContextShare)} of them touch two contexts or more.`)];
  out.push(h3(`Divergent Change (${s.divergentCount})`));
  out.push(
    table(
      ['Module', 'Context', 'Change sets', 'Entropy (bits)', 'Reasons (votes, first commits)'],
      s.divergentChange.map((m) => [m.module, name(m.context), m.changeSets, m.entropy, m.reasons.slice(0, 5).map((r) => `${name(r.context)} ${r.weight} (${r.commits.map((c) => c.slice(0, 8)).join(', ')})`).join('; ')]),
      ROW_LIMIT,
      s.divergentCount,
    ),
  );
  out.push(h3(`Shotgun Surgery (${s.shotgunSurgery.changeSets} change sets)`));
  out.push(table(['Commit', 'Date', 'Contexts', 'Modules'], s.shotgunSurgery.widest.map((w) => [w.id.slice(0, 8), w.date.slice(0, 10), w.contexts.map(name).join(', '), w.modules]), ROW_LIMIT, s.shotgunSurgery.changeSets));
  if (s.shotgunSurgery.moduleCount > 0) {
    out.push(note('Modules most often caught in them:'));
    out.push(table(['Module', 'Context', 'Change sets', 'Shotgun', 'Share'], s.shotgunSurgery.modules.map((m) => [m.module, name(m.context), m.changeSets, m.shotgun, pct(m.share)]), ROW_LIMIT, s.shotgunSurgery.moduleCount));
  }
  out.push(h3('Change smells per context'));
  out.push(table(['Context', 'Change sets', 'Mean spread', 'Median spread', 'Shotgun share', 'Divergent modules', 'Shotgun modules'], s.contexts.map((c) => [name(c.context), c.changeSets, c.meanSpread, c.medianSpread, pct(c.shotgunShare), c.divergentModules, c.shotgunModules]), Infinity));
  return out;
}

function language(a: DecompositionAssessment, name: Name): Block[] {
  const l = a.language;
  return [
    h2('Ubiquitous language'),
    note(`Each context should name its own concepts. ${l.method}.`),
    h3(`Concepts shared by several contexts (${l.conflicts.length})`),
    table(
      ['Concept', 'Table', 'Owner', 'Used by (how, columns)', 'Suggestion'],
      l.conflicts.map((c) => [c.concept, c.table ?? '', name(c.owner), c.usedBy.map((u) => `${name(u.context)}: ${u.how.join('/')}${u.columns ? ` (${u.columns.join(', ')})` : ''}`).join('; '), c.suggestion]),
    ),
    h3(`Synonyms inside one context (${l.synonyms.length})`),
    table(['Context', 'Concepts', 'Why'], l.synonyms.map((s) => [name(s.context), `${s.a} / ${s.b}`, s.why.join('; ')])),
    h3('Glossary per context'),
    table(
      ['Context', 'Terms (modules, tables using them)', 'Concepts it owns'],
      l.glossary.map((g) => [name(g.context), g.terms.map((t) => `${t.term} (${t.modules}, ${t.tables})`).join(', '), g.concepts.slice(0, 20).join(', ') + (g.concepts.length > 20 ? ` and ${g.concepts.length - 20} more` : '')]),
      Infinity,
    ),
  ];
}

function size(a: DecompositionAssessment): Block[] {
  return [
    h2('Size per context'),
    note(`Go macro first; a service should fit one team and one head. ${a.size.method}.`),
    table(
      ['Context', 'Lines', 'Modules', 'Tables', 'Endpoints', 'Active authors', 'Changes per month', 'Verdict', 'What to do'],
      a.size.contexts.map((c) => [c.name, c.lines, c.modules, c.tables, c.endpoints, c.activeAuthors ?? '', c.changesPerMonth ?? '', c.verdict === 'fits' ? 'fits' : `${c.verdict} (${c.checks.filter((x) => !x.ok).map((x) => x.heuristic).join(', ')})`, c.note ?? '']),
      Infinity,
    ),
  ];
}

function rewrite(a: DecompositionAssessment): Block[] {
  const r = a.rewrite;
  const row = (label: string, f: DecompositionAssessment['rewrite']['repository'], lean?: { leansRewrite: string[]; leansReuse: string[] }) => [
    label,
    f.medianAgeDays ?? '',
    f.churn ?? '',
    pct(f.recentlyChangedShare),
    f.hotspotsPerKloc ?? '',
    f.complexityPer100Lines ?? '',
    pct(f.deadShare),
    pct(f.testedShare),
    lean ? lean.leansRewrite.join('; ') : '',
    lean ? lean.leansReuse.join('; ') : '',
  ];
  return [
    h2('Reuse or rewrite: the evidence'),
    note(`Evidence for the workshop, not a verdict. ${r.method}.`),
    table(
      ['Context', 'Median age (days)', `Churn (${r.repository.churnUnit ?? 'n/a'})`, 'Changed in 90 days', 'Hotspots per 1,000 lines', 'Decisions per 100 lines', 'Dead', 'Tested', 'Leans rewrite', 'Leans reuse'],
      [...r.contexts.map((c) => row(c.name, c.figures, c)), row('(repository)', r.repository)],
      Infinity,
    ),
  ];
}
