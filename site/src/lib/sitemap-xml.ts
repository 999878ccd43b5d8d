/** Sitemap files in the format @astrojs/sitemap wrote before builds made their own. */
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const loc = (siteUrl: string, path: string) => `<loc>${escapeXml(new URL(path, siteUrl).href)}</loc>`;

/** The sitemap index pointing at each sitemap file. */
export function sitemapIndexXml(siteUrl: string, files: string[]): string {
  return `${HEAD}<sitemapindex xmlns="${NS}">${files.map((f) => `<sitemap>${loc(siteUrl, f)}</sitemap>`).join('')}</sitemapindex>`;
}

/** One sitemap file listing `paths` as absolute URLs. */
export function urlsetXml(siteUrl: string, paths: string[]): string {
  return `${HEAD}<urlset xmlns="${NS}">${paths.map((p) => `<url>${loc(siteUrl, p)}</url>`).join('')}</urlset>`;
}
