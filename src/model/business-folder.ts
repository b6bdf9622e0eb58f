/**
 * A module's business folder: the nearest enclosing folder named like a capability (orders/, cargo/,
 * booking/), skipping folders named for a technical layer or a packaging convention (web/, impl/,
 * dto/, services/, jpa/, src/main/java, the tld.company.app base package). Input: a module id.
 * Output: the folder path, or undefined when every enclosing folder is technical (a layer-packaged
 * class such as application/impl/BookingServiceImpl.java has none of its own: its layer is not a
 * reason to sit with its neighbours).
 */
const TECHNICAL = new RegExp(
  '^(' +
    [
      'src', 'source', 'sources', 'main', 'java', 'kotlin', 'scala', 'ts', 'js', 'lib', 'libs', 'app', 'apps', 'packages', 'modules', 'server', 'client',
      'backend', 'frontend', 'code', 'internal', 'impl', 'implementation', 'api', 'spi', 'base', 'generic', 'abstract',
      'controllers?', 'routes?', 'routers?', 'web', 'webapp', 'rest', 'ws', 'sse', 'resources?', 'handlers?', 'resolvers?', 'pages', 'components', 'views', 'screens', 'ui', 'endpoints', 'graphql', 'listeners', 'jobs', 'consumers', 'cli', 'commands', 'servlets?', 'war', 'jsf', 'faces', 'mobile', 'file', 'files',
      'services?', 'application', 'usecases?', 'use-cases', 'facades?', 'assemblers?', 'managers?', 'beans?', 'ejb',
      'domain', 'model', 'models', 'entity', 'entities', 'aggregates?', 'dtos?', 'vo', 'pojo', 'interfaces?', 'types', 'enums?', 'exceptions?', 'errors?', 'events?',
      'persistence', 'repositor(y|ies)', 'repos?', 'daos?', 'mappers?', 'jpa', 'jdbc', 'hibernate', 'mybatis', 'orm', 'db', 'database', 'dal', 'migrations?', 'schemas?', 'seeders?', 'seeds?',
      'infra', 'infrastructure', 'utils?', 'helpers?', 'common', 'commons', 'shared', 'core', 'kernel', 'support', 'logging', 'messaging', 'jms', 'kafka', 'http', 'adapters?', 'clients?', 'integration', 'platform',
      'config', 'configuration', 'bootstrap', 'setup', 'middlewares?', 'guards?', 'pipes?', 'decorators?', 'interceptors?', 'filters?', 'validators?', 'validation', 'converters?', 'mapping', 'security', 'auth',
      'test', 'tests', 'spec', '__tests__', 'dist', 'build', 'static', 'public', 'assets', 'styles?', 'css', 'scss', 'templates?', 'i18n', 'locales?',
    ].join('|') +
    ')$',
  'i',
);
const JAVA_ROOT = /^(?:.*\/)?src\/(?:main|test)\/(?:java|kotlin|scala)\//;
const TLD = /^(com|org|net|io|dev|app|de|fr|nl|uk|co|edu|gov|ch|at|be|se|dk|no|fi|it|es|pl|jp|cn|ru|br|in|au|ca|us|eu|info|biz|tech)$/;

export function businessFolderOf(moduleId: string): string | undefined {
  const segments = moduleId.split('/');
  const dirs = segments.slice(0, -1);
  // Folders that can never be a capability: the JVM source root and base package (tld.company.app).
  let floor = 0;
  const jvm = JAVA_ROOT.exec(moduleId);
  if (jvm) {
    floor = jvm[0].split('/').length - 1;
    if (TLD.test(dirs[floor] ?? '')) floor += Math.min(3, dirs.length - floor - 1 > 2 ? 3 : 2);
  }
  for (let i = dirs.length - 1; i >= floor; i--) {
    const name = dirs[i]!;
    if (name === '' || name.startsWith('.') || TECHNICAL.test(name)) continue;
    return dirs.slice(0, i + 1).join('/');
  }
  return undefined;
}
