/**
 * The TypeScript/JavaScript adapter: imports by the compiler's fast path, then (unless --no-symbols)
 * calls and inheritance through ts-morph's checker. It also reads package.json files (entry points,
 * declared packages, workspace roots), so it claims them as well as the code files.
 */
import type { LanguageAdapter } from '../language-adapter.js';
import { collectSymbolEdges } from './collect-symbol-edges.js';
import { CODE_FILE, collectTypescript } from './collect-typescript.js';

export const typescriptAdapter: LanguageAdapter = {
  name: 'typescript',
  claims: (path) => CODE_FILE.test(path) || path === 'package.json' || path.endsWith('/package.json'),
  async collect(root, listing, options, onProgress) {
    const facts = collectTypescript(root, listing, options, onProgress);
    if (options.symbols) {
      const symbols = collectSymbolEdges(facts.texts, facts.resolvedImports, onProgress);
      facts.edges.push(...symbols.edges);
      facts.diagnostics.push(...symbols.diagnostics);
    }
    const { resolvedImports: _forSymbolsOnly, texts, dependencies, ...code } = facts;
    return { ...code, db: { texts, dependencies } };
  },
};
