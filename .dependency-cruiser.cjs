/**
 * DESIGN.md §1's rules, stated literally and checked on every `npm test`; no exception lists.
 * - cli -> main -> {collect, classify, analyze, cluster, score, plan, report} -> model; nothing imports cli.
 *   src/index.ts (the library entry) sits beside cli: both are entries into main.
 * - The CLI imports main, config, result, the report registry and model (the shared leaf: types, UsageError).
 * - model (types, ids, sorting, shared pure helpers) is a leaf.
 * - Stages never import main or cli; a stage reads an earlier stage's result types (type-only) and
 *   never a later stage; config is read by stages as types only.
 * - config (defaults, config file, validation) imports model and reads files through collect/files.
 * - Only collect/, config/ and cli/ (which writes the reports) touch the file system, git or a parser.
 * - page/ is report.html's browser program (bundled into the page): it runs the pure stages (cluster,
 *   score, plan, model and the decision file's writer in report/) on the embedded model for the what-if,
 *   and reads other stages' types only; nothing else imports it, except its data types.
 */
const STAGES = ['collect', 'classify', 'analyze', 'cluster', 'score', 'plan', 'report'];
const OUTSIDE_WORLD = '^(node:)?(fs|child_process)$|^(typescript|ts-morph|web-tree-sitter|tree-sitter-java|node-sql-parser|yaml|fast-xml-parser|@mrleebo/prisma-ast)$';

const rules = [
  { name: 'nothing-imports-cli', severity: 'error', from: { pathNot: '^src/cli/' }, to: { path: '^src/cli/' } },
  {
    name: 'cli-imports-main-config-result-report-registry',
    severity: 'error',
    from: { path: '^src/cli/' },
    to: { path: '^src/', pathNot: '^src/(cli|main|config|result|model)/|^src/report/registry\\.ts$' },
  },
  { name: 'model-is-a-leaf', severity: 'error', from: { path: '^src/model/' }, to: { path: '^src/', pathNot: '^src/model/' } },
  { name: 'only-the-entries-and-main-import-main', severity: 'error', from: { path: '^src/', pathNot: '^src/(cli|main)/|^src/index\\.ts$' }, to: { path: '^src/main/' } },
  { name: 'config-imports-model-and-the-file-reader', severity: 'error', from: { path: '^src/config/' }, to: { path: '^src/', pathNot: '^src/(config|model)/|^src/collect/files/' } },
  { name: 'stages-read-config-types-only', severity: 'error', from: { path: `^src/(${STAGES.join('|')}|result)/` }, to: { path: '^src/config/', dependencyTypesNot: ['type-only'] } },
  { name: 'result-holds-types-and-their-check', severity: 'error', from: { path: '^src/result/' }, to: { path: '^src/', pathNot: '^src/(result|model)/', dependencyTypesNot: ['type-only'] } },
  { name: 'only-collect-config-cli-touch-the-outside-world', severity: 'error', from: { path: '^src/', pathNot: '^src/(collect|config|cli)/' }, to: { path: OUTSIDE_WORLD, dependencyTypesNot: ['type-only'] } },
  { name: 'page-runs-the-pure-stages-only', severity: 'error', from: { path: '^src/page/' }, to: { path: '^src/', pathNot: '^src/(page|model|cluster|score|plan)/|^src/report/decision-file-text\\.ts$', dependencyTypesNot: ['type-only'] } },
  { name: 'only-the-page-imports-page-code', severity: 'error', from: { path: '^src/', pathNot: '^src/page/' }, to: { path: '^src/page/', dependencyTypesNot: ['type-only'] } },
  { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
];
STAGES.forEach((stage, i) => {
  const later = STAGES.slice(i + 1);
  const earlier = STAGES.slice(0, i);
  if (later.length > 0) rules.push({ name: `${stage}-never-imports-a-later-stage`, severity: 'error', from: { path: `^src/${stage}/` }, to: { path: `^src/(${later.join('|')})/` } });
  if (earlier.length > 0) {
    rules.push({ name: `${stage}-reads-earlier-stages-as-types`, severity: 'error', from: { path: `^src/${stage}/` }, to: { path: `^src/(${earlier.join('|')})/`, dependencyTypesNot: ['type-only'] } });
  }
});

module.exports = {
  forbidden: rules,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};
