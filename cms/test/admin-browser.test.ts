import fs from 'node:fs';
import path from 'node:path';
import { AdminRequestError, testSecrets, waitFor } from '@stackguide/test-kit';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PopularQueries } from '@stackguide/contracts/analytics';
import type { ArticleStatus, Overview } from '../src/plugins/search-site/shared/contracts.ts';
import { adminLogin } from './admin-login.ts';
import { addAdminUser, startSearchStack, type SearchStack } from './search-stack.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ADMIN_BUILD = path.resolve(import.meta.dirname, '../dist/build');
/** Names of what must stay server-side; the bundle must not even read them. */
const SECRET_NAMES = ['SEARCH_SYNC_ADMIN_SECRET', 'BUILD_HOOK_SECRET', 'MEILI_MASTER_KEY'] as const;

let stack: SearchStack;
let browser: Browser;
let page: Page;
/** Every response the browser received, with its body, for the secrets check. */
const seen: { url: string; body: string }[] = [];
/** Every line the CMS logged (search-sync's are prefixed with its name). */
const cmsLines: string[] = [];

async function open(as: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  ctx.on('response', (res) => {
    void res.body().then(
      (body) => seen.push({ url: res.url(), body: body.toString('latin1') }),
      () => undefined,
    );
  });
  const p = await ctx.newPage();
  await adminLogin(p, stack.cms.url, as);
  return { context: ctx, page: p };
}

const searchSitePage = async (p: Page) => {
  await p.getByRole('link', { name: 'Search & site' }).click();
  await p.getByRole('heading', { name: 'Search & site', level: 1 }).waitFor();
};

beforeAll(async () => {
  const secrets = testSecrets();
  // Present while the admin panel is built (when it is stale), so a bundle reading them would carry them.
  for (const name of SECRET_NAMES) process.env[name] = secrets[name];
  stack = await startSearchStack({ admin: true, secrets, onLine: (line) => cmsLines.push(line) });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  ({ page } = await open({ email: stack.env.ADMIN_EMAIL!, password: stack.env.ADMIN_PASSWORD! }));
}, 30 * 60_000);
afterAll(async () => {
  for (const name of SECRET_NAMES) delete process.env[name];
  await browser?.close();
  await stack?.stop();
});

describe('the Strapi admin with the Search & site plugin (Chromium)', () => {
  it('shows the search index and the site build on the Search & site page', async () => {
    await searchSitePage(page);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Search index' }).waitFor();
    await main.getByText(/Last reconcile.*54 published/).waitFor({ timeout: 30_000 });
    await main.getByText(/full build finished .* 12 pages/).waitFor({ timeout: 30_000 });
    await main.getByText('None: every change reached the index.').waitFor();
    await main.getByText('No searches yet.').waitFor();
  });

  it('loads the admin with its favicon and without the CMS logging an error', async () => {
    const from = cmsLines.length;
    await page.goto(`${stack.cms.url}/admin`);
    await page.getByRole('link', { name: 'Search & site' }).waitFor();
    const icon = await fetch(`${stack.cms.url}/favicon.ico`);
    await page.reload();
    await page.getByRole('link', { name: 'Search & site' }).waitFor();
    expect(cmsLines.slice(from).filter((line) => !line.startsWith('search-sync:') && /\berror\b|ENOENT/i.test(line))).toEqual([]);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\//);
  });

  it('hides a query from the popular searches with Hide on the analytics card, and shows it again', async () => {
    const popular = async () =>
      ((await (await fetch(`${stack.syncUrl}/analytics/popular?limit=20`)).json()) as PopularQueries).queries.map((q) => q.query);
    // Three visitors (as a proxy on a private network forwards them) search what the demo content holds.
    for (const q of ['postgresql', 'hidden by the editor postgresql'])
      for (const visitor of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
        const res = await fetch(`${stack.syncUrl}/analytics`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': visitor },
          body: JSON.stringify({ type: 'search', q, results: 0 }),
        });
        expect(res.status).toBe(204);
      }
    expect(await popular()).toContain('postgresql');
    await searchSitePage(page);
    const main = page.getByRole('main');
    // The card polls once a minute: a reload shows the reports at once.
    await page.reload();
    await main.getByRole('grid', { name: 'Top queries' }).getByRole('gridcell', { name: 'postgresql', exact: true }).waitFor();
    await main.getByRole('grid', { name: 'Top queries' }).getByRole('button', { name: 'Hide “postgresql”' }).click();
    await page.getByText('“postgresql” is hidden from popular searches.').waitFor();
    await main.getByRole('grid', { name: 'Hidden queries' }).getByRole('gridcell', { name: 'postgresql', exact: true }).waitFor();
    expect(await main.getByRole('grid', { name: 'Top queries' }).getByRole('gridcell', { name: 'postgresql', exact: true }).count()).toBe(
      0,
    );
    expect(await popular()).not.toContain('postgresql');
    await main.getByRole('button', { name: 'Show “postgresql”' }).click();
    await main.getByRole('grid', { name: 'Top queries' }).getByRole('gridcell', { name: 'postgresql', exact: true }).waitFor();
    expect(await popular()).toContain('postgresql');
    await main.getByRole('grid', { name: 'Top queries' }).getByRole('button', { name: 'Hide “hidden by the editor postgresql”' }).click();
    await main
      .getByRole('grid', { name: 'Hidden queries' })
      .getByRole('gridcell', { name: 'hidden by the editor postgresql', exact: true })
      .waitFor();
  });

  it('follows an article from draft to search and to the site in the edit view, without a reload', async () => {
    const admin = await stack.cms.admin();
    const { documentId } = await admin.createArticle({
      title: 'Watched from the edit view',
      slug: 'watched-from-the-edit-view',
      excerpt: 'Published while the status panel watches.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Status panel body.' }] }],
      authorName: 'Browser Test',
    });
    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::article.article/${documentId}`);
    await page.getByText('Not in search (draft)').waitFor({ timeout: 30_000 });
    await page.getByText('Not on the site (draft)').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/^In search: updated \d+ s ago$/).waitFor({ timeout: 60_000 });
    await page.getByText(/^On the site: since build of \d\d:\d\d$/).waitFor({ timeout: 60_000 });
  });

  it('reindexes from the page with live progress until it completes', async () => {
    await searchSitePage(page);
    const main = page.getByRole('main');
    const reindex = main.getByRole('button', { name: 'Reindex' });
    // Every text the progress line shows, however briefly.
    await page.evaluate(() => {
      const w = window as unknown as { progressTexts: string[] };
      w.progressTexts = [];
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[aria-live="polite"]')) w.progressTexts.push(el.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await reindex.click();
    await main.getByText(/^Last reindex: done, 55 documents, started .* took /).waitFor({ timeout: 120_000 });
    const texts = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
    expect(texts.some((t) => t.startsWith('Reindexing'))).toBe(true);
    expect(await reindex.isEnabled()).toBe(true);
  });

  // It restarts the CMS, which alone can take most of a minute on a busy machine.
  it('lists the changes search-sync gave up on, and retries or discards them from the page', { timeout: 180_000 }, async () => {
    const admin = await stack.cms.admin();
    // A lost read token: search-sync's re-fetch is refused (401), which no retry can fix by itself.
    const tokens = await admin.request<{ data: { id: number; name: string }[] }>('GET', '/admin/api-tokens');
    await admin.request('DELETE', `/admin/api-tokens/${tokens.data.find((t) => t.name === 'stackguide-read')!.id}`);
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Published while search-sync could not read it.' }] }];
    const article = (n: number) => ({
      title: `Dead letter ${n}`,
      slug: `dead-letter-${n}`,
      excerpt: 'An article search-sync cannot read.',
      body,
      authorName: 'Browser Test',
    });
    const first = await admin.createArticle(article(1), { publish: true });
    await admin.createArticle(article(2), { publish: true });
    await waitFor('two dead letters', async () => {
      const o = await admin.request<Overview>('GET', '/search-site/overview');
      return o.searchSync.ok && o.searchSync.data.deadLetters.length === 2;
    });
    // Restarting the CMS gives the token back (it re-creates it from .env).
    await stack.cms.restart();
    await page.reload();
    await searchSitePage(page);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Dead letters (2)' }).waitFor();
    await main.getByRole('row', { name: /Dead letter 1.*401/ }).waitFor();
    await main.getByRole('button', { name: 'Retry Dead letter 1' }).click();
    await page.getByText('Queued again.').waitFor();
    await main.getByRole('heading', { name: 'Dead letters (1)' }).waitFor();
    await main.getByRole('button', { name: 'Discard Dead letter 2' }).click();
    await main.getByText('None: every change reached the index.').waitFor();
    const again = await stack.cms.admin();
    await waitFor('retried article in search', async () => {
      const s = await again.request<ArticleStatus>('GET', `/search-site/articles/${first.documentId}`);
      return s.search.ok && s.search.data.state === 'indexed';
    });
  });

  it('shows Authors the page read-only, and the server refuses their reindex', async () => {
    const author = await addAdminUser(stack.cms, 'strapi-author');
    const session = await open(author);
    try {
      await searchSitePage(session.page);
      const main = session.page.getByRole('main');
      await main.getByText(/reindexing, handling dead letters and hiding search queries need the Editor or Super Admin role/).waitFor();
      await main.getByRole('heading', { name: 'Search index' }).waitFor();
      expect(await main.getByRole('button', { name: 'Reindex' }).count()).toBe(0);
      await main.getByRole('gridcell', { name: 'hidden by the editor postgresql', exact: true }).waitFor();
      expect(await main.getByRole('button', { name: /^(Hide|Show) “/ }).count()).toBe(0);
      const refused = await author.request('POST', '/search-site/reindex').catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(AdminRequestError);
      expect((refused as AdminRequestError).status).toBe(403);
    } finally {
      await session.context.close();
    }
  });

  it('says in the edit view that the old address will redirect once a changed slug is published', async () => {
    const admin = await stack.cms.admin();
    const { documentId } = await admin.createArticle(
      {
        title: 'An article about to move',
        slug: 'about-to-move',
        excerpt: 'Its slug changes in the edit view.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Moving body.' }] }],
        authorName: 'Browser Test',
      },
      { publish: true },
    );
    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::article.article/${documentId}`);
    const notice = page.getByText('Old address /articles/about-to-move/ will redirect here once you publish.');
    await page.getByRole('textbox', { name: /^URL slug/ }).fill('moved-here');
    await notice.waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Publish' }).click();
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    const res = await fetch(`${stack.cms.url}/api/articles/${documentId}?fields[0]=slug&fields[1]=previousSlugs`);
    const { data } = (await res.json()) as { data: { slug: string; previousSlugs: { slug: string }[] } };
    expect(data.slug).toBe('moved-here');
    expect(data.previousSlugs.map((p) => p.slug)).toEqual(['about-to-move']);
  });

  it('never lets a search-sync, build-hook or Meilisearch secret reach the browser', async () => {
    const values = SECRET_NAMES.map((name) => stack.secrets[name]);
    expect(seen.some((r) => r.url.includes('/search-site/overview'))).toBe(true);
    expect(seen.some((r) => r.url.includes('/search-site/articles/'))).toBe(true);
    for (const { url, body } of seen)
      for (const value of values) expect(body.includes(value), `a secret in the response of ${url}`).toBe(false);
    const stored = await page.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }),
    );
    for (const value of values) expect(stored.includes(value)).toBe(false);
    const bundle = fs.readdirSync(ADMIN_BUILD, { recursive: true }).map((f) => path.join(ADMIN_BUILD, String(f)));
    const files = bundle.filter((f) => fs.statSync(f).isFile() && /\.(js|mjs|html|json|map)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = fs.readFileSync(file, 'latin1');
      for (const needle of [...values, ...SECRET_NAMES]) expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
    }
  });
});
