/**
 * The what-if panel of report.html: the decision file the page started from, edited by moves, merges,
 * splits and pins (decision-edits.ts), re-scored at once by the same functions as analyze
 * (what-if.ts), with undo and "download decision file". No server, no network: the file is offered as
 * a blob download.
 */
import type { DecisionFile } from '../model/decision-file.js';
import { decisionFileText } from '../report/decision-file-text.js';
import { mergeContexts, moveModules, splitContext, type Target } from './decision-edits.js';
import { button, el, select } from './dom.js';
import type { WhatIfData } from './page-data.js';
import type { Figures } from '../plan/headline-figures.js';
import { evaluate, type Evaluation } from './what-if.js';

const ROWS: [keyof Figures, string, 'up' | 'down'][] = [
  ['contexts', 'Contexts', 'up'],
  ['meanCohesion', 'Mean cohesion', 'up'],
  ['meanCoupling', 'Mean coupling', 'down'],
  ['modularity', 'Modularity Q', 'up'],
  ['interCallPercentage', 'ICP (calls across)', 'down'],
  ['interfaceNumber', 'IFN (API modules per context)', 'down'],
  ['nonExtremeDistribution', 'NED (modules in too small or big contexts)', 'down'],
  ['crossingForeignKeys', 'Foreign keys across contexts', 'down'],
  ['crossingJoins', 'Joins across contexts', 'down'],
  ['crossingTransactions', 'Transactions across contexts', 'down'],
  ['planCost', 'Plan cost', 'down'],
];

export interface WhatIf {
  /** The decomposition now (null before the first edit: the analysis as written). */
  current(): Evaluation | null;
  move(modules: string[], target: Target): void;
  merge(from: string, into: string): void;
  split(modules: string[], name: string): string;
  undo(): void;
  figures(): Figures | null;
  /** The decision file now, as it would download. */
  text(): string;
  /** Context ids and names a module can move to. */
  targets(): [string, string][];
}

export function mountWhatIf(host: HTMLElement, data: WhatIfData, onChange: (now: Evaluation | null) => void): WhatIf {
  const history: DecisionFile[] = [];
  let file = data.base;
  let base: Evaluation | null = null;
  let now: Evaluation | null = null;
  const figuresHost = el('div');
  const log = el('ol', null, 'log');
  const undoButton = button('Undo', () => api.undo());
  const download = button('Download decision file', () => {
    const url = URL.createObjectURL(new Blob([decisionFileText(file)], { type: 'application/yaml' }));
    const a = el('a') as HTMLAnchorElement;
    a.href = url;
    a.download = 'msa-split.decomposition.yaml';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  host.appendChild(el('h3', 'What-if'));
  host.appendChild(el('p', 'Move a module or its folder, pin it to the kernel or platform (module panel); merge or split a context (context panel). The figures are recomputed here with the formulas of analyze; download the decision file and run analyze --decomposition on it for the full report.', 'dim'));
  host.appendChild(figuresHost);
  const buttons = el('p');
  buttons.appendChild(undoButton);
  buttons.appendChild(document.createTextNode(' '));
  buttons.appendChild(download);
  host.appendChild(buttons);
  host.appendChild(log);

  function render(notify = true): void {
    figuresHost.textContent = '';
    undoButton.disabled = history.length === 0;
    // Printed only when something changed.
    host.classList.toggle('changed', now !== null);
    if (!now || !base) {
      figuresHost.appendChild(el('p', 'No change yet: the figures are the analysis.', 'dim'));
    } else {
      const t = el('table', null, 'figures');
      const head = el('tr');
      ['Figure', 'Analysis', 'Now', 'Change'].forEach((h) => head.appendChild(el('th', h)));
      t.appendChild(head);
      for (const [key, label, better] of ROWS) {
        const was = base.figures[key];
        const is = now.figures[key];
        const delta = Math.round((is - was) * 1000) / 1000;
        const row = el('tr');
        row.dataset.figure = key;
        row.appendChild(el('td', label));
        row.appendChild(el('td', was, 'num'));
        row.appendChild(el('td', is, 'num'));
        const change = el('td', delta === 0 ? '' : `${delta > 0 ? '+' : ''}${delta}`, 'num');
        if (delta !== 0 && key !== 'contexts') change.classList.add((delta > 0) === (better === 'up') ? 'better' : 'worse');
        row.appendChild(change);
        t.appendChild(row);
      }
      figuresHost.appendChild(t);
    }
    log.textContent = '';
    (file.decisions ?? []).slice((data.base.decisions ?? []).length).forEach((d) => log.appendChild(el('li', d.what)));
    if (notify) onChange(now);
  }

  function apply(next: DecisionFile): void {
    base ??= evaluate(data, data.base);
    history.push(file);
    file = next;
    now = evaluate(data, file);
    render();
  }

  const membersOf = (id: string): string[] => (now ?? base ?? (base = evaluate(data, data.base))).decomposition.contexts.find((c) => c.id === id)?.modules ?? [];

  const api: WhatIf = {
    current: () => now,
    move: (modules, target) => {
      if (modules.length > 0) apply(moveModules(file, modules, target));
    },
    merge: (from, into) => apply(mergeContexts(file, from, into, membersOf(from))),
    split: (modules, name) => {
      const done = splitContext(file, modules, name);
      apply(done.file);
      return done.id;
    },
    undo: () => {
      const previous = history.pop();
      if (!previous) return;
      file = previous;
      now = history.length === 0 ? null : evaluate(data, file);
      render();
    },
    figures: () => now?.figures ?? null,
    text: () => decisionFileText(file),
    targets: () => file.contexts.map((c): [string, string] => [c.id, c.name ?? c.id]),
  };
  render(false);
  // The analysis's own figures are the baseline of every change: computed when the page is idle, so
  // the first move costs one evaluation, not two (about a second each at 8,000 modules).
  const idle = (window as unknown as { requestIdleCallback?: (f: () => void, o: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(() => void (base ??= evaluate(data, data.base)), { timeout: 5000 });
  return api;
}

/** The module panel's controls: move it (or its folder) to a context, pin it to the kernel or platform. */
export function moduleControls(whatIf: WhatIf, module: string, folderModules: string[]): HTMLElement {
  const box = el('div', null, 'whatif-controls');
  box.appendChild(el('b', 'What-if'));
  const target = select([...whatIf.targets(), ['kernel', 'shared kernel'], ['platform', 'platform']], 'move to');
  const row = el('p');
  row.appendChild(document.createTextNode('move to '));
  row.appendChild(target);
  row.appendChild(document.createTextNode(' '));
  row.appendChild(button('Move', () => whatIf.move([module], target.value), 'move'));
  if (folderModules.length > 1) row.appendChild(button(`Move its folder (${folderModules.length} modules)`, () => whatIf.move(folderModules, target.value), 'move-folder'));
  box.appendChild(row);
  return box;
}

/** The context panel's controls: merge it into another, split off the ticked modules. */
export function contextControls(whatIf: WhatIf, context: string, modules: string[]): HTMLElement {
  const box = el('div', null, 'whatif-controls');
  box.appendChild(el('b', 'What-if'));
  const others = whatIf.targets().filter(([id]) => id !== context);
  if (whatIf.targets().some(([id]) => id === context) && others.length > 0) {
    const into = select(others, 'merge into');
    const row = el('p');
    row.appendChild(document.createTextNode('merge into '));
    row.appendChild(into);
    row.appendChild(document.createTextNode(' '));
    row.appendChild(button('Merge', () => whatIf.merge(context, into.value), 'merge'));
    box.appendChild(row);
  }
  const picks = el('div', null, 'picks');
  modules.forEach((m) => {
    const label = el('label');
    const box2 = el('input') as HTMLInputElement;
    box2.type = 'checkbox';
    box2.value = m;
    label.appendChild(box2);
    label.appendChild(document.createTextNode(` ${m}`));
    picks.appendChild(label);
  });
  const name = el('input') as HTMLInputElement;
  name.placeholder = 'name of the new context';
  name.setAttribute('aria-label', 'name of the new context');
  const split = button('Split off the ticked modules', () => {
    const ticked = Array.prototype.slice.call(picks.querySelectorAll('input:checked')).map((x: HTMLInputElement) => x.value) as string[];
    if (ticked.length > 0) whatIf.split(ticked, name.value.trim() || 'split');
  }, 'split');
  const details = el('details');
  details.appendChild(el('summary', 'split: pick modules'));
  details.appendChild(picks);
  details.appendChild(name);
  details.appendChild(split);
  box.appendChild(details);
  return box;
}
