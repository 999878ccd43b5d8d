import { keyOf } from './digest.ts';
import { ROUTES, sitemapChunks, type SitePage } from './site-pages.ts';
import type { SiteModel } from './site-model.ts';
import {
  articleListView,
  articleView,
  compareIndexView,
  compareView,
  homeView,
  roleArticlesView,
  roleView,
  rssView,
  searchView,
  skillArticlesView,
  skillView,
} from './views.ts';

/**
 * The data a page renders from: its view, exactly as the page's .astro file selects it. Pages that
 * show no content (404, robots.txt) have none; they change only with the code or the render
 * config, and either change makes a full build.
 */
function pageData(m: SiteModel, page: SitePage, sitemap: string[][]): unknown {
  const { slug, page: n, chunk } = page.params;
  switch (page.route) {
    case ROUTES.home:
      return homeView(m);
    case ROUTES.articles:
      return articleListView(m, n);
    case ROUTES.article:
      return articleView(m, slug);
    case ROUTES.role:
      return roleView(m, slug);
    case ROUTES.roleArticles:
      return roleArticlesView(m, slug, n);
    case ROUTES.skill:
      return skillView(m, slug);
    case ROUTES.skillArticles:
      return skillArticlesView(m, slug, n);
    case ROUTES.compareIndex:
      return compareIndexView(m);
    case ROUTES.compare:
      return compareView(m);
    case ROUTES.search:
      return searchView(m);
    case ROUTES.rss:
      return rssView(m);
    case ROUTES.sitemapIndex:
      return sitemap.length;
    case ROUTES.sitemap:
      return sitemap[Number(chunk)];
    case ROUTES.robots:
    case ROUTES.notFound:
      return null;
  }
}

/**
 * A key per output file: equal keys mean byte-equal output for the same compiled code and render
 * config, so an incremental build reuses the file of the served build instead of rendering it.
 * `knownKey` may give a page's key without computing it, when the caller knows its data did not
 * change (an article page away from every change, see affected.ts).
 * @throws SiteError when a page cannot be made from this content (the compare page's roles missing).
 */
export function pageKeys(
  m: SiteModel,
  pages: SitePage[],
  knownKey: (page: SitePage) => string | undefined = () => undefined,
): Map<string, string> {
  const sitemap = sitemapChunks(m);
  const keys = new Map<string, string>();
  for (const page of pages) {
    const known = knownKey(page);
    if (known !== undefined) {
      keys.set(page.file, known);
      continue;
    }
    keys.set(page.file, keyOf(page.route, page.path, pageData(m, page, sitemap)));
  }
  return keys;
}
