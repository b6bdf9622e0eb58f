/**
 * `msa-split init`: a commented msa-split.config.yaml to start from, written from a quick analysis.
 * Input: an AnalysisResult (code and database stages). Output: YAML text with every option at its
 * default (commented out, with its help line), plus what was detected: frameworks (from the packages
 * imported), entry points (from the collectors' rules) and shared-kernel guesses (modules used from
 * several areas), so the user edits a file that already speaks about their repository.
 */
import { OPTION_GROUPS, OPTION_TABLE, SHOWN_DEFAULTS, type OptionKey } from '../config/option-table.js';
import { compareStrings } from '../model/compare.js';
import type { AnalysisResult } from '../result/analysis-result.js';

/** Package name (itself, or a parent of `name/...` or `name.…`) -> the framework it stands for. */
const FRAMEWORK_PACKAGES: readonly [string, string][] = [
  ['@nestjs', 'NestJS'],
  ['express', 'Express'],
  ['fastify', 'Fastify'],
  ['koa', 'Koa'],
  ['next', 'Next.js'],
  ['@angular', 'Angular'],
  ['vue', 'Vue'],
  ['react', 'React'],
  ['@prisma/client', 'Prisma'],
  ['typeorm', 'TypeORM'],
  ['@mikro-orm', 'MikroORM'],
  ['sequelize', 'Sequelize'],
  ['mongoose', 'Mongoose'],
  ['knex', 'Knex'],
  ['objection', 'Objection'],
  ['org.springframework', 'Spring'],
  ['javax.persistence', 'JPA'],
  ['jakarta.persistence', 'JPA'],
  ['org.hibernate', 'Hibernate'],
  ['org.springframework.data.jpa', 'Spring Data JPA'],
  ['org.apache.ibatis', 'MyBatis'],
  ['org.mybatis', 'MyBatis'],
  ['javax.ejb', 'Java EE (EJB)'],
  ['jakarta.ejb', 'Java EE (EJB)'],
  ['javax.ws.rs', 'JAX-RS'],
  ['jakarta.ws.rs', 'JAX-RS'],
];

const yamlString = (s: string): string => JSON.stringify(s);
const comment = (s: string): string => s.replace(/[\r\n]+/g, ' ');

/** Frameworks whose packages the code imports, each with the number of importing modules. */
export function detectFrameworks(result: AnalysisResult): { name: string; modules: number; via: string }[] {
  const found = new Map<string, { modules: Set<string>; via: Set<string> }>();
  for (const e of result.model.externals) {
    // (Java's javax.* and jakarta.* count as builtins; Node's builtins match no row.)
    for (const [pkg, name] of FRAMEWORK_PACKAGES) {
      const hit = e.name === pkg || e.name.startsWith(`${pkg}/`) || e.name.startsWith(`${pkg}.`);
      if (!hit) continue;
      const f = found.get(name) ?? { modules: new Set<string>(), via: new Set<string>() };
      for (const m of e.importedBy) f.modules.add(m.module);
      f.via.add(e.name);
      found.set(name, f);
    }
  }
  return [...found]
    .map(([name, f]) => ({ name, modules: f.modules.size, via: [...f.via].sort(compareStrings).slice(0, 3).join(', ') }))
    .sort((a, b) => b.modules - a.modules || compareStrings(a.name, b.name));
}

export function renderStarterConfig(result: AnalysisResult): string {
  const lines: string[] = [
    `# msa-split configuration for ${comment(result.model.root)}, written by msa-split ${result.tool.version} init.`,
    '# Every option is shown at its default, commented out; uncomment and edit what you need.',
    '# Flags given on the command line win over this file. Schema: schema/msa-split.config.schema.json',
    '',
  ];
  const frameworks = detectFrameworks(result);
  lines.push('# Detected frameworks (from the packages the code imports):');
  if (frameworks.length === 0) lines.push('#   none recognised');
  for (const f of frameworks) lines.push(`#   ${f.name}: ${f.modules} modules (${comment(f.via)})`);
  const entries = result.model.modules.filter((m) => m.entryPoint).sort((a, b) => compareStrings(a.id, b.id));
  lines.push('', `# Entry points found (${entries.length}); add others under entryPoints so they are never reported as dead code:`);
  for (const m of entries.slice(0, 15)) lines.push(`#   ${comment(m.id)}: ${comment(m.entryPoint!)}`);
  if (entries.length > 15) lines.push(`#   ... ${entries.length - 15} more`);
  const kernel = result.analyses.sharedKernel.candidates;
  lines.push('', `# Shared-kernel guesses (${kernel.length}): modules used from ${result.analyses.sharedKernel.minAreas} or more other areas.`);
  lines.push('# They are kernel candidates, not decisions: a domain entity used everywhere may be a core concept to split');
  lines.push('# around rather than a library. Uncomment the ones that are shared technical code.');
  lines.push('');
  for (const group of OPTION_GROUPS) {
    lines.push(`# --- ${group} ---`);
    for (const key of (Object.keys(OPTION_TABLE) as OptionKey[]).filter((k) => OPTION_TABLE[k].group === group)) {
      const spec = OPTION_TABLE[key];
      if (spec.setBy === 'flag' || key === 'out') continue;
      lines.push(`# ${comment(spec.schema.description ?? key)}`);
      if (key === 'kernel' && kernel.length > 0) {
        lines.push('# kernel:');
        for (const k of kernel.slice(0, 10)) lines.push(`#   - ${yamlString(k.module)}   # used from ${k.dependentAreas.length} areas`);
        continue;
      }
      const value = SHOWN_DEFAULTS[key];
      if (key === 'weights') lines.push('# weights: { code: 1, data: 1, history: 1, kinds: { call: 1, tableAccess: 2, coChange: 6 } }');
      else if (key === 'roles') lines.push('# roles: { "src/legacy/**": "tooling", "src/app/bootstrap.ts": "configuration" }');
      else if (value === undefined) lines.push(`# ${key}: ${spec.expected.startsWith('a date') ? '"12 months ago"' : '...'}`);
      else if (Array.isArray(value)) lines.push(`# ${key}: [${value.map((v) => yamlString(String(v))).join(', ')}]`);
      else lines.push(`# ${key}: ${typeof value === 'string' ? yamlString(value) : String(value)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
