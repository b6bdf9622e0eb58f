/**
 * The architecture rules of DESIGN.md §1, checked on every `npm test`:
 * cli -> main -> {collect, analyze, report, ...} -> model; nothing imports cli; only collect/ and
 * config/ (and the cli, which writes files) touch the file system, git or a parser.
 */
module.exports = {
  forbidden: [
    { name: 'nothing-imports-cli', severity: 'error', from: { pathNot: '^src/cli/' }, to: { path: '^src/cli/' } },
    {
      name: 'cli-uses-only-main-config-report',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: '^src/(cli|main|config|report|model|result)/' },
    },
    {
      name: 'model-is-a-leaf',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/(model|collect/code/code-facts\\.ts|collect/db/db-facts\\.ts|collect/history/history-facts\\.ts)' },
    },
    {
      name: 'analyses-are-pure',
      severity: 'error',
      from: { path: '^src/(analyze|report)/' },
      // Result types may be imported (type-only); code may not.
      to: { path: '^src/(collect|cli|main)/|^(node:)?(fs|child_process)$|^typescript$|^ts-morph$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'reporters-do-not-call-analyzers',
      severity: 'error',
      from: { path: '^src/report/' },
      // Type-only imports of result types are allowed.
      to: { path: '^src/analyze/', dependencyTypesNot: ['type-only'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};
