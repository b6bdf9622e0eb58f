/**
 * The TypeScript/JavaScript adapter: imports by the compiler's fast path; then (unless --no-symbols)
 * calls and inheritance, resolved from the same parse by syntax (resolve-symbol-edges.ts), or with
 * --deep through ts-morph's type checker (slower: a whole program is built; loaded only then).
 * It also reads package.json files (entry points, declared packages, workspace roots), so it claims
 * them as well as the code files.
 */
import type { LanguageAdapter } from '../language-adapter.js';
import { CODE_FILE, collectTypescript } from './collect-typescript.js';
import { resolveSymbolEdges } from './resolve-symbol-edges.js';
import { isTestPath } from '../../files/test-paths.js';
import { pushAll } from '../../../model/group.js';

export const typescriptAdapter: LanguageAdapter = {
  name: 'typescript',
  claims: (path) => CODE_FILE.test(path) || path === 'package.json' || path.endsWith('/package.json'),
  isTest: (path) => CODE_FILE.test(path) && isTestPath(path),
  async collect(root, listing, options, onProgress) {
    // A scoped run (check --since) wants the imports as written: no symbol stage.
    const symbols = options.symbols && options.scope === undefined;
    const facts = collectTypescript(root, listing, { ...options, sketch: symbols && !options.deep }, onProgress);
    if (symbols && options.deep) {
      const { collectSymbolEdges } = await import('./collect-symbol-edges.js');
      const symbols = collectSymbolEdges(facts.texts, facts.resolvedImports, onProgress);
      pushAll(facts.edges, symbols.edges);
      pushAll(facts.diagnostics, symbols.diagnostics);
    } else if (symbols) {
      onProgress({ stage: 'symbols', done: 0, total: facts.sketches.size });
      pushAll(facts.edges, resolveSymbolEdges(facts.sketches, facts.resolvedImports));
      onProgress({ stage: 'symbols', done: facts.sketches.size, total: facts.sketches.size });
    }
    const { resolvedImports: _forSymbolsOnly, sketches: _sketchesToo, texts, dependencies, ...code } = facts;
    return { ...code, db: { texts, dependencies } };
  },
};
