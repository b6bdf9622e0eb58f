/**
 * The TypeScript/JavaScript adapter's symbol stage: calls, `new`, JSX use, `extends` and `implements`
 * that cross files, each counted with file:line evidence.
 * Input: file texts and the specifier -> file map from the fast stage. Output: file-level edges.
 * How: a ts-morph Project over an in-memory copy of the files (the repository is never read again,
 * never written), module resolution answered from the fast stage's map, no default lib (only symbols
 * declared in the repository matter). One walk per file over call/new/JSX/heritage nodes, asking the
 * checker for each callee's declaration; never `findReferences` per symbol (quadratic on large repos).
 */
import { Project, ts } from 'ts-morph';
import type { Diagnostic } from '../../../model/types.js';
import type { FileEdge } from '../../../model/facts/code-facts.js';
import type { ProgressListener } from '../../../model/progress.js';
import { excerpt } from '../excerpt.js';
import { enclosingMember } from './enclosing-member.js';
import { scriptKindFor } from './scan-source.js';

const VIRTUAL_ROOT = '/repo/';

export interface SymbolEdges {
  edges: FileEdge[];
  diagnostics: Diagnostic[];
}

export function collectSymbolEdges(
  texts: ReadonlyMap<string, string>,
  resolvedImports: ReadonlyMap<string, ReadonlyMap<string, string>>,
  onProgress: ProgressListener = () => {},
): SymbolEdges {
  const toVirtual = (rel: string) => VIRTUAL_ROOT + rel;
  const fromVirtual = (abs: string) => (abs.startsWith(VIRTUAL_ROOT) ? abs.slice(VIRTUAL_ROOT.length) : undefined);
  onProgress({ stage: 'program', done: 0, total: texts.size });
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      allowJs: true,
      checkJs: false,
      noLib: true,
      types: [],
      jsx: ts.JsxEmit.Preserve,
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      noEmit: true,
    },
    resolutionHost: () => ({
      resolveModuleNames: (moduleNames: string[], containingFile: string) => {
        const rel = fromVirtual(containingFile);
        const map = rel === undefined ? undefined : resolvedImports.get(rel);
        return moduleNames.map((name) => {
          const target = map?.get(name);
          if (!target) return undefined;
          return { resolvedFileName: toVirtual(target), extension: extensionOf(target), isExternalLibraryImport: false };
        });
      },
    }),
  });
  for (const [rel, text] of texts) {
    project.createSourceFile(toVirtual(rel), text, { overwrite: true, scriptKind: scriptKindFor(rel) as unknown as ts.ScriptKind });
  }
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  onProgress({ stage: 'symbols', done: 0, total: texts.size });
  const edges: FileEdge[] = [];
  const diagnostics: Diagnostic[] = [];
  let done = 0;
  const total = texts.size;

  for (const rel of texts.keys()) {
    const sf = program.getSourceFile(toVirtual(rel));
    if (!sf) continue;
    const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const declaringFile = (node: ts.Node): string | undefined => {
      let symbol = checker.getSymbolAtLocation(node);
      if (!symbol) return undefined;
      if (symbol.flags & ts.SymbolFlags.Alias) {
        try {
          symbol = checker.getAliasedSymbol(symbol);
        } catch {
          return undefined;
        }
      }
      const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
      if (!decl) return undefined;
      const target = fromVirtual(decl.getSourceFile().fileName);
      return target !== undefined && target !== rel && texts.has(target) ? target : undefined;
    };
    const add = (kind: FileEdge['kind'], at: ts.Node, target: string | undefined, shown: ts.Node) => {
      if (!target) return;
      // ts-morph's compiler is TypeScript 6.0 too: its nodes have the kinds the shared helper tests.
      const member = enclosingMember(at as unknown as Parameters<typeof enclosingMember>[0]);
      edges.push({ kind, from: rel, to: target, evidence: { file: rel, line: lineOf(at), text: excerpt(shown.getText(sf)), ...(member ? { member } : {}) } });
    };
    const calleeName = (expr: ts.Expression): ts.Node => {
      if (ts.isPropertyAccessExpression(expr)) return expr.name;
      if (ts.isElementAccessExpression(expr)) return expr.argumentExpression;
      return expr;
    };
    const visit = (node: ts.Node): void => {
      try {
        if (ts.isCallExpression(node)) {
          if (node.expression.kind !== ts.SyntaxKind.ImportKeyword) add('call', node, declaringFile(calleeName(node.expression)), node.expression);
        } else if (ts.isNewExpression(node)) {
          add('call', node, declaringFile(calleeName(node.expression)), node);
        } else if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
          add('call', node, declaringFile(node.tagName), node.tagName);
        } else if (ts.isHeritageClause(node)) {
          const owner = node.parent;
          const kind = node.token === ts.SyntaxKind.ImplementsKeyword ? 'implements' : 'extends';
          for (const type of node.types) add(kind, type, declaringFile(calleeName(type.expression)), owner.name ?? type);
        }
      } catch (error) {
        diagnostics.push({
          severity: 'warning',
          code: 'symbol-resolution-failed',
          message: `type checker failed on this expression: ${(error as Error).message}`,
          file: rel,
          line: lineOf(node),
        });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (++done % 200 === 0) onProgress({ stage: 'symbols', done, total });
  }
  onProgress({ stage: 'symbols', done: total, total });
  return { edges, diagnostics };
}

function extensionOf(file: string): ts.Extension {
  if (file.endsWith('.tsx')) return ts.Extension.Tsx;
  if (file.endsWith('.mts')) return ts.Extension.Mts;
  if (file.endsWith('.cts')) return ts.Extension.Cts;
  if (file.endsWith('.ts')) return ts.Extension.Ts;
  if (file.endsWith('.jsx')) return ts.Extension.Jsx;
  if (file.endsWith('.mjs')) return ts.Extension.Mjs;
  if (file.endsWith('.cjs')) return ts.Extension.Cjs;
  return ts.Extension.Js;
}

