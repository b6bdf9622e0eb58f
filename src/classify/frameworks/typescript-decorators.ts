/**
 * NestJS, Angular and the TypeScript ORMs by decorators: entities are domain; controllers, resolvers,
 * gateways, components, directives, pipes and processors interface; injectables application (or
 * persistence when named a repository); modules configuration, the root module (AppModule) set aside as
 * platform. Framework-created classes are entry points. Member decorators for jobs and message
 * handlers (@Cron, @OnEvent, @MessagePattern, ...) make a file an interface and an entry point.
 */
import { findFact, type FrameworkDetector, type Finding } from '../file-view.js';

const set = (...names: string[]) => new Set(names);
const DOMAIN = set('Entity', 'Schema', 'Table', 'Embeddable', 'ViewEntity', 'ChildEntity');
const INTERFACE = set('Controller', 'Resolver', 'WebSocketGateway', 'Component', 'Directive', 'Pipe', 'Processor', 'Catch', 'Command');
const MODULES = set('Module', 'NgModule');
const INJECTABLE = set('Injectable', 'Service');
const MEMBER_ENTRIES = set('Cron', 'Interval', 'Timeout', 'OnEvent', 'EventPattern', 'MessagePattern', 'Process', 'SubscribeMessage', 'OnQueueEvent', 'SqsMessageHandler');
const ROOT_MODULE = /(^|\/)app\.module\.[cm]?[jt]s$/;

export const decoratorDetector: FrameworkDetector = {
  name: 'NestJS / Angular / TypeScript ORMs',
  uses: (_deps, anyFacts) => anyFacts,
  detect(file) {
    const type = (names: Set<string>) => findFact(file, 'decorator', names, 'type');
    let f;
    if ((f = type(DOMAIN))) return { role: 'domain', rule: `@${f.name} (persistent entity)`, evidence: f.evidence };
    if ((f = type(MODULES))) {
      const root = ROOT_MODULE.test(file.path) || f.evidence.text === 'AppModule';
      const hit: Finding = { role: 'configuration', entry: `@${f.name} (loaded by the framework)`, rule: `@${f.name}${root ? ' (root module)' : ' (feature module)'}`, evidence: f.evidence };
      return root ? { ...hit, setAside: 'platform' } : hit;
    }
    if ((f = type(INTERFACE))) return { role: 'interface', entry: `@${f.name} (created by the framework)`, rule: `@${f.name}`, evidence: f.evidence };
    const member = findFact(file, 'decorator', MEMBER_ENTRIES, 'member');
    if (member) return { role: 'interface', entry: `@${member.name} on ${member.evidence.text ?? 'a method'}`, rule: `@${member.name}`, evidence: member.evidence };
    if ((f = type(INJECTABLE))) {
      const repository = /repositor|\.dao\.|-dao\./i.test(file.path);
      return { role: repository ? 'persistence' : 'application', entry: `@${f.name} (created by dependency injection)`, rule: `@${f.name}${repository ? ' named a repository' : ''}`, evidence: f.evidence };
    }
    return undefined;
  },
};
