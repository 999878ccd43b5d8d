import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStrapi, type FakeStrapi } from '@stackguide/test-kit';
import { HOSTILE_TITLE, makeContent } from './fixtures.ts';
import { buildSiteForTest, TEST_SITE_URL } from './site-build.ts';
import { relatedFinder } from '../src/lib/related.ts';
import { brokenInternalLinks, filesUnder, readDist, rssItemLinks, sitemapUrls } from './dist-checks.ts';
import { readHeadersFile } from '../server/security-headers.ts';

const MASTER_KEY_SENTINEL = 'master-key-sentinel-must-never-ship';
const content = makeContent(30);
let strapi: FakeStrapi;
let dist: string;

beforeAll(async () => {
  strapi = await startFakeStrapi(content);
  dist = await buildSiteForTest(strapi.url, strapi.token, {
    MEILI_PUBLIC_URL: 'http://127.0.0.1:7700',
    MEILI_SEARCH_KEY: 'search-only-key',
    MEILI_MASTER_KEY: MASTER_KEY_SENTINEL,
  });
});
afterAll(async () => {
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
  await strapi?.stop();
});

const slugs = (items: unknown[]) => items.map((i) => (i as { slug: string }).slug);

describe('site built from fixture content', () => {
  it('has a page for every article, role and skill, and pages the article list by 12 from the oldest', () => {
    const files = new Set(filesUnder(dist));
    for (const slug of slugs(content.articles)) expect(files).toContain(`articles/${slug}/index.html`);
    for (const slug of slugs(content.roles)) expect(files).toContain(`roles/${slug}/index.html`);
    for (const slug of slugs(content.skills)) expect(files).toContain(`skills/${slug}/index.html`);
    for (const page of [
      'articles/index.html',
      'articles/1/index.html',
      'compare/index.html',
      'compare/backend-vs-frontend/index.html',
      'search/index.html',
      '404.html',
      'robots.txt',
      'rss.xml',
      'favicon.ico',
      'favicon.svg',
    ])
      expect(files).toContain(page);
    expect(readDist(dist, 'compare/index.html')).toContain('href="/compare/backend-vs-frontend/"');
    // 30 articles: the list's own URL shows the newest 18 (the two newest pages of 12), /articles/1/ the oldest 12.
    expect(files).not.toContain('articles/2/index.html');
    const first = readDist(dist, 'articles/index.html');
    expect(first.match(/<li><article class="card">/g)).toHaveLength(18);
    expect(first).toContain('href="/articles/1/" rel="next"');
    const oldest = readDist(dist, 'articles/1/index.html');
    expect(oldest.match(/<li><article class="card">/g)).toHaveLength(12);
    expect(oldest).toContain('href="/articles/" rel="prev"');
    expect(oldest).not.toContain('rel="next"');
    expect(oldest).toContain('href="/articles/fixture-article-1/"');
  });

  it('shows on each article the articles sharing the most skills with it', () => {
    type Item = { documentId: string; slug: string; publishedAt: string; skills: { documentId: string }[] };
    const articles = (content.articles as Item[])
      .map((a) => ({ ...a, publishedAt: new Date(a.publishedAt) }))
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
    const related = relatedFinder(articles, 3);
    let pagesWithRelated = 0;
    for (const article of articles) {
      const section =
        /<section aria-labelledby="related-title">([\s\S]*?)<\/section>/.exec(readDist(dist, `articles/${article.slug}/index.html`))?.[1] ??
        '';
      const shown = [...new Set([...section.matchAll(/href="(\/articles\/[^"]+\/)"/g)].map((m) => m[1]))];
      expect(shown, article.slug).toEqual(related(article).map((r) => `/articles/${r.slug}/`));
      if (shown.length > 0) pagesWithRelated++;
    }
    expect(pagesWithRelated).toBeGreaterThan(articles.length / 2);
  });

  it('every internal link resolves', () => {
    expect(brokenInternalLinks(dist, TEST_SITE_URL)).toEqual([]);
  });

  it('shows a hostile title as text everywhere', () => {
    const hostile = content.articles.find((a) => (a as { title: string }).title === HOSTILE_TITLE) as { slug: string };
    const html = readDist(dist, `articles/${hostile.slug}/index.html`);
    expect(html).toContain('<h1>Escaping &lt;img src=x onerror=alert(1)&gt; in templates</h1>');
    // Inside a quoted attribute value `<` is inert (Astro escapes the quotes), so look at the markup outside them.
    for (const file of filesUnder(dist).filter((f) => f.endsWith('.html')))
      expect(readDist(dist, file).replace(/="[^"]*"/g, '=""'), file).not.toContain('<img src=x');
  });

  it('lists every page in the sitemap and every article in the RSS feed', () => {
    const urls = new Set(sitemapUrls(dist));
    for (const slug of slugs(content.articles)) expect(urls).toContain(`${TEST_SITE_URL}/articles/${slug}/`);
    for (const slug of slugs(content.roles)) expect(urls).toContain(`${TEST_SITE_URL}/roles/${slug}/`);
    expect(urls).toContain(`${TEST_SITE_URL}/compare/backend-vs-frontend/`);
    expect([...urls].some((u) => u.includes('404'))).toBe(false);
    expect(rssItemLinks(dist).sort()).toEqual(
      slugs(content.articles)
        .map((s) => `${TEST_SITE_URL}/articles/${s}/`)
        .sort(),
    );
    expect(readDist(dist, 'robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap-index.xml`);
  });

  it('ships the search island, and the TOC script beside a table of contents, as files; nothing inline the CSP would refuse; the search-only key, never the master key', () => {
    const sources = new Map<string, string[]>();
    for (const file of filesUnder(dist)) {
      const text = fs.readFileSync(`${dist}/${file}`).toString('latin1');
      expect(text, file).not.toContain(MASTER_KEY_SENTINEL);
      if (!file.endsWith('.html')) continue;
      for (const [, attributes, body] of text.matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>([\s\S]*?)<\/script>/g)) {
        const src = /src="([^"]+)"/.exec(attributes!)?.[1];
        expect(src, `${file}: an inline script ${body!.slice(0, 40)}`).toBeDefined();
        sources.set(src!, [...(sources.get(src!) ?? []), file]);
      }
      expect(text.match(/<style[\s>]/g), `${file}: an inline style element`).toBeNull();
      expect(text.match(/\sstyle="/g), `${file}: a style attribute`).toBeNull();
    }
    expect([...sources.keys()]).toHaveLength(2);
    const toc = [...sources].find(([src]) => src.includes('Toc'));
    for (const file of toc![1]) expect(readDist(dist, file), file).toContain('class="toc"');
    expect(
      filesUnder(dist)
        .filter((f) => f.endsWith('.js'))
        .sort(),
    ).toEqual([...sources.keys()].map((s) => s.slice(1)).sort());
    expect(readDist(dist, 'search/index.html')).toContain('search-only-key');
  });

  it('writes the headers its pages are served with: scripts, styles and images only from its origin, search only to Meilisearch', () => {
    const headers = readHeadersFile(readDist(dist, '_headers'));
    expect(headers['content-security-policy']).toContain("script-src 'self';");
    expect(headers['content-security-policy']).toContain("connect-src 'self' http://127.0.0.1:7700;");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security'], 'SITE_URL is https').toBe('max-age=31536000');
  });

  it('puts canonical, OpenGraph and JSON-LD Article metadata on articles', () => {
    const slug = slugs(content.articles)[0]!;
    const html = readDist(dist, `articles/${slug}/index.html`);
    expect(html).toContain(`<link rel="canonical" href="${TEST_SITE_URL}/articles/${slug}/">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toMatch(new RegExp(`<meta property="og:image" content="${TEST_SITE_URL}/_astro/[^"]+\\.webp">`));
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
    expect(jsonLd['@type']).toBe('Article');
    expect(jsonLd.headline).toBe((content.articles[0] as { title: string }).title);
  });
});

describe('failed builds', () => {
  it('names the URL, the status and the fix when Strapi keeps failing', async () => {
    strapi.failNext(100, 503);
    const err = await buildSiteForTest(strapi.url, strapi.token).catch((e: unknown) => e);
    strapi.failNext(0, 503);
    expect((err as Error).message).toMatch(new RegExp(`GET ${strapi.url}/api/\\w+\\?\\S+ failed with HTTP 503 after 4 attempt`));
    expect((err as Error).message).toContain('start the CMS (npm start)');
  });

  it('refuses to build without articles unless ALLOW_EMPTY_SITE=true', async () => {
    const empty = await startFakeStrapi({ ...makeContent(0) });
    try {
      const err = await buildSiteForTest(empty.url, empty.token).catch((e: unknown) => e);
      expect((err as Error).message).toContain('zero published articles');
      expect((err as Error).message).toContain('ALLOW_EMPTY_SITE=true');
    } finally {
      await empty.stop();
    }
  });
});
