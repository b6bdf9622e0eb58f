/**
 * Frameworks that route by file name: Next.js (app router: page, layout, route, loading, error, ...;
 * pages router: pages/**, pages/api/**, _app, _document; middleware), Nuxt (server/api, server/routes,
 * middleware), Remix (app/routes, app/root, entry.client/server), SvelteKit (src/routes/+page, +server,
 * +layout, hooks). Each file the framework loads is an entry point and an interface (the app shells
 * _app, _document, root layouts and hooks are configuration).
 */
import type { FrameworkDetector, Finding } from '../file-view.js';

const EXT = String.raw`\.[cm]?[jt]sx?$`;
const NEXT_APP = new RegExp(String.raw`^(?:src/)?app/(?:.*/)?(page|layout|route|loading|error|global-error|not-found|template|default|opengraph-image|twitter-image|icon|apple-icon|sitemap|robots|manifest)` + EXT);
const NEXT_PAGES = new RegExp(String.raw`^(?:src/)?pages/(.+)` + EXT);
const NEXT_MIDDLEWARE = new RegExp(String.raw`^(?:src/)?(middleware|instrumentation)` + EXT);
const NUXT = new RegExp(String.raw`^(?:src/)?(server/(?:api|routes|middleware|plugins)/.+|middleware/.+|plugins/.+)` + EXT);
const REMIX = new RegExp(String.raw`^app/(routes/.+|root|entry\.client|entry\.server)` + EXT);
const SVELTEKIT = new RegExp(String.raw`^src/(routes/(?:.*/)?\+(page|layout|server|error)(?:\.server)?|hooks(?:\.server|\.client)?)` + EXT);

const has = (deps: ReadonlySet<string>, ...names: string[]) => names.some((n) => deps.has(n) || [...deps].some((d) => d.startsWith(`${n}/`)));

export const fileConventionDetector: FrameworkDetector = {
  name: 'file-system routing (Next.js, Nuxt, Remix, SvelteKit)',
  uses: (deps) => has(deps, 'next', 'nuxt', '@remix-run', '@sveltejs/kit'),
  detect(file) {
    const p = file.inPackage;
    const deps = file.dependencies;
    const at = { file: file.path, line: 1 };
    const found = (role: Finding['role'], what: string, setAside?: 'platform'): Finding => ({ role, entry: what, rule: what, evidence: at, ...(setAside ? { setAside } : {}) });
    if (has(deps, 'next')) {
      let m;
      if ((m = NEXT_APP.exec(p))) return m[1] === 'layout' && /^(?:src\/)?app\/layout\./.test(p) ? found('configuration', 'Next.js root layout', 'platform') : found('interface', `Next.js app router ${m[1]}`);
      if ((m = NEXT_PAGES.exec(p))) {
        const page = m[1]!;
        if (/^_(app|document)$/.test(page)) return found('configuration', `Next.js ${page}`, 'platform');
        return found('interface', page.startsWith('api/') ? 'Next.js API route' : 'Next.js page');
      }
      if ((m = NEXT_MIDDLEWARE.exec(p))) return found('interface', `Next.js ${m[1]}`);
    }
    if (has(deps, 'nuxt') && NUXT.test(p)) return found('interface', 'Nuxt server route, middleware or plugin');
    if (has(deps, '@remix-run') && REMIX.test(p)) return found('interface', 'Remix route module');
    if (has(deps, '@sveltejs/kit') && SVELTEKIT.test(p)) return found('interface', 'SvelteKit route or hook');
    return undefined;
  },
};
