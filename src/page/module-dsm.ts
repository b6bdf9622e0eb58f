/**
 * The clustered dependency structure matrix: every module a row and a column, ordered by context and
 * then path, so what a context holds is a block on the diagonal and every mark outside the blocks is a
 * dependency across contexts. Drawn on a canvas (a module per pixel or more; up to 900 pixels across,
 * several modules share a pixel beyond that), row depends on column; hovering names the cell.
 */

export function drawModuleDsm(
  host: HTMLElement,
  modules: readonly { id: string; ctx: string }[],
  edges: readonly { s: string; t: string; w: number }[],
  contextOrder: readonly string[],
  colourOf: (ctx: string) => string,
  nameOf: (ctx: string) => string,
): HTMLCanvasElement {
  // Contexts in display order, set-asides ('') last.
  const rank = new Map(contextOrder.map((c, i) => [c, i]));
  const rankOf = (c: string) => rank.get(c) ?? contextOrder.length;
  const order = [...modules].sort((a, b) => rankOf(a.ctx) - rankOf(b.ctx) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(order.map((m, i) => [m.id, i]));
  const n = Math.max(1, order.length);
  const size = Math.min(900, Math.max(200, n));
  const cell = size / n;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  canvas.className = 'dsm';
  canvas.setAttribute('aria-label', `dependency matrix of ${order.length} modules ordered by context`);
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    // Context blocks on the diagonal, in their colour.
    let start = 0;
    for (let i = 1; i <= order.length; i++) {
      if (i === order.length || order[i]!.ctx !== order[start]!.ctx) {
        ctx.fillStyle = colourOf(order[start]!.ctx);
        ctx.globalAlpha = 0.15;
        ctx.fillRect(start * cell, start * cell, (i - start) * cell, (i - start) * cell);
        ctx.globalAlpha = 1;
        ctx.strokeStyle = colourOf(order[start]!.ctx);
        ctx.strokeRect(start * cell, start * cell, (i - start) * cell, (i - start) * cell);
        start = i;
      }
    }
    ctx.fillStyle = '#1d2433';
    for (const e of edges) {
      const r = index.get(e.s);
      const c = index.get(e.t);
      if (r === undefined || c === undefined) continue;
      ctx.fillRect(c * cell, r * cell, Math.max(1, cell), Math.max(1, cell));
    }
  }
  const label = document.createElement('p');
  label.className = 'dim';
  label.textContent = 'Hover the matrix: row depends on column.';
  canvas.addEventListener('mousemove', (ev) => {
    const rect = canvas.getBoundingClientRect();
    const row = order[Math.floor((ev.clientY - rect.top) / cell)];
    const col = order[Math.floor((ev.clientX - rect.left) / cell)];
    if (row && col) label.textContent = `${row.id} (${nameOf(row.ctx)}) -> ${col.id} (${nameOf(col.ctx)})`;
  });
  host.appendChild(canvas);
  host.appendChild(label);
  return canvas;
}
