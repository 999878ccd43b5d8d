import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchStack, startSearchStack } from './search-stack.ts';

/** A paraphrase no article holds every word of, sharing none with its article's title ("What a frontend developer does"). */
const PARAPHRASE = 'turning a designer mockup into a working web page';
const TARGET = '/articles/what-a-frontend-developer-does/';
/** Nothing on the site answers it, yet a sentence encoder has nearest articles for it too. */
const UNRELATED = 'banana bread recipe';

let stack: SearchStack | undefined;
beforeAll(async () => {
  stack = await startSearchStack({ embedder: true });
});
afterAll(async () => {
  await stack?.stop();
});
const s = () => stack!;

/** Opens /search/ for `q` and waits until the page settled its semantic step; returns `data-semantic`. */
async function searchSettled(page: Page, q: string): Promise<string | null> {
  await page.goto(`${s().origin}/search/?q=${encodeURIComponent(q)}`);
  const app = page.locator('#search-app[data-semantic]');
  await app.waitFor({ state: 'attached', timeout: 15_000 });
  return app.getAttribute('data-semantic');
}

async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await s().browser.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

describe('semantic search on /search/ (real embedder, real Meilisearch)', () => {
  it('finds the article a paraphrase means where keywords find nothing, asking by meaning with the query as typed', () =>
    withPage(async (page) => {
      const semanticQueries: { q?: string; hybrid?: { semanticRatio?: number } }[] = [];
      page.on('request', (request) => {
        const body = request.url().endsWith('/multi-search') ? request.postData() : null;
        const queries = body ? (JSON.parse(body) as { queries: { q?: string; hybrid?: object }[] }).queries : [];
        semanticQueries.push(...queries.filter((query) => query.hybrid));
      });
      await expect(searchSettled(page, PARAPHRASE)).resolves.toBe('shown');
      const hrefs = await page.locator('#search-results [role=option]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs.some((href) => href?.startsWith(TARGET))).toBe(true);
      // Keywords found nothing, so the role filters count the hits meaning found, not the whole index.
      const roleCounts = await page
        .locator('#search-app input[data-facet=roles]')
        .evaluateAll((boxes) => boxes.map((box) => Number(/\((\d+)\)/.exec(box.parentElement?.textContent ?? '')?.[1])));
      expect(roleCounts.length).toBeGreaterThan(0);
      expect(roleCounts.every((n) => n >= 1 && n <= hrefs.length)).toBe(true);
      // Its stop words ("a", "into") stay: the keyword query goes without them, the sentence encoder reads them.
      expect(semanticQueries.map((query) => [query.q, query.hybrid?.semanticRatio])).toEqual([[PARAPHRASE, 1]]);
    }));

  it('the header panel lists what meaning finds for a paraphrase whose words match nothing, on every page', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/articles/`);
      await page.locator('#header-search-q').fill(PARAPHRASE);
      const option = page.locator(`#header-search-list [role=option][href^="${TARGET}"]`);
      await option.waitFor({ timeout: 15_000 });
      await expect(page.locator('#header-search-q').getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(page.locator('[data-search-panel] [data-search-message]').textContent()).resolves.toBe('');
      await expect(page.locator('form[data-search-box] [data-search-status]').textContent()).resolves.toMatch(/^\d+ results? for/);
    }));

  it('answers a query unrelated to the site with "nothing found", not with the articles nearest by meaning', () =>
    withPage(async (page) => {
      await expect(searchSettled(page, UNRELATED)).resolves.toBe('abandoned');
      await expect(page.locator('#search-results [role=option]').count()).resolves.toBe(0);
      await expect(page.locator('#search-fallback').isVisible()).resolves.toBe(true);
      // The header panel, on another page, once its query by meaning has been answered.
      await page.goto(`${s().origin}/articles/`);
      const answered = page.waitForResponse(
        (r) => r.url().endsWith('/multi-search') && Boolean(r.request().postData()?.includes('"hybrid"')),
      );
      await page.locator('#header-search-q').fill(UNRELATED);
      await answered;
      await page.evaluate(() => new Promise(requestAnimationFrame));
      await expect(page.locator('#header-search-list [role=option]').count()).resolves.toBe(0);
      await expect(page.locator('[data-search-panel] [data-search-message]').textContent()).resolves.toMatch(/^No articles match/);
    }));

  it('with the embedder killed, paints the keyword results and abandons the semantic request', () =>
    withPage(async (page) => {
      await s().embedder!.stop();
      await expect(searchSettled(page, 'backend developer')).resolves.toBe('abandoned');
      await expect(page.locator('#search-results [role=option]').count()).resolves.toBeGreaterThan(0);
      // Keyword results: the role page named by the query first, then its articles.
      const hrefs = await page
        .locator('#search-results [role=option]')
        .evaluateAll((options) => options.map((o) => o.getAttribute('href')));
      expect(hrefs[0]).toMatch(/^\/(articles|roles)\//);
      expect(hrefs.some((href) => href?.startsWith('/articles/'))).toBe(true);
      await expect(page.locator('#search-fallback').isHidden()).resolves.toBe(true);
    }));
});
