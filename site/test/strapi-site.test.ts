import { StrapiClient } from '@stackguide/runtime';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, startTestCms, type TestCms } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtHeaders, serveStatic } from '../server/static-files.ts';
import { listAll } from '../src/strapi/strapi-pages.ts';
import { buildSiteForTest, SITE_ROOT, TEST_SITE_URL } from './site-build.ts';
import { brokenInternalLinks, filesUnder, rssItemLinks, sitemapUrls } from './dist-checks.ts';

const SHOTS = path.join(SITE_ROOT, 'test-results');

let cms: TestCms | undefined;
let dist: string | undefined;
let server: http.Server | undefined;
let browser: Browser | undefined;
let origin = '';
const published: Record<'articles' | 'roles' | 'skills', string[]> = { articles: [], roles: [], skills: [] };

beforeAll(async () => {
  cms = await startTestCms();
  for (const name of ['articles', 'roles', 'skills'] as const) {
    const items = await listAll(new StrapiClient({ baseUrl: cms.url, token: cms.readToken }), `/api/${name}`);
    published[name] = items.map((i) => (i as { slug: string }).slug);
  }
  dist = await buildSiteForTest(cms.url, cms.readToken);
  const root = dist;
  server = http.createServer((req, res) => serveStatic(root, req, res, builtHeaders(root)));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
  await cms?.stop();
});

describe('site built from the seeded CMS', () => {
  it('has a page for every published article, role and skill', () => {
    expect(published.articles.length).toBeGreaterThanOrEqual(12);
    const files = new Set(filesUnder(dist!));
    for (const slug of published.articles) expect(files).toContain(`articles/${slug}/index.html`);
    for (const slug of published.roles) expect(files).toContain(`roles/${slug}/index.html`);
    for (const slug of published.skills) expect(files).toContain(`skills/${slug}/index.html`);
    expect(files).toContain('compare/backend-vs-frontend/index.html');
  });

  it('contains no draft anywhere', () => {
    for (const file of filesUnder(dist!)) expect(fs.readFileSync(path.join(dist!, file), 'utf8'), file).not.toContain('DRAFT:');
  });

  it('every internal link resolves; sitemap and RSS list the published articles', () => {
    expect(brokenInternalLinks(dist!, TEST_SITE_URL)).toEqual([]);
    const expected = published.articles.map((s) => `${TEST_SITE_URL}/articles/${s}/`).sort();
    expect(rssItemLinks(dist!).sort()).toEqual(expected);
    const urls = sitemapUrls(dist!);
    for (const url of expected) expect(urls).toContain(url);
    for (const slug of published.roles) expect(urls).toContain(`${TEST_SITE_URL}/roles/${slug}/`);
  });
});

describe('in Chromium', () => {
  it('navigates home → article → role → compare, with screenshots', async () => {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${origin}/`);
    await page.screenshot({ path: path.join(SHOTS, '1-home.png'), fullPage: true });
    await page.locator('section[aria-labelledby="latest-title"] .card-title a').first().click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    await page.screenshot({ path: path.join(SHOTS, '2-article.png'), fullPage: true });
    await page.locator('.article-header ul[aria-label="Roles"] a').first().click();
    await page.waitForURL(/\/roles\/[^/]+\/$/);
    await expect(page.locator('table caption').first().textContent()).resolves.toContain('gross pay');
    await page.screenshot({ path: path.join(SHOTS, '3-role.png'), fullPage: true });
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await page.waitForURL(/\/compare\/backend-vs-frontend\/$/);
    await page.screenshot({ path: path.join(SHOTS, '4-compare.png'), fullPage: true });
    await page.close();
  });

  it('axe-core finds no violations on home, an article, a role and the compare page, light and dark', async () => {
    const paths = ['/', `/articles/${published.articles[0]}/`, `/roles/${published.roles[0]}/`, '/compare/backend-vs-frontend/'];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser!.newPage({ colorScheme });
      for (const p of paths) {
        await page.goto(`${origin}${p}`);
        expect(await axeViolations(page), `${p} (${colorScheme})`).toEqual([]);
      }
      await page.close();
    }
    // Eight axe runs take seconds each when the machine is busy.
  }, 120_000);
});
