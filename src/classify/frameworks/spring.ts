/**
 * Spring and Jakarta EE by annotations and supertypes: entities are domain; repositories, MyBatis
 * mappers and Spring Data interfaces persistence; controllers, servlets, JAX-RS resources, message
 * beans, listeners and scheduled jobs interface; services and EJBs application; @SpringBootApplication,
 * @Configuration and main classes configuration, set aside as platform. Container-managed classes are
 * entry points: the container creates them, nothing imports them.
 */
import { findFact, type FrameworkDetector, type Finding } from '../file-view.js';

const set = (...names: string[]) => new Set(names);
const ROOTS = set('SpringBootApplication');
const CONFIG = set('Configuration', 'EnableWebSecurity', 'EnableWebMvc', 'EnableJpaRepositories', 'ComponentScan', 'EnableScheduling', 'EnableAsync', 'ApplicationPath');
const DOMAIN = set('Entity', 'Embeddable', 'MappedSuperclass', 'Document');
const PERSISTENCE = set('Repository', 'Mapper');
const DATA_SUPERTYPES = set('JpaRepository', 'CrudRepository', 'PagingAndSortingRepository', 'ListCrudRepository', 'ListPagingAndSortingRepository', 'MongoRepository', 'ReactiveCrudRepository', 'JpaSpecificationExecutor', 'R2dbcRepository');
const INTERFACE = set('Controller', 'RestController', 'ControllerAdvice', 'RestControllerAdvice', 'WebServlet', 'WebFilter', 'WebListener', 'Path', 'Provider', 'MessageDriven', 'ServerEndpoint', 'UrlBinding');
const INTERFACE_SUPERTYPES = set('HttpServlet', 'GenericServlet', 'Filter', 'ActionBean', 'Action', 'ActionSupport');
const APPLICATION = set('Service', 'Stateless', 'Stateful', 'Singleton', 'Named', 'ApplicationScoped', 'RequestScoped', 'SessionScoped');
const MEMBER_ENTRIES = set('Scheduled', 'KafkaListener', 'JmsListener', 'RabbitListener', 'EventListener', 'Bean', 'PostConstruct', 'Schedule', 'Observes');
const COMPONENT = set('Component');

export const springDetector: FrameworkDetector = {
  name: 'Spring / Jakarta EE',
  uses: (_deps, anyFacts) => anyFacts,
  detect(file) {
    const type = (names: Set<string>) => findFact(file, 'annotation', names, 'type');
    const sup = (names: Set<string>) => findFact(file, 'supertype', names);
    let hit: Finding | undefined;
    let f;
    if ((f = type(ROOTS))) hit = { role: 'configuration', setAside: 'platform', entry: `@${f.name}`, rule: `@${f.name} (composition root)`, evidence: f.evidence };
    else if ((f = type(CONFIG))) hit = { role: 'configuration', setAside: 'platform', entry: `@${f.name}`, rule: `@${f.name} (bean configuration)`, evidence: f.evidence };
    else if ((f = type(DOMAIN))) hit = { role: 'domain', rule: `@${f.name} (persistent entity)`, evidence: f.evidence };
    else if ((f = type(PERSISTENCE) ?? sup(DATA_SUPERTYPES))) hit = { role: 'persistence', entry: `${f.name === 'Mapper' || f.name === 'Repository' ? '@' : 'extends '}${f.name} (created by the framework)`, rule: f.name === 'Mapper' || f.name === 'Repository' ? `@${f.name}` : `extends ${f.name}`, evidence: f.evidence };
    else if ((f = type(INTERFACE) ?? sup(INTERFACE_SUPERTYPES))) hit = { role: 'interface', entry: `${INTERFACE.has(f.name) ? '@' : 'extends '}${f.name} (called by the container)`, rule: `${INTERFACE.has(f.name) ? '@' : 'extends '}${f.name}`, evidence: f.evidence };
    else if ((f = type(APPLICATION))) hit = { role: 'application', entry: `@${f.name} (a container bean)`, rule: `@${f.name}`, evidence: f.evidence };
    if (hit) return hit;
    const member = findFact(file, 'annotation', MEMBER_ENTRIES, 'member');
    if (member) {
      const role = member.name === 'Bean' || member.name === 'PostConstruct' ? undefined : 'interface';
      return { ...(role ? { role } : {}), entry: `@${member.name} on ${member.evidence.text ?? 'a method'}`, rule: `@${member.name}`, evidence: member.evidence };
    }
    if ((f = type(COMPONENT))) return { entry: `@${f.name} (a container bean)`, rule: `@${f.name}`, evidence: f.evidence };
    const main = file.facts.find((x) => x.kind === 'main');
    if (main) return { role: 'configuration', setAside: 'platform', entry: 'main method', rule: 'main method (program start)', evidence: { file: file.path, line: main.line, ...(main.detail ? { text: main.detail } : {}) } };
    return undefined;
  },
};
