/**
 * A layout for thousands of modules that keeps contexts apart and costs nothing to compute: each
 * context (group) is a square block of its modules in path order (folder-mates side by side), blocks
 * placed largest first on shelves (rows) about as wide as the square root of the total area. Linear in
 * modules, deterministic, no force simulation: cytoscape draws it with its `preset` layout.
 * Input: groups in display order, each with its module ids. Output: per module its position, per group
 * its box (for labels and the minimap).
 */

export interface Block {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Distance between two modules in a block; blocks keep two cells between them. */
export const CELL = 40;

export function blockLayout(groups: readonly { id: string; modules: readonly string[] }[]): { positions: Map<string, { x: number; y: number }>; blocks: Block[] } {
  const sized = groups
    .filter((g) => g.modules.length > 0)
    .map((g) => {
      const cols = Math.ceil(Math.sqrt(g.modules.length));
      return { ...g, cols, rows: Math.ceil(g.modules.length / cols) };
    })
    .sort((a, b) => b.modules.length - a.modules.length || (a.id < b.id ? -1 : 1));
  const area = sized.reduce((n, g) => n + (g.cols + 2) * (g.rows + 3), 0);
  const shelfWidth = Math.max(...sized.map((g) => g.cols + 2), Math.ceil(Math.sqrt(area) * 1.2));
  const positions = new Map<string, { x: number; y: number }>();
  const blocks: Block[] = [];
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const g of sized) {
    if (x > 0 && x + g.cols + 2 > shelfWidth) {
      x = 0;
      y += shelf;
      shelf = 0;
    }
    const sorted = [...g.modules].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // One row of cells above each block for its label.
    sorted.forEach((m, i) => positions.set(m, { x: (x + 1 + (i % g.cols)) * CELL, y: (y + 2 + Math.floor(i / g.cols)) * CELL }));
    blocks.push({ id: g.id, x: (x + 0.5) * CELL, y: (y + 1) * CELL, width: (g.cols + 1) * CELL, height: (g.rows + 1.5) * CELL });
    x += g.cols + 2;
    shelf = Math.max(shelf, g.rows + 3);
  }
  return { positions, blocks };
}
