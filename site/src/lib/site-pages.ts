import { SITEMAP_CHUNK } from '../consts.ts';
import { articlePath, rolePath, skillPath } from './paths.ts';
import type { SiteModel } from './site-model.ts';
import { olderPages } from './views.ts';

/** The site's routes, as Astro names them (src/pages paths). */
export const ROUTES = {
  home: '/',
  articles: '/articles/[...page]',
  article: '/articles/[slug]',
  role: '/roles/[slug]',
  roleArticles: '/roles/[slug]/articles/[...page]',
  skill: '/skills/[slug]',
  skillArticles: '/skills/[slug]/articles/[...page]',
  compareIndex: '/compare',
  compare: '/compare/backend-vs-frontend',
  search: '/search',
  rss: '/rss.xml',
  robots: '/robots.txt',
  sitemapIndex: '/sitemap-index.xml',
  sitemap: '/sitemap-[chunk].xml',
  notFound: '/404',
} as const;

export type RouteId = (typeof ROUTES)[keyof typeof ROUTES];

/** One output file of a build: the route that renders it, its params, its URL path and its file. */
export type SitePage = { route: RouteId; params: Record<string, string>; path: string; file: string };

const html = (route: RouteId, path: string, params: Record<string, string> = {}): SitePage => ({
  route,
  params,
  path,
  file: `${decodeURIComponent(path).slice(1)}index.html`,
});
const file = (route: RouteId, path: string, params: Record<string, string> = {}): SitePage => ({
  route,
  params,
  path,
  file: path.slice(1),
});

/** A list's own URL `base`, then its older pages `base1/` … `base<n>/` (see Paged in views.ts); the `[...page]` param of each. */
function listPages(route: RouteId, base: string, total: number, params: Record<string, string> = {}): SitePage[] {
  const older = Array.from({ length: olderPages(total) }, (_, i) => html(route, `${base}${i + 1}/`, { ...params, page: String(i + 1) }));
  return [html(route, base, params), ...older];
}

/** Every HTML page readers browse (what the sitemap lists): all pages but 404. */
export function htmlPages(m: SiteModel): SitePage[] {
  return [
    html(ROUTES.home, '/'),
    ...listPages(ROUTES.articles, '/articles/', m.articles.length),
    ...m.articles.map((a) => html(ROUTES.article, articlePath(a.slug), { slug: a.slug })),
    ...m.roles.flatMap((r) => [
      html(ROUTES.role, rolePath(r.slug), { slug: r.slug }),
      ...listPages(ROUTES.roleArticles, `${rolePath(r.slug)}articles/`, m.articlesOfRole(r.documentId).length, { slug: r.slug }),
    ]),
    ...m.skills.flatMap((s) => [
      html(ROUTES.skill, skillPath(s.slug), { slug: s.slug }),
      ...listPages(ROUTES.skillArticles, `${skillPath(s.slug)}articles/`, m.articlesOfSkill(s.documentId).length, { slug: s.slug }),
    ]),
    html(ROUTES.compareIndex, '/compare/'),
    html(ROUTES.compare, '/compare/backend-vs-frontend/'),
    html(ROUTES.search, '/search/'),
  ];
}

/** The sitemap's URL paths, in chunks of SITEMAP_CHUNK (always at least one file). */
export function sitemapChunks(m: SiteModel): string[][] {
  const paths = htmlPages(m).map((p) => p.path);
  const chunks: string[][] = [];
  for (let i = 0; i < paths.length; i += SITEMAP_CHUNK) chunks.push(paths.slice(i, i + SITEMAP_CHUNK));
  return chunks.length > 0 ? chunks : [[]];
}

/** Every output file the site model makes, HTML pages and the rest. */
export function sitePages(m: SiteModel): SitePage[] {
  return [
    ...htmlPages(m),
    { route: ROUTES.notFound, params: {}, path: '/404/', file: '404.html' },
    file(ROUTES.rss, '/rss.xml'),
    file(ROUTES.robots, '/robots.txt'),
    file(ROUTES.sitemapIndex, '/sitemap-index.xml'),
    ...sitemapChunks(m).map((_, i) => file(ROUTES.sitemap, `/sitemap-${i}.xml`, { chunk: String(i) })),
  ];
}
