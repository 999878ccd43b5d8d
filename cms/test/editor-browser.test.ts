import { ANALYTICS_PATH, type AnalyticsEvent } from '@stackguide/contracts/analytics';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { AdminRequestError, launchChromium, waitFor } from '@stackguide/test-kit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin } from './admin-login.ts';
import { addAdminUser, startSearchStack, type SearchStack } from './search-stack.ts';

/** A search readers make that no article answers: German for remote work. */
const GAP = 'distanzarbeit';
const paragraph = (...children: Record<string, unknown>[]) => [{ type: 'paragraph', children }];
const text = (t: string) => ({ type: 'text', text: t });
const link = (url: string, t: string) => ({ type: 'link', url, children: [text(t)] });

let stack: SearchStack;
let browser: Browser;

/** A logged-in admin tab in an editor's locale and time zone (Berlin: UTC+1 in December). */
async function open(as: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await adminLogin(page, stack.cms.url, as);
  return page;
}

const searchSitePage = async (page: Page) => {
  await page.goto(`${stack.cms.url}/admin/plugins/search-site`);
  await page.getByRole('heading', { name: 'Search & site', level: 1 }).waitFor({ timeout: 30_000 });
  return page.getByRole('main');
};

/** documentIds Meilisearch finds for `q`. */
async function search(q: string): Promise<string[]> {
  const res = await fetch(`${stack.meili.url}/indexes/${INDEX_UID}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.secrets.MEILI_MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ q, attributesToRetrieve: ['id'] }),
  });
  if (!res.ok) throw new Error(`search for ${q}: HTTP ${res.status}`);
  return ((await res.json()) as { hits: { id: string }[] }).hits.map((h) => h.id);
}

/** What the site's search box reports: `GAP` searched three times without results (the list's threshold). */
async function reportGap(): Promise<void> {
  const syncOrigin = new URL(stack.env.SEARCH_SYNC_URL!).origin;
  // Three visitors, as a proxy on a private network forwards them: one alone is never listed.
  for (let i = 0; i < 3; i++) {
    const event: AnalyticsEvent = { type: 'search', q: GAP, results: 0 };
    const res = await fetch(`${syncOrigin}${ANALYTICS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` },
      body: JSON.stringify(event),
    });
    await res.body?.cancel();
    expect(res.status).toBeLessThan(300);
  }
}

beforeAll(async () => {
  stack = await startSearchStack({ admin: true });
  browser = await launchChromium();
}, 30 * 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("editors' scheduling, link checks and content gaps in the real admin (Chromium)", () => {
  it("shows an article's schedule, its broken links and who links to it in the edit view", { timeout: 300_000 }, async () => {
    const admin = await stack.cms.admin();
    const target = await admin.createArticle(
      {
        title: 'Browser link target',
        slug: 'browser-link-target',
        excerpt: 'Linked from another article, linking nowhere itself.',
        body: paragraph(text('See '), link('/articles/browser-nowhere/', 'nowhere')),
        authorName: 'Browser Test',
      },
      { publish: true },
    );
    await admin.createArticle(
      {
        title: 'Browser link source',
        slug: 'browser-link-source',
        excerpt: 'Links to the target.',
        body: paragraph(link('/articles/browser-link-target/', 'the target')),
        authorName: 'Browser Test',
      },
      { publish: true },
    );
    await admin.updateArticle(target.documentId, { publishAt: '2030-12-06T13:00:00.000Z', unpublishAt: '2030-12-07T08:00:00.000Z' });

    const page = await open({ email: stack.env.ADMIN_EMAIL!, password: stack.env.ADMIN_PASSWORD! });
    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::article.article/${target.documentId}`);
    await page.getByText('Publish at', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.getByText('Scheduled for 6 Dec 2030, 14:00', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText('Unpublishes 7 Dec 2030, 09:00', { exact: true }).waitFor();
    await page.getByText('1 broken link in the saved draft:').waitFor();
    await page.getByText('“nowhere” → /articles/browser-nowhere/: no such article').waitFor();
    await page.getByText(/^Linked from 1 published article/).waitFor();
    await page.getByRole('link', { name: 'Browser link source' }).waitFor();

    const main = await searchSitePage(page);
    await main
      .getByRole('row', { name: /Browser link target.*nowhere.*\/articles\/browser-nowhere\/.*no such article/ })
      .waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('turns a search without results into a draft titled by it, and into a synonym that search then uses', {
    timeout: 300_000,
  }, async () => {
    expect(await search(GAP)).toEqual([]);
    await reportGap();
    const page = await open({ email: stack.env.ADMIN_EMAIL!, password: stack.env.ADMIN_PASSWORD! });
    let main = await searchSitePage(page);
    await main.getByRole('button', { name: `Write an article about ${GAP}` }).click({ timeout: 90_000 });
    await page.waitForURL(/\/content-manager\/collection-types\/api::article\.article\/create/);
    await waitFor('working title', async () => (await page.locator('input[name="title"]').inputValue()) === GAP);
    await waitFor('slug from it', async () => (await page.locator('input[name="slug"]').inputValue()) === GAP);

    main = await searchSitePage(page);
    await main.getByRole('button', { name: `Add ${GAP} as synonym…` }).click({ timeout: 90_000 });
    const dialog = page.getByRole('dialog');
    const groups = dialog.getByRole('combobox');
    await groups.click();
    await groups.press('ArrowDown');
    await page.getByRole('option', { name: /^remote, remotely, .*telework/ }).click();
    await dialog.getByRole('button', { name: 'Add to search vocabulary' }).click();
    await page.getByText(new RegExp(`Added “${GAP}”: remote, .*telework, ${GAP}`)).waitFor();
    const remote = await search('remote');
    expect(remote.length).toBeGreaterThan(0);
    await waitFor('synonym in search', async () => (await search(GAP)).length === remote.length, { timeoutMs: 30_000 });
    expect((await search(GAP)).sort()).toEqual(remote.sort());
    await page.context().close();
  });

  it('refuses a word the vocabulary refuses with its message, and gives Authors no buttons and a 403', { timeout: 300_000 }, async () => {
    const admin = await stack.cms.admin();
    const refused = await admin
      .request('POST', '/search-site/vocabulary/synonyms', { query: 'remote', word: 'distance work' })
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AdminRequestError);
    expect((refused as AdminRequestError).status).toBe(400);
    expect(JSON.stringify((refused as AdminRequestError).body)).toMatch(/remote/);

    const author = await addAdminUser(stack.cms, 'strapi-author');
    const page = await open(author);
    const main = await searchSitePage(page);
    await main
      .getByRole('row', { name: new RegExp(`^${GAP}`) })
      .first()
      .waitFor({ timeout: 90_000 });
    expect(await main.getByRole('button', { name: /Write an article|as synonym/ }).count()).toBe(0);
    for (const [method, route, body] of [
      ['GET', '/search-site/vocabulary/synonym-groups', undefined],
      ['POST', '/search-site/vocabulary/synonyms', { query: GAP, word: 'fernarbeit' }],
    ] as const) {
      const answer = await author.request(method, route, body).catch((err: unknown) => err);
      expect((answer as AdminRequestError).status, route).toBe(403);
    }
    await page.context().close();
  });
});
