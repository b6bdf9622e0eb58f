/**
 * The classify stage: a role for every file and the entry points frameworks create.
 * Input: file paths, framework facts per file, package roots, declared packages, the user's role
 * overrides (glob -> role). Output: per file a RoleFact (role, rule, evidence, set-aside) and per file
 * the entry-point reasons frameworks add. Order: user override, generated, tooling, framework
 * detectors (registry order; the first with a role decides it, every one may add an entry point),
 * technical names and folders, default domain.
 */
import picomatch from 'picomatch';
import type { FrameworkFact } from '../model/facts/code-facts.js';
import type { Role, RoleFact } from '../model/types.js';
import type { FileView, FrameworkDetector } from './file-view.js';
import { DEFAULT_RULE, GENERATED_RULES, matches, NAME_RULES, PROGRAM_ENTRY_RULE, TOOLING_RULES, type PathRule } from './path-rules.js';
import { FRAMEWORK_DETECTORS } from './registry.js';

export interface ClassifyInput {
  files: readonly string[];
  frameworkFacts: ReadonlyMap<string, readonly FrameworkFact[]>;
  packageRoots: readonly string[];
  dependencies: ReadonlySet<string>;
  /** Glob -> role, from the config file (`roles`); the first matching glob wins. */
  overrides: Readonly<Record<string, Role>>;
}

export interface Classification {
  roles: Map<string, RoleFact>;
  /** Files whose framework conventions fix their side (file -> side and why). */
  sides: Map<string, { side: 'browser' | 'server'; rule: string }>;
  /** Entry points frameworks create (file -> reason). */
  entryPoints: Map<string, string>;
}

const SET_ASIDE: Partial<Record<Role, 'platform' | 'tooling'>> = { tooling: 'tooling', generated: 'tooling' };
/** Generated code first (a generated config is generated), then tooling. */
const APART_RULES: readonly PathRule[] = [...GENERATED_RULES, ...TOOLING_RULES];
/**
 * The program's entry file (server.js, main.ts, app.ts at a package root) is the composition root even
 * when it also registers routes itself: it decides before the framework detectors (which still add
 * their entry points).
 */
const PROGRAM_ENTRY: PathRule = PROGRAM_ENTRY_RULE;

export function classifyFiles(input: ClassifyInput, detectors: readonly FrameworkDetector[] = FRAMEWORK_DETECTORS): Classification {
  const overrides = Object.entries(input.overrides).map(([glob, role]) => ({ glob, role, match: picomatch(glob, { dot: true }) }));
  const anyFacts = input.frameworkFacts.size > 0;
  const active = detectors.filter((d) => d.uses(input.dependencies, anyFacts));
  const roots = [...input.packageRoots].filter((r) => r !== '').sort((a, b) => b.length - a.length);
  const roles = new Map<string, RoleFact>();
  const entryPoints = new Map<string, string>();
  const sides = new Map<string, { side: 'browser' | 'server'; rule: string }>();
  const fromPath = (rule: PathRule): RoleFact => ({ role: rule.role, rule: rule.rule, ...(rule.setAside ? { setAside: rule.setAside } : {}) });

  for (const path of input.files) {
    const root = roots.find((r) => path.startsWith(`${r}/`));
    const view: FileView = { path, inPackage: root ? path.slice(root.length + 1) : path, facts: input.frameworkFacts.get(path) ?? [], dependencies: input.dependencies };
    let role: RoleFact | undefined;
    const override = overrides.find((o) => o.match(path));
    if (override) role = { role: override.role, rule: `config override '${override.glob}'`, ...(SET_ASIDE[override.role] ? { setAside: SET_ASIDE[override.role]! } : {}) };
    const pathRule = APART_RULES.find((r) => matches(r, path)) ?? (matches(PROGRAM_ENTRY, path) ? PROGRAM_ENTRY : undefined);
    if (!role && pathRule) role = fromPath(pathRule);
    // Frameworks: entry points always (even for a tooling file a framework loads), a role when none yet.
    for (const detector of active) {
      const found = detector.detect(view);
      if (!found) continue;
      if (found.entry && !entryPoints.has(path)) entryPoints.set(path, found.entry);
      if (found.side && !sides.has(path)) sides.set(path, { side: found.side, rule: found.rule });
      if (!role && found.role) {
        role = { role: found.role, rule: `${found.rule} (${detector.name})`, ...(found.evidence ? { evidence: found.evidence } : {}), ...(found.setAside ? { setAside: found.setAside } : {}) };
      }
    }
    const nameRule = NAME_RULES.find((r) => matches(r, path));
    if (nameRule?.entry && !entryPoints.has(path)) entryPoints.set(path, nameRule.entry);
    role ??= fromPath(nameRule ?? DEFAULT_RULE);
    roles.set(path, role);
    const directive = view.facts.find((f) => f.kind === 'directive');
    if (directive && !sides.has(path)) sides.set(path, { side: directive.name === 'use client' ? 'browser' : 'server', rule: `'${directive.name}' directive` });
  }
  return { roles, entryPoints, sides };
}
