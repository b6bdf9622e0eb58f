/**
 * Roles from paths, for what no framework fact decides. Tooling and generated code first (they leave
 * every context and plan), then technical names and folders, then a business noun's default: domain.
 * Rules are tried in order; each names the pattern that matched. Patterns are matched on the
 * repository-relative path (folders) and the file name (suffixes).
 */
import type { Role } from '../model/types.js';

export interface PathRule {
  role: Role;
  rule: string;
  test: RegExp | ((path: string) => boolean);
  setAside?: 'platform' | 'tooling';
  /** Files the rule matches are loaded by a tool by folder (migrations): entry points, with this reason. */
  entry?: string;
}

export function matches(rule: PathRule, path: string): boolean {
  return typeof rule.test === 'function' ? rule.test(path) : rule.test.test(path);
}

const CODE_EXT = /^[cm]?[jt]sx?$/;
const TOOL_NAMES = new Set(['gulpfile', 'gruntfile', 'jakefile', 'webpack', 'rollup', 'karma', 'protractor', 'babel', 'jest', 'vitest', 'vite', 'eslint', 'prettier', 'stylelint', 'commitlint', 'lint-staged', 'postcss', 'tailwind', 'cypress', 'playwright', 'tsup', 'esbuild', 'nodemon', 'pm2', 'ecosystem']);

/**
 * `eslint.config.mjs`, `vite.config.ts`, `.eslintrc.js`, `karma.conf.js`, `webpack.prod.js`, `gulpfile.js`.
 * A `*.config.*` file inside the program's sources (`src/app/app.config.ts`, `src/database.config.ts`)
 * configures the program, not a tool: only known tool names count there.
 */
function isToolConfig(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const parts = base.split('.');
  if (parts.length < 2 || !CODE_EXT.test(parts[parts.length - 1]!)) return false;
  const stem = parts.slice(0, -1);
  const first = (stem[0] || stem[1] || '').toLowerCase();
  // `webpack.prod.js`, `jest.setup.ts`, `gulpfile.js`; a plain `pm2.js` in the sources is the program's.
  if (/^(gulpfile|gruntfile|jakefile)$/.test(first) || (TOOL_NAMES.has(first) && stem.filter(Boolean).length >= 2)) return true;
  if (/(^|\/)(src|lib|app|server|client)\//.test(path)) return false;
  if (stem.some((p) => p === 'config' || p === 'conf')) return true;
  return base.startsWith('.') && (stem[1]?.endsWith('rc') ?? false);
}

/** A library shipped as a source bundle: a .js file under a web-resources folder, or named like a bundle. */
function isVendoredBundle(file: string): boolean {
  if (!file.endsWith('.js')) return false;
  const name = file.slice(file.lastIndexOf('/') + 1);
  return /(^|\/)(webapp\/resources|wwwroot\/lib|static\/js|static\/lib|static\/vendor)\//.test(file) || /[.-](umd|esm|bundle)\.js$/.test(name) || /-src(\.esm)?\.js$/.test(name);
}

const folder = (names: string) => new RegExp(String.raw`(^|/)(${names})/`, 'i');
const name = (pattern: string) => new RegExp(String.raw`(^|/)${pattern}$`);

/** Tooling: build, lint, test and bundler configuration, wrappers, build scripts outside the program. */
export const TOOLING_RULES: readonly PathRule[] = [
  { role: 'tooling', setAside: 'tooling', rule: 'tool configuration file (*.config.*, .*rc.*, webpack/gulp/karma/...)', test: isToolConfig },
  { role: 'tooling', setAside: 'tooling', rule: 'build tool folder (.mvn, buildSrc, gradle, .storybook, .husky, .github)', test: folder(String.raw`\.mvn|buildSrc|gradle|\.storybook|\.husky|\.github|\.circleci|\.devcontainer`) },
  { role: 'tooling', setAside: 'tooling', rule: 'package descriptor (package-info.java, module-info.java)', test: name(String.raw`(package-info|module-info)\.java`) },
  { role: 'tooling', setAside: 'tooling', rule: 'Maven wrapper', test: name(String.raw`MavenWrapperDownloader\.java`) },
  { role: 'tooling', setAside: 'tooling', rule: 'scripts or tools folder (not part of the program)', test: /^(scripts|tools|tooling|build-tools|ci|bin\/dev)\// },
  { role: 'tooling', setAside: 'tooling', rule: 'test support (e2e suites, mocks, test utilities)', test: folder(String.raw`e2e|cypress|playwright|__tests__|__mocks__|test-utils|testing`) },
  { role: 'tooling', setAside: 'tooling', rule: 'test support (e2e suites, mocks, test utilities)', test: /[.-](mock|mocks|fixture|fixtures|stub|stubs|test-utils?)\.[cm]?[jt]sx?$/ },
  { role: 'tooling', setAside: 'tooling', rule: 'tool configuration folder (.config)', test: folder(String.raw`\.config`) },
];

export const GENERATED_RULES: readonly PathRule[] = [
  { role: 'generated', setAside: 'tooling', rule: 'generated folder', test: folder(String.raw`generated|__generated__|generated-sources|gen-src|codegen`) },
  { role: 'generated', setAside: 'tooling', rule: 'generated file name', test: /(\.generated\.|\.gen\.|_pb\.|\.pb\.|_grpc_pb\.|\.d\.ts$)/ },
  { role: 'generated', setAside: 'tooling', rule: 'vendored third-party code (vendor/, static assets, *.min.js)', test: /(^|\/)(vendor|vendors|third[-_]party|resources\/static|public\/(js|lib|vendor))\/|\.min\.js$/ },
  { role: 'generated', setAside: 'tooling', rule: 'vendored library bundle (webapp/resources, wwwroot/lib, *.umd.js, *.esm.js, *-src.js)', test: isVendoredBundle },
];

/** The program's entry file at a package root: the composition root (classify-files.ts lets it decide before frameworks). */
export const PROGRAM_ENTRY_RULE: PathRule = { role: 'configuration', setAside: 'platform', rule: 'program entry file (main/server/app at a package root)', test: /^(?:(?:apps|packages|services|libs)\/[^/]+\/|[^/]+\/)?(?:src\/)?(main|server|app|polyfills)\.[cm]?[jt]s$/ };

/** Technical names and folders, most specific first. */
export const NAME_RULES: readonly PathRule[] = [
  PROGRAM_ENTRY_RULE,
  { role: 'configuration', setAside: 'platform', rule: 'build-time environment file (environments/)', test: folder('environments') },
  { role: 'configuration', setAside: 'platform', rule: 'ORM data source / connection setup (data-source, ormconfig)', test: /(^|\/)(data-?source|ormconfig|typeorm\.config|mikro-orm\.config)\.[cm]?[jt]s$/i },
  { role: 'infrastructure', rule: 'request pipeline folder (middleware, guards, interceptors, filters, pipes)', test: folder('middlewares?|guards|interceptors|filters|pipes') },
  { role: 'persistence', rule: 'name *Repository / *Dao / *Mapper / *.repository', test: /(Repository|Repo|Dao|DAO|Mapper)(Impl)?\.[jt]s$|(Repository|Repo|Dao|DAO|Mapper)(Impl)?\.java$|[.-](repository|repo|dao|mapper)\.[cm]?[jt]sx?$/ },
  { role: 'persistence', rule: 'migrations folder', test: folder(String.raw`[\w-]*migrations|migration|db/migrate`), entry: 'migration (run by the migration tool from its folder)' },
  { role: 'persistence', rule: 'database folder', test: folder('db|database|persistence|dal') },
  { role: 'interface', rule: 'name *Controller / *Resource / *Servlet / *Endpoint / *Handler / *Listener / *Job / *.routes', test: /(Controller|Resource|Servlet|Endpoint|Handler|Listener|Job|Action|Consumer)\.java$|[.-](controller|routes?|resolver|handler|listener|job|consumer|component|page|view|screen)\.[cm]?[jt]sx?$/ },
  { role: 'interface', rule: 'folder of controllers, routes, pages or views', test: folder('controllers?|routes?|web|rest|resources?|handlers?|resolvers?|pages|components|views|screens|ui|endpoints|graphql|listeners|jobs|consumers|cli|commands') },
  { role: 'interface', rule: 'a React/Vue/Svelte component file (.tsx/.jsx)', test: /\.[jt]sx$/ },
  { role: 'application', rule: 'name *Service / *UseCase / *Facade / *.service', test: /(Service|ServiceImpl|UseCase|Facade|Manager|Interactor)\.java$|[.-](service|use-?case|facade|manager|interactor)\.[cm]?[jt]sx?$/ },
  { role: 'application', rule: 'folder of services or use cases', test: folder('services?|application|usecases?|use-cases|facades?') },
  { role: 'configuration', setAside: 'platform', rule: 'name *Config / *Configuration / *Module / *Initializer / config / settings', test: /(Config|Configuration|Initializer|Module|Bootstrap)\.java$|(^|\/|[.-])(config|configuration|settings|setup|bootstrap|providers?)\.[cm]?[jt]s$/ },
  { role: 'configuration', setAside: 'platform', rule: 'configuration folder', test: folder('config|configuration|bootstrap|setup') },
  { role: 'domain', rule: 'name *.entity / *.model / *Entity', test: /Entity\.java$|[.-](entity|model|aggregate|value-object|vo)\.[cm]?[jt]s$/ },
  { role: 'domain', rule: 'domain or model folder', test: folder('domain|model|models|entity|entities|aggregates?') },
  { role: 'infrastructure', rule: 'technical folder (infrastructure, util, lib, common, http, messaging, logging)', test: folder('infra|infrastructure|util|utils|helpers?|lib|libs|common|shared|logging|messaging|http|adapters?|clients?|support|core|platform|integration') },
  { role: 'infrastructure', rule: 'name *Util / *Helper / *Client / *Gateway / logger', test: /(Utils?|Helpers?|Client|Adapter|Gateway|Logger|Factory)\.java$|[.-]?(utils?|helpers?|client|adapter|gateway|logger|logging)\.[cm]?[jt]s$/ },
];

/** What nothing else decided: a business noun (`order.ts`, `Cargo.java`) is domain. */
export const DEFAULT_RULE: PathRule = { role: 'domain', rule: 'default: no framework fact or technical name (a business noun)', test: /$^/ };
