/** A Decomposition from a compact map: context id -> modules (names are the ids). */
import type { Decomposition } from '../../src/model/types.js';

export function tinyDecomposition(contexts: Record<string, string[]>, options: { kernel?: string[]; tables?: Record<string, string[]>; merges?: { a: string; b: string }[]; lines?: Record<string, number>; terms?: Record<string, string[]> } = {}): Decomposition {
  return {
    method: 'test',
    contexts: Object.entries(contexts).map(([id, modules]) => ({
      id,
      name: id,
      modules: [...modules].sort(),
      tables: options.tables?.[id] ?? [],
      lines: modules.reduce((n, m) => n + (options.lines?.[m] ?? 10), 0),
      ...(options.terms?.[id] ? { terms: options.terms[id] } : {}),
    })),
    kernel: options.kernel ?? [],
    confidence: [],
    ...(options.merges ? { merges: options.merges } : {}),
  };
}
