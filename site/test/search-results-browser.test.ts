import path from 'node:path';
import Database from 'better-sqlite3';
import { waitFor } from '@stackguide/test-kit';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '@stackguide/test-kit';
import { SEARCH_TERMS_PATH } from '@stackguide/contracts/analytics';
import { HOSTILE_SECTION_WORD, HOSTILE_TITLE, startSearchStack, type SearchStack } from './search-stack.ts';

/** Twelve articles sharing one word: more than a page of results (10) for it. */
const PAGING_WORD = 'quokka';
const pagingArticles = Array.from({ length: 12 }, (_, i) => ({
  title: `Field notes ${i + 1}`,
  slug: `field-notes-${i + 1}`,
  excerpt: `Field notes number ${i + 1}, written in the bush.`,
  body: [{ type: 'paragraph', children: [{ type: 'text', text: `A ${PAGING_WORD} sighting, entry ${i + 1}.` }] }],
  authorName: 'Test',
}));

let stack: SearchStack | undefined;
beforeAll(async () => {
  stack = await startSearchStack({ articles: pagingArticles, serve: true });
});
// The pages run under the Content-Security-Policy the build wrote for them: nothing they do may be refused.
afterEach(() => {
  expect(stack?.cspViolations.splice(0) ?? []).toEqual([]);
});
afterAll(async () => {
  await stack?.stop();
});
const s = () => stack!;
const options = (page: Page) => page.locator('#search-results [role=option]');
/** Resolves once the page upgraded its results with their sections (only the upgrade sets `data-section-ms`). */
const sectionsPainted = (page: Page) => page.locator('#search-app[data-section-ms]').waitFor({ state: 'attached' });

/** Rows of search-sync's analytics database for `query` (normalised), read as the admin would not need to. */
function analyticsRow(query: string): { searches: number; clicks: number } | undefined {
  const db = new Database(path.join(s().sync!.dataDir, 'analytics.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT SUM(searches) AS searches, SUM(clicks) AS clicks FROM query_days WHERE query = ? GROUP BY query')
      .get(query) as { searches: number; clicks: number } | undefined;
  } finally {
    db.close();
  }
}

async function withPage<T>(fn: (page: Page) => Promise<T>, context?: BrowserContext): Promise<T> {
  const page = await (context ?? s()).newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

describe('section results', () => {
  it('name the section and link its heading; the article page opens scrolled to it', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/search/?q=${encodeURIComponent('agile project work')}`);
      const hit = options(page)
        .filter({ has: page.locator('.search-hit-section') })
        .first();
      await hit.waitFor();
      await expect(hit.getAttribute('href')).resolves.toBe('/articles/backend-skills-beyond-writing-code/#agile-project-work');
      await expect(hit.locator('.search-hit-section').textContent()).resolves.toBe('Section: Agile project work');
      await hit.click();
      await page.waitForURL(`${s().origin}/articles/backend-skills-beyond-writing-code/#agile-project-work`);
      const top = await page.locator('#agile-project-work').evaluate((h) => h.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(100);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(200);
    }));

  it('a result painted without its section is deep-linked once the section query answers, keeping the active option', () =>
    withPage(async (page) => {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/multi-search', async (route) => {
        if (route.request().postData()?.includes('sections.heading')) await held;
        await route.continue();
      });
      await page.goto(`${s().origin}/search/`);
      await page.locator('#search-app:not([hidden])').waitFor();
      const input = page.locator('#search-q');
      await input.fill('agile project work');
      const hit = page.locator('#search-results [role=option][href^="/articles/backend-skills-beyond-writing-code/"]');
      await hit.waitFor();
      await expect(hit.getAttribute('href')).resolves.toBe('/articles/backend-skills-beyond-writing-code/');
      const id = await hit.getAttribute('id');
      for (let i = 0; i < 10 && (await input.getAttribute('aria-activedescendant')) !== id; i++) await input.press('ArrowDown');
      release();
      await sectionsPainted(page);
      const upgraded = page.locator(`#${id}`);
      await expect(upgraded.getAttribute('href')).resolves.toBe('/articles/backend-skills-beyond-writing-code/#agile-project-work');
      await expect(upgraded.locator('.search-hit-section').textContent()).resolves.toBe('Section: Agile project work');
      await expect(upgraded.getAttribute('aria-selected')).resolves.toBe('true');
      await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(id);
      await input.press('Enter');
      await page.waitForURL(`${s().origin}/articles/backend-skills-beyond-writing-code/#agile-project-work`);
    }));

  it('show a hostile heading and section text as text', () =>
    withPage(async (page) => {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.goto(`${s().origin}/search/?q=${HOSTILE_SECTION_WORD}`);
      const hit = options(page).first();
      await hit.waitFor();
      await sectionsPainted(page);
      await expect(hit.getAttribute('href')).resolves.toBe('/articles/hostile-title/#img-src-x-onerror-alert-1');
      await expect(hit.locator('.search-hit-section').textContent()).resolves.toBe(`Section: ${HOSTILE_TITLE}`);
      await expect(hit.locator('.search-hit-snippet').textContent()).resolves.toContain('<script>alert(2)</script>');
      await expect(hit.locator('mark').textContent()).resolves.toBe(HOSTILE_SECTION_WORD);
      await expect(page.locator('#search-app img, #search-app script').count()).resolves.toBe(0);
      expect(dialogs).toBe(0);
    }));
});

describe('every result reachable', () => {
  it('"More results" by keyboard adds the next page, puts it in the URL and focuses its first result; back and a shared link restore it', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/search/?q=${PAGING_WORD}`);
      await page.waitForFunction(() => document.querySelectorAll('#search-results [role=option]').length === 10);
      const more = page.locator('[data-more-results]');
      await more.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('page') === '2');
      await page.waitForFunction(() => document.querySelectorAll('#search-results [role=option]').length === 12);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-hit-10');
      await expect(more.isHidden()).resolves.toBe(true);
      await expect(page.locator('#search-app [data-search-status]').textContent()).resolves.toBe('Showing 12 of 12 results.');
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('#search-results [role=option]').length === 10);
      await expect(more.isVisible()).resolves.toBe(true);
      await page.goto(`${s().origin}/search/?q=${PAGING_WORD}&page=2`);
      await page.waitForFunction(() => document.querySelectorAll('#search-results [role=option]').length === 12);
    }));

  it('back from a result opened before typing paused finds the query typed, in the box and the URL', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/search/`);
      await page.locator('#search-q').fill(PAGING_WORD);
      await options(page).first().waitFor();
      // Well within the pause after which typing reaches the address bar on its own.
      await page.locator('#search-q').press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/articles\/field-notes-\d+\/$/);
      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('q') === PAGING_WORD);
      await expect(page.locator('#search-q').inputValue()).resolves.toBe(PAGING_WORD);
    }));

  it('back right after typing, then forward, finds the query typed last in the entry left', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/search/?q=developer`);
      await options(page).first().waitFor();
      await page.locator('input[data-facet=roles]').first().check();
      await page.waitForURL((url) => url.searchParams.has('role'));
      await page.locator('#search-q').fill(PAGING_WORD);
      // Well within the pause after which typing reaches the address bar on its own.
      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('q') === 'developer' && !url.searchParams.has('role'));
      await page.goForward();
      await page.waitForURL((url) => url.searchParams.get('q') === PAGING_WORD);
      await expect(page.locator('#search-q').inputValue()).resolves.toBe(PAGING_WORD);
    }));

  it('back to another page right after typing stays there; forward finds the query typed last', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/articles/`);
      await page.goto(`${s().origin}/search/`);
      await page.locator('#search-q').fill(PAGING_WORD);
      await page.goBack();
      await page.waitForURL(`${s().origin}/articles/`);
      // Long enough for a stray re-made move to land.
      await page.waitForTimeout(300);
      expect(new URL(page.url()).pathname).toBe('/articles/');
      await page.goForward();
      await page.waitForURL((url) => url.searchParams.get('q') === PAGING_WORD);
      await expect(page.locator('#search-q').inputValue()).resolves.toBe(PAGING_WORD);
    }));

  it('the header panel links to all results on /search/', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/articles/`);
      await page.locator('#header-search-q').fill(PAGING_WORD);
      const all = page.locator('[data-search-panel] [data-search-more]');
      await page.waitForFunction(() =>
        /All 12 results/.test(document.querySelector('[data-search-panel] [data-search-more]')?.textContent ?? ''),
      );
      await expect(all.getAttribute('href')).resolves.toBe(`/search/?q=${PAGING_WORD}`);
    }));

  it('the skills facet is filtered by typing (facet search); Tab and Space choose a value, which lands in the URL', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/search/?q=developer`);
      const filter = page.locator('input[data-facet-filter=skills]');
      await filter.waitFor();
      await filter.focus();
      await page.keyboard.type('postg');
      await page.waitForFunction(
        () => [...document.querySelectorAll('input[data-facet=skills]')].map((i) => (i as HTMLInputElement).value).join() === 'PostgreSQL',
      );
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe('PostgreSQL');
      await page.keyboard.press('Space');
      await page.waitForURL((url) => url.searchParams.get('skill') === 'PostgreSQL' && url.searchParams.get('q') === 'developer');
      await page.waitForFunction(
        () => (document.querySelector('input[data-facet=skills][value=PostgreSQL]') as HTMLInputElement | null)?.checked === true,
      );
      // The column was re-rendered with the new counts: focus stays on the box just ticked.
      await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe('PostgreSQL');
      await expect(filter.inputValue()).resolves.toBe('postg');
    }));
});

describe('questions', () => {
  it('a question typed in full reaches Meilisearch without its stop words, and the article its title answers comes first', () =>
    withPage(async (page) => {
      const sent: string[] = [];
      page.on('request', (req) => {
        if (req.url().endsWith('/multi-search'))
          for (const q of (req.postDataJSON() as { queries: { q: string }[] }).queries) sent.push(q.q);
      });
      // The page asks search-sync for the stop words as it loads; a query typed before they arrive goes as typed.
      const terms = page.waitForResponse((res) => res.url().includes(SEARCH_TERMS_PATH));
      await page.goto(`${s().origin}/search/`);
      expect((await terms).ok()).toBe(true);
      await page.locator('#search-q').fill('what does a frontend developer do');
      await page
        .locator('#search-app [data-search-status]')
        .getByText(/results? for “what does a frontend developer do”/)
        .waitFor();
      const hrefs = await options(page).evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      // The role page the same words name follows it: the question says the article's whole title.
      expect(hrefs.slice(0, 2)).toEqual(['/articles/what-a-frontend-developer-does/', '/roles/frontend-developer/']);
      expect(sent.length).toBeGreaterThan(0);
      expect(new Set(sent)).toEqual(new Set(['frontend developer ']));
    }));

  it('a query that names a role or skill lists its page first, above articles that score higher', () =>
    withPage(async (page) => {
      const terms = page.waitForResponse((res) => res.url().includes(SEARCH_TERMS_PATH));
      await page.goto(`${s().origin}/search/`);
      await terms;
      for (const [q, first] of [
        ['frontend developer responsibilities', '/roles/frontend-developer/'],
        ['git', '/skills/version-control/'],
      ] as const) {
        await page.locator('#search-q').fill(q);
        await page.locator('#search-app [data-search-status]').getByText(`for “${q}”`).waitFor();
        await expect(options(page).first().getAttribute('href')).resolves.toBe(first);
      }
    }));
});

describe('nothing found', () => {
  it('says so and suggests the vocabulary spelling, popular searches and the roles', async () => {
    // Three visitors, as a proxy on a private network forwards them: one visitor's reports never make a popular search.
    const report = (q: string, visitor: string) =>
      fetch(`${s().sync!.url}/analytics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: s().origin, 'x-forwarded-for': visitor },
        body: JSON.stringify({ type: 'search', q, results: 5 }),
      });
    for (const visitor of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) expect((await report('docker', visitor)).status).toBe(204);
    await withPage(async (page) => {
      await page.goto(`${s().origin}/search/`);
      await page.locator('#search-q').fill('fulstack');
      const message = page.locator('#search-app [data-search-message]');
      await page.locator('#search-app [data-search-status]').getByText('No articles match “fulstack”.').waitFor();
      const didYouMean = message.locator('a[data-go]', { hasText: 'fullstack' });
      await didYouMean.waitFor();
      await expect(message.textContent()).resolves.toMatch(/Did you mean fullstack \(\d+ results?\)\?/);
      await expect(message.locator('a[data-go]', { hasText: 'docker' }).count()).resolves.toBe(1);
      await expect(message.locator('a[data-go][href^="/search/?role="]').count()).resolves.toBe(3);
      await didYouMean.click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'fullstack');
      await options(page).first().waitFor();
    });
  });
});

describe('accessibility', () => {
  it('axe-core finds no violations with section results and the skills filter, nor with suggestions, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await s().newPage({ colorScheme });
      try {
        await page.goto(`${s().origin}/search/?q=developer`);
        await page.locator('input[data-facet-filter=skills]').waitFor();
        await page.locator('#search-results .search-hit-section').first().waitFor();
        expect(await axeViolations(page), colorScheme).toEqual([]);
        await page.goto(`${s().origin}/search/?q=fulstack`);
        await page.locator('#search-app [data-search-message] a[data-go]').first().waitFor();
        expect(await axeViolations(page), colorScheme).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});

describe('search analytics from the browser', () => {
  it('reports the query the visitor settled on and the result they opened, once each', () =>
    withPage(async (page) => {
      await page.goto(`${s().origin}/search/`);
      await page.locator('#search-q').click();
      await page.keyboard.type('relational databases');
      await options(page).first().waitFor();
      await waitFor('the settled query reported', async () => analyticsRow('relational databases')?.searches === 1);
      expect(analyticsRow('relational database'), 'not every keystroke').toBeUndefined();
      await options(page).nth(1).click();
      await page.waitForURL(/\/articles\//);
      await waitFor('the opened result reported', async () => analyticsRow('relational databases')?.clicks === 1);
      expect(analyticsRow('relational databases')?.searches).toBe(1);
    }));

  it('sends nothing when the browser says Global Privacy Control or Do Not Track', async () => {
    for (const [flag, query] of [
      ['globalPrivacyControl', 'gpc honoured'],
      ['doNotTrack', 'dnt honoured'],
    ] as const) {
      const context = await s().newContext();
      await context.addInitScript(
        (name) => Object.defineProperty(Navigator.prototype, name, { get: () => (name === 'doNotTrack' ? '1' : true) }),
        flag,
      );
      const sent: string[] = [];
      context.on('request', (request) => {
        if (request.url().includes('/analytics') && request.method() === 'POST') sent.push(request.url());
      });
      try {
        await withPage(async (page) => {
          await page.goto(`${s().origin}/search/?q=${encodeURIComponent(query)}`);
          await page
            .locator('#search-app [data-search-status]')
            .getByText(/result|No articles/)
            .waitFor();
          await page.waitForTimeout(2_000);
          await page.locator('#search-q').press('Enter');
        }, context);
      } finally {
        await context.close();
      }
      expect(sent, flag).toEqual([]);
      expect(analyticsRow(query), flag).toBeUndefined();
    }
  });
});
