import { ANALYTICS_PATH } from '@stackguide/contracts/analytics';
import { searchQueries } from '@stackguide/site/search-request';

/** Which pages a visitor opens; each kind is loaded by its own set of connections and reported on its own. */
export type PageKind = 'home' | 'article' | 'list' | 'role';

const KINDS: [PageKind, RegExp][] = [
  ['home', /^\/$/],
  ['list', /^\/(articles|(roles|skills)\/[^/]+\/articles)\/(\d+\/)?$/],
  ['role', /^\/roles\/[^/]+\/$/],
  ['article', /^\/articles\/[^/]+\/$/],
];

/** The kind of a page path, or null for a page outside the mix (skills, comparison, search, feeds). */
export function pageKind(path: string): PageKind | null {
  return KINDS.find(([, pattern]) => pattern.test(path))?.[0] ?? null;
}

/** Paths of the site's pages by kind, read from its sitemap (index, then each sitemap file), as a crawler finds them. */
export async function sitePages(siteUrl: string): Promise<Record<PageKind, string[]>> {
  const locs = async (url: string) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    return [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')).pathname);
  };
  const files = await locs(`${siteUrl}/sitemap-index.xml`);
  const pages: Record<PageKind, string[]> = { home: [], article: [], list: [], role: [] };
  for (const file of files) {
    for (const path of await locs(`${siteUrl}${file}`)) {
      const kind = pageKind(path);
      if (kind) pages[kind].push(path);
    }
  }
  for (const [kind, paths] of Object.entries(pages))
    if (paths.length === 0) throw new Error(`the sitemap of ${siteUrl} lists no ${kind} page`);
  return pages;
}

/**
 * Multi-search bodies as the search page sends them for `queries`: the results query with facet
 * counts; every third with a role ticked, which adds the count-only query for that facet.
 */
export function searchBodies(queries: string[], roleSlugs: string[]): string[] {
  return queries.map((q, i) => {
    const roles = i % 3 === 2 && roleSlugs.length > 0 ? [roleSlugs[i % roleSlugs.length]!] : [];
    return JSON.stringify({ queries: searchQueries({ q, page: 1, roles, skills: [] }, 10) });
  });
}

/** A search report as the page sends it when a visitor settles on a query. */
export const beaconBody = (q: string, results: number) => JSON.stringify({ type: 'search', q, results });
export const BEACON_PATH = ANALYTICS_PATH;

/**
 * The `X-Forwarded-For` of the n-th beacon: one of `clients` documentation-range addresses
 * (RFC 5737), as the compose nginx passes a visitor's address on. search-sync trusts it from a
 * loopback peer and counts each address against its per-client limit; no traffic goes to them.
 */
export const clientAddress = (n: number, clients: number) => {
  const i = n % clients;
  return `${i < 254 ? '198.51.100' : '203.0.113'}.${(i % 254) + 1}`;
};
