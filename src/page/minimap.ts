/**
 * A minimap for the graph: every node as a dot in its colour, the visible part as a rectangle; a click
 * centres the graph there. Drawn on a small canvas from cytoscape's positions (redrawn on pan and zoom,
 * at most once a frame).
 */

/** The part of cytoscape's API the minimap uses. */
export interface MinimapGraph {
  nodes(): { forEach(f: (n: { position(): { x: number; y: number }; data(key: string): unknown; isParent(): boolean }) => void): void };
  extent(): { x1: number; y1: number; x2: number; y2: number };
  elements(): { boundingBox(): { x1: number; y1: number; w: number; h: number } };
  pan(p?: { x: number; y: number }): { x: number; y: number };
  zoom(): number;
  width(): number;
  height(): number;
  on(event: string, handler: () => void): void;
}

export function attachMinimap(canvas: HTMLCanvasElement, cy: MinimapGraph): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let queued = false;
  const box = () => cy.elements().boundingBox();
  const scale = () => {
    const b = box();
    return Math.min(canvas.width / Math.max(1, b.w), canvas.height / Math.max(1, b.h));
  };
  const draw = () => {
    queued = false;
    const b = box();
    const s = scale();
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    cy.nodes().forEach((n) => {
      if (n.isParent()) return;
      const p = n.position();
      ctx.fillStyle = String(n.data('colour') ?? '#889');
      ctx.fillRect((p.x - b.x1) * s - 1, (p.y - b.y1) * s - 1, 2, 2);
    });
    const e = cy.extent();
    ctx.strokeStyle = '#e8590c';
    ctx.lineWidth = 1.5;
    ctx.strokeRect((e.x1 - b.x1) * s, (e.y1 - b.y1) * s, (e.x2 - e.x1) * s, (e.y2 - e.y1) * s);
  };
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(draw);
  };
  cy.on('viewport', later);
  cy.on('render', later);
  canvas.onclick = (ev) => {
    const rect = canvas.getBoundingClientRect();
    const b = box();
    const s = scale();
    const x = (ev.clientX - rect.left) / s + b.x1;
    const y = (ev.clientY - rect.top) / s + b.y1;
    cy.pan({ x: cy.width() / 2 - x * cy.zoom(), y: cy.height() / 2 - y * cy.zoom() });
  };
  draw();
}
