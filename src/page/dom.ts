/** DOM helpers of report.html's page: elements with text only (never HTML), sortable tables. */

export function el(tag: string, text?: string | number | null, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

export const byId = (id: string): HTMLElement => document.getElementById(id)!;

export function button(text: string, onClick: () => void, cls?: string): HTMLButtonElement {
  const b = el('button', text, cls) as HTMLButtonElement;
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** A select of `[value, label]` options. */
export function select(options: [string, string][], label: string): HTMLSelectElement {
  const s = el('select') as HTMLSelectElement;
  s.setAttribute('aria-label', label);
  options.forEach(([value, text]) => {
    const o = el('option', text) as HTMLOptionElement;
    o.value = value;
    s.appendChild(o);
  });
  return s;
}

function sortable(table: HTMLElement): void {
  table.querySelectorAll<HTMLElement>('th').forEach((th, i) =>
    th.addEventListener('click', () => {
      const rows = Array.prototype.slice.call(table.querySelectorAll('tr'), 1) as HTMLElement[];
      const dir = th.dataset.dir === 'asc' ? -1 : 1;
      th.dataset.dir = dir === 1 ? 'asc' : 'desc';
      rows.sort((a, b) => {
        const x = a.children[i]!.textContent ?? '';
        const y = b.children[i]!.textContent ?? '';
        const nx = parseFloat(x);
        const ny = parseFloat(y);
        if (!isNaN(nx) && !isNaN(ny)) return (nx - ny) * dir;
        return x < y ? -dir : x > y ? dir : 0;
      });
      rows.forEach((r) => table.appendChild(r));
    }),
  );
}

export function table(host: HTMLElement, head: string[], rows: (string | number)[][]): HTMLElement {
  const t = el('table');
  const tr = el('tr');
  head.forEach((h) => tr.appendChild(el('th', h)));
  t.appendChild(tr);
  rows.forEach((r) => {
    const row = el('tr');
    r.forEach((c) => {
      const td = el('td', c);
      if (typeof c === 'number') td.className = 'num';
      row.appendChild(td);
    });
    t.appendChild(row);
  });
  host.appendChild(t);
  sortable(t);
  return t;
}
