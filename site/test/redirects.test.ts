import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, startFakeStrapi, startSiteServer, waitFor, type FakeStrapi, type SiteServer } from '@stackguide/test-kit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SLUG } from '../src/lib/redirects.ts';
import { REDIRECT_CACHE_CONTROL, redirectFiles } from '../server/redirect-files.ts';
import { makeContent } from './fixtures.ts';
import { checkConfig, NGINX_INSTALLED, type Nginx, startNginx } from './nginx.ts';

// Old article addresses, served by both servers that serve builds: the site server (`npm start`)
// and nginx with docker-compose's own configuration, reloaded on a build switch by the container's
// own script. The content comes from the fake Strapi with the previousSlugs the CMS keeps
// (the CMS's side: cms/test/editor-flows; the real CMS through a build: incremental.test.ts).

type Article = Record<string, unknown> & { documentId: string; slug: string; title: string };
const content = makeContent(8);
const articles = content.articles as Article[];
const old = (slug: string, day: number) => ({ slug, until: new Date(Date.UTC(2026, 5, day)).toISOString() });
const byId = (documentId: string) => articles.find((a) => a.documentId === documentId)!;
// Renamed twice: both old addresses lead straight to the current one.
byId('article-1').previousSlugs = [old('first-name', 1), old('second-name', 2)];
// Left a slug another article took since: that article's page is served there.
byId('article-3').previousSlugs = [old('fixture-article-4', 3)];
// Two articles left the same slug: the one that left it last has it.
byId('article-5').previousSlugs = [old('contested-name', 4)];
byId('article-6').previousSlugs = [old('contested-name', 5)];

let strapi: FakeStrapi<Article>;
let site: SiteServer;
let nginx: Nginx | null = null;
let browser: Browser;

beforeAll(async () => {
  strapi = await startFakeStrapi(content as { articles: Article[]; roles: unknown[]; skills: unknown[] });
  site = await startSiteServer({ strapiUrl: strapi.url, token: strapi.token });
  if (NGINX_INSTALLED) nginx = await startNginx(site.buildsDir, site.url);
  else console.warn('redirects.test: nginx is not installed (Debian package nginx-light): only the site server is checked');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  await site?.stop();
  await strapi?.stop();
});

/** Each server serving the builds, by name. */
const servers = (): [string, string][] => [['site server', site.url], ...(nginx ? [['nginx', nginx.url] as [string, string]] : [])];

async function answer(url: string): Promise<{ status: number; location: string | null; cache: string | null }> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.body?.cancel();
  const location = res.status === 301 ? res.headers.get('location') : null;
  return { status: res.status, location, cache: location ? res.headers.get('cache-control') : null };
}
const moved = (to: string) => ({ status: 301, location: to, cache: REDIRECT_CACHE_CONTROL });

describe('old article addresses (site server and nginx)', () => {
  it('answer 301 to the current address, one hop from any old one, query kept', async () => {
    for (const [name, base] of servers()) {
      for (const from of ['/articles/first-name/', '/articles/second-name/', '/articles/first-name'])
        expect(await answer(`${base}${from}`), `${name} ${from}`).toEqual(moved('/articles/fixture-article-1/'));
      expect(await answer(`${base}/articles/second-name/?utm_source=feed`), name).toEqual(
        moved('/articles/fixture-article-1/?utm_source=feed'),
      );
      expect(await answer(`${base}/articles/contested-name/`), name).toEqual(moved('/articles/fixture-article-6/'));
    }
  });

  it('leave pages, other misses and the map files themselves alone', async () => {
    for (const [name, base] of servers()) {
      expect((await answer(`${base}/articles/fixture-article-4/`)).status, name).toBe(200);
      expect((await answer(`${base}/articles/fixture-article-1/`)).status, name).toBe(200);
      expect((await answer(`${base}/articles/never-existed/`)).status, name).toBe(404);
      for (const file of ['_redirects.json', '_redirects.nginx'])
        expect((await answer(`${base}/${file}`)).status, `${name} ${file}`).toBe(404);
      const sitemap = await (await fetch(`${base}/sitemap-0.xml`)).text();
      expect(sitemap, name).toContain('/articles/fixture-article-1/');
      expect(sitemap, name).not.toMatch(/first-name|second-name|contested-name/);
    }
  });

  it('take a reader in Chromium from an old address to the article', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    try {
      for (const [name, base] of servers()) {
        await page.goto(`${base}/articles/first-name/?from=bookmark`);
        expect(page.url(), name).toBe(`${base}/articles/fixture-article-1/?from=bookmark`);
        expect(await page.locator('h1').first().textContent(), name).toBe(byId('article-1').title);
      }
    } finally {
      await page.close();
    }
  });

  it('follow a rename into the next build, and end when the article is unpublished', { timeout: 240_000 }, async () => {
    strapi.put({
      ...byId('article-7'),
      slug: 'seventh-renamed',
      previousSlugs: [old('fixture-article-7', 6)],
      updatedAt: new Date().toISOString(),
    });
    strapi.remove('article-1');
    await site.rebuild({
      changedAt: new Date().toISOString(),
      changes: ['article-7', 'article-1'].map((documentId) => ({ kind: 'article', documentId })),
    });
    for (const [name, base] of servers()) {
      // nginx serves the new build at once and takes its map at the reload right after the switch.
      await waitFor(
        `${name} to redirect the renamed article`,
        async () => (await answer(`${base}/articles/fixture-article-7/`)).status === 301,
        {
          timeoutMs: 15_000,
        },
      );
      expect(await answer(`${base}/articles/fixture-article-7/`), name).toEqual(moved('/articles/seventh-renamed/'));
      expect((await answer(`${base}/articles/seventh-renamed/`)).status, name).toBe(200);
      for (const from of ['/articles/first-name/', '/articles/second-name/', '/articles/fixture-article-1/'])
        expect((await answer(`${base}${from}`)).status, `${name} ${from}`).toBe(404);
    }
    if (nginx) expect(nginx.lines.join('\n')).not.toMatch(/\[(emerg|alert|crit|error)\]|refused/);
  });
});

describe.skipIf(!NGINX_INSTALLED)("nginx's redirect map", () => {
  it('takes the map of a large site with the longest slugs redirected', async () => {
    const buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-nginx-map-'));
    try {
      fs.mkdirSync(path.join(buildsDir, 'site-1'));
      fs.symlinkSync('site-1', path.join(buildsDir, 'current'));
      const slug = (i: number) => `${i}-${'x'.repeat(MAX_SLUG)}`.slice(0, MAX_SLUG);
      const map = new Map(Array.from({ length: 20_000 }, (_, i) => [`/articles/${slug(i)}/`, `/articles/${slug(i + 1)}/`]));
      for (const [file, text] of redirectFiles(map)) fs.writeFileSync(path.join(buildsDir, 'site-1', file), text);
      const { status, output } = await checkConfig(buildsDir);
      expect(status, output).toBe(0);
    } finally {
      fs.rmSync(buildsDir, { recursive: true, force: true });
    }
  });
});
