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
    // In the app router a file runs on the server unless it says 'use client' (React Server Components).
    const client = file.facts.some((f) => f.kind === 'directive' && f.name === 'use client');
    const found = (role: Finding['role'], what: string, setAside?: 'platform', side: 'browser' | 'server' = client ? 'browser' : 'server'): Finding => ({ role, entry: what, rule: what, evidence: at, side, ...(setAside ? { setAside } : {}) });
    if (has(deps, 'next')) {
      let m;
      if ((m = NEXT_APP.exec(p))) return m[1] === 'layout' && /^(?:src\/)?app\/layout\./.test(p) ? found('configuration', 'Next.js root layout', 'platform') : found('interface', `Next.js app router ${m[1]}`);
      if ((m = NEXT_PAGES.exec(p))) {
        const page = m[1]!;
        if (/^_(app|document)$/.test(page)) return found('configuration', `Next.js ${page}`, 'platform', 'browser');
        // Pages-router pages render on the server and hydrate in the browser; API routes run on the server.
        return page.startsWith('api/') ? found('interface', 'Next.js API route', undefined, 'server') : found('interface', 'Next.js page', undefined, 'browser');
      }
      if ((m = NEXT_MIDDLEWARE.exec(p))) return found('interface', `Next.js ${m[1]}`, undefined, 'server');
    }
    if (has(deps, 'nuxt') && NUXT.test(p)) return found('interface', 'Nuxt server route, middleware or plugin');
    if (has(deps, '@remix-run') && REMIX.test(p)) return found('interface', 'Remix route module');
    if (has(deps, '@sveltejs/kit') && SVELTEKIT.test(p)) return found('interface', 'SvelteKit route or hook');
    return undefined;
  },
};
