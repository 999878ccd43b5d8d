import { articlePath } from './paths.ts';
import type { SiteModel } from './site-model.ts';
import type { SitePage } from './site-pages.ts';

/**
 * Slugs as Strapi's uid field makes them, minus dots alone and digits alone (`/articles/<n>/` is
 * a page of the article list, once there are that many): their paths need no encoding, so the site
 * server and nginx (whose map file holds them as they are) match the same requests. Up to
 * MAX_SLUG characters: nginx refuses a map key longer than its hash bucket (nginx.conf sets it).
 */
export const MAX_SLUG = 200;
const PLAIN_SLUG = new RegExp(`^(?!\\.+$|\\d+$)[A-Za-z0-9._~-]{1,${MAX_SLUG}}$`);

/**
 * The old article addresses a build answers with a permanent redirect, old path → current path,
 * sorted by old path: a pure function of the content, so a full and an incremental build write
 * the same map. Each article's old slugs (previousSlugs, kept by the CMS) point straight at its
 * current address, so a chain of renames is one hop. An address that is a page of this build is
 * never redirected (an article that took an old slug wins). When two articles left the same slug,
 * the one that left it last has it. Unpublished and deleted articles are not in the model, so
 * their old addresses answer 404 like any other missing page.
 */
export function redirectMap(m: SiteModel, pages: SitePage[]): Map<string, string> {
  const taken = new Set(pages.map((p) => p.path));
  const claims = new Map<string, { to: string; until: number }>();
  for (const article of m.articles) {
    if (!PLAIN_SLUG.test(article.slug)) continue;
    const to = articlePath(article.slug);
    for (const { slug, until } of article.previousSlugs) {
      const from = articlePath(slug);
      if (!PLAIN_SLUG.test(slug) || taken.has(from)) continue;
      const claim = claims.get(from);
      const later = !claim || until.getTime() > claim.until || (until.getTime() === claim.until && to < claim.to);
      if (later) claims.set(from, { to, until: until.getTime() });
    }
  }
  return new Map([...claims.keys()].sort().map((from) => [from, claims.get(from)!.to]));
}
