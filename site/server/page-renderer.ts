import { pathToFileURL } from 'node:url';
import { SiteError } from '../src/errors.ts';
import type { SitePage } from '../src/lib/site-pages.ts';
import type { CompiledSite } from './compile.ts';
import type { CompiledRoute } from './compiled-routes.ts';
import type { RenderExports } from './render-entry.ts';

/** A page did not render (a template error: Astro logs its stack). */
export class RenderError extends SiteError {
  override name = 'RenderError';
  constructor(
    readonly page: string,
    detail: string,
  ) {
    super(`Rendering ${page} failed: ${detail}`);
  }
}

const loaded = new Map<string, Promise<RenderExports>>();

/** The compiled site's exports, imported once per process. */
export function loadCompiled(compiled: Pick<CompiledSite, 'serverEntry'>): Promise<RenderExports> {
  let exports = loaded.get(compiled.serverEntry);
  if (!exports) {
    exports = import(pathToFileURL(compiled.serverEntry).href) as Promise<RenderExports>;
    loaded.set(compiled.serverEntry, exports);
  }
  return exports;
}

/** What Astro's static build writes for a redirect: a page that sends the browser on. */
function redirectPage(status: number, location: string, from: string, siteUrl: string): string {
  const delay = status === 302 ? 2 : 0;
  return `<!doctype html>
<title>Redirecting to: ${location}</title>
<meta http-equiv="refresh" content="${delay};url=${location}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${new URL(location, siteUrl).href}">
<body>
\t<a href="${location}">Redirecting from <code>${from}</code> to <code>${location}</code></a>
</body>`;
}

/**
 * Renders one page to its bytes: a request for `siteUrl + path` through the compiled route.
 * @throws RenderError when the page answers anything but 200 (404 for 404.html) or a redirect.
 */
export async function renderPage(site: RenderExports, page: SitePage, siteUrl: string, locals: object): Promise<Buffer> {
  const response = await site.render(new Request(new URL(page.path, siteUrl)), locals, page.route);
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    await response.body?.cancel();
    return Buffer.from(redirectPage(response.status, location, page.path, siteUrl));
  }
  const expected = page.file === '404.html' ? 404 : 200;
  if (response.status !== expected) {
    await response.body?.cancel();
    throw new RenderError(page.path, `HTTP ${response.status} (the site's log has Astro's error)`);
  }
  return Buffer.from(await response.arrayBuffer());
}

/** Output file of a content-free route the site model does not list (e.g. a page added to src/pages). */
function fileOf(route: CompiledRoute): string {
  const name = route.route.replace(/^\//, '');
  return route.type === 'endpoint' ? name : `${name}/index.html`;
}

/**
 * Routes without params that the site model does not list, such as a page or a redirect added to
 * the site later: each is one output file (rendered in every build, as it may show any content).
 */
export function otherStaticPages(site: RenderExports, known: ReadonlySet<string>): SitePage[] {
  return site
    .routes()
    .filter(
      (r) => r.origin === 'project' && r.params.length === 0 && !known.has(r.route) && ['page', 'endpoint', 'redirect'].includes(r.type),
    )
    .map((r) => ({
      route: r.route as SitePage['route'],
      params: {},
      path: r.type === 'endpoint' ? r.route : `${r.route}/`,
      file: fileOf(r),
    }));
}
