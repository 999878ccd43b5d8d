import { StrapiClient } from '@stackguide/runtime';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_ROLES } from '../src/consts.ts';
import { listAll } from '../src/strapi/strapi-pages.ts';
import { roleSchema, type Role } from '@stackguide/contracts/entries';
import { startSearchStack, type SearchStack } from './search-stack.ts';
import { axeViolations } from '@stackguide/test-kit';
import { chartSelector, expectBars, groupOf } from './salary-chart-checks.ts';
import { box, contrastRatio, layoutShift } from './screen-checks.ts';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };
/** Each test opens several pages in real Chromium; the axe sweep opens over twenty. */
const PAGES_TIMEOUT = 60_000;

let stack: SearchStack | undefined;
let roles: Role[] = [];
/** The published article with the most headings: the long read the table of contents is for. */
let longRead = '';

beforeAll(async () => {
  stack = await startSearchStack();
  const list = (name: string) => listAll(new StrapiClient({ baseUrl: stack!.cms.url, token: stack!.cms.readToken }), `/api/${name}`);
  roles = (await list('roles')).map((r) => roleSchema.parse(r));
  const articles = (await list('articles')) as { slug: string; body: { type: string }[] }[];
  const headings = (a: (typeof articles)[number]) => a.body.filter((b) => b.type === 'heading').length;
  longRead = articles.sort((a, b) => headings(b) - headings(a))[0]!.slug;
});
// The pages run under the Content-Security-Policy the build wrote for them: nothing they do may be refused.
afterEach(() => {
  expect(stack?.cspViolations.splice(0) ?? []).toEqual([]);
});
afterAll(async () => {
  await stack?.stop();
});

const s = () => stack!;
async function withPage(
  viewport: { width: number; height: number },
  path: string,
  test: (page: Page) => Promise<void>,
  colorScheme: 'light' | 'dark' = 'light',
) {
  const page = await s().newPage({ viewport, colorScheme });
  try {
    await page.goto(`${s().origin}${path}`);
    await test(page);
  } finally {
    await page.close();
  }
}
const firstResult = (page: Page) => page.locator('#search-results [role=option]').first();
const visibleText = (locator: Locator) =>
  locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
    return copy.textContent;
  });

describe('/search/ on a phone (390×844)', () => {
  it(
    'shows the first result in the first screen, one search box, and the filters behind one control',
    async () => {
      await withPage(PHONE, '/search/?q=backend', async (page) => {
        await firstResult(page).waitFor();
        const first = await box(firstResult(page));
        expect(first.y).toBeGreaterThan(0);
        expect(first.y + first.height).toBeLessThanOrEqual(PHONE.height);
        await expect(page.locator('input[type=search]:visible').count()).resolves.toBe(1);
        const toggle = page.getByRole('button', { name: 'Filters', exact: true });
        await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
        await expect(page.locator('#search-filters').isHidden()).resolves.toBe(true);
        expect(await layoutShift(page), 'results replace the article list without pushing it down').toBeLessThan(0.01);
      });
    },
    PAGES_TIMEOUT,
  );

  it(
    'opens the filters by keyboard, counts the active ones, keeps them in the URL and closes with Escape',
    async () => {
      await withPage(PHONE, '/search/?q=backend', async (page) => {
        await firstResult(page).waitFor();
        const toggle = page.locator('[data-filters-toggle]');
        await toggle.focus();
        await page.keyboard.press('Enter');
        await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
        const panel = await box(page.locator('#search-filters'));
        expect(panel.y + panel.height).toBeLessThanOrEqual((await box(firstResult(page))).y);
        await page.keyboard.press('Tab');
        await expect(page.evaluate(() => document.activeElement?.matches('input[data-facet=roles]'))).resolves.toBe(true);
        await page.keyboard.press('Space');
        await page.waitForURL((url) => url.searchParams.has('role') && url.searchParams.get('q') === 'backend');
        await page.locator('input[data-facet=skills]').first().check();
        await page.waitForURL((url) => url.searchParams.has('role') && url.searchParams.has('skill'));
        await page.getByRole('button', { name: 'Filters (2 active)' }).waitFor();
        await expect(visibleText(toggle)).resolves.toBe('Filters (2)');
        await page.keyboard.press('Escape');
        await expect(page.locator('#search-filters').isHidden()).resolves.toBe(true);
        await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-filters-toggle'))).resolves.toBe(true);

        await page.reload();
        await firstResult(page).waitFor();
        await page.getByRole('button', { name: 'Filters (2 active)' }).waitFor();
        expect((await box(firstResult(page))).y).toBeLessThan(PHONE.height);
        await toggle.click();
        await expect(page.locator('input[data-facet]:checked').count()).resolves.toBe(2);
        await page.getByRole('button', { name: 'Show results' }).click();
        await expect(page.locator('#search-filters').isHidden()).resolves.toBe(true);
      });
    },
    PAGES_TIMEOUT,
  );

  it(
    'keeps the facets in a side column on a wide screen, without the Filters button',
    async () => {
      await withPage(WIDE, '/search/?q=backend', async (page) => {
        await firstResult(page).waitFor();
        await expect(page.locator('[data-filters-toggle]').isHidden()).resolves.toBe(true);
        const facets = await box(page.locator('.search-facets'));
        expect(facets.x + facets.width).toBeLessThanOrEqual((await box(firstResult(page))).x);
      });
    },
    PAGES_TIMEOUT,
  );

  it(
    'without JavaScript has one search box and the list of all articles',
    async () => {
      const context = await s().newContext({ javaScriptEnabled: false, viewport: PHONE });
      try {
        const page = await context.newPage();
        await page.goto(`${s().origin}/search/?q=backend`);
        await expect(page.locator('input[type=search]:visible').count()).resolves.toBe(1);
        await expect(page.locator('#search-fallback a').first().isVisible()).resolves.toBe(true);
      } finally {
        await context.close();
      }
    },
    PAGES_TIMEOUT,
  );
});

describe('the table of contents of a long article', () => {
  const current = (page: Page) => page.locator('.toc a[aria-current="location"]');

  it(
    'sits right of the text on a wide screen, stays in view while scrolling and marks the section being read',
    async () => {
      await withPage(WIDE, `/articles/${longRead}/`, async (page) => {
        const toc = page.locator('nav.toc');
        const prose = await box(page.locator('.prose'));
        expect((await box(toc)).x).toBeGreaterThanOrEqual(prose.x + prose.width);
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(2 * WIDE.height);
        const ids = await toc.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
        expect(ids.length).toBeGreaterThanOrEqual(4);
        for (const id of [ids[1]!, ids[Math.floor(ids.length / 2)]!]) {
          await toc.locator(`a[href="#${id}"]`).click();
          await page.waitForFunction((target) => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === `#${target}`, id);
          await expect(current(page).count()).resolves.toBe(1);
          const inView = await box(toc);
          expect(inView.y).toBeGreaterThanOrEqual(0);
          expect(inView.y + inView.height).toBeLessThanOrEqual(WIDE.height);
        }
        await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        await page.waitForFunction(
          (last) => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === `#${last}`,
          ids.at(-1)!,
        );
        expect(await layoutShift(page)).toBeLessThan(0.01);
      });
    },
    PAGES_TIMEOUT,
  );

  it(
    'stays above the text on a phone and scrolls away with it',
    async () => {
      await withPage(PHONE, `/articles/${longRead}/`, async (page) => {
        const toc = await box(page.locator('nav.toc'));
        expect(toc.y + toc.height).toBeLessThanOrEqual((await box(page.locator('.prose'))).y);
        await expect(page.locator('nav.toc').evaluate((el) => getComputedStyle(el).position)).resolves.toBe('static');
      });
    },
    PAGES_TIMEOUT,
  );
});

describe('salary charts', () => {
  it(
    'draw every band of every role where the CMS figures put it, named for screen readers, table kept',
    async () => {
      for (const role of roles) {
        await withPage(WIDE, `/roles/${role.slug}/`, async (page) => {
          for (const band of role.salaryBands) await expectBars(page.locator(chartSelector(band)), groupOf(role.salaryBands, band));
          await expect(page.getByRole('img', { name: new RegExp(`^${role.name} salary bands: `) }).count()).resolves.toBeGreaterThan(0);
          await expect(page.locator('table caption').textContent()).resolves.toContain('gross pay');
          expect(await layoutShift(page)).toBeLessThan(0.01);
        });
      }
    },
    PAGES_TIMEOUT,
  );

  it(
    'put both roles side by side on one axis per region and period on the compare page',
    async () => {
      const pair = [COMPARE_ROLES.left, COMPARE_ROLES.right].map((slug) => roles.find((r) => r.slug === slug)!);
      await withPage(WIDE, '/compare/backend-vs-frontend/', async (page) => {
        for (const [i, role] of pair.entries())
          for (const band of role.salaryBands) {
            const section = page.locator('section[aria-labelledby^="cmp-salary-"]').filter({ has: page.locator(chartSelector(band)) });
            await expectBars(section.locator('figure.salary-chart').filter({ hasText: role.name }), groupOf(role.salaryBands, band));
            const figures = section.locator('figure.salary-chart');
            if ((await figures.count()) === 2) {
              const [left, right] = [await box(figures.nth(0)), await box(figures.nth(1))];
              expect(right.x, 'side by side').toBeGreaterThan(left.x + left.width);
              expect(new Set(await figures.evaluateAll((els) => els.map((e) => e.getAttribute('data-domain-max')))).size, 'one axis').toBe(
                1,
              );
            } else expect(await section.textContent()).toContain(`${pair[1 - i]!.name}: no figures`);
          }
      });
    },
    PAGES_TIMEOUT,
  );

  it(
    'are readable in light and dark mode: bars and labels contrast with the page',
    async () => {
      const fills = new Set<string>();
      for (const colorScheme of ['light', 'dark'] as const)
        await withPage(
          WIDE,
          `/roles/${COMPARE_ROLES.left}/`,
          async (page) => {
            const colours = await page.evaluate(() => ({
              page: getComputedStyle(document.body).backgroundColor,
              bar: getComputedStyle(document.querySelector('.salary-range .salary-bar')!).fill,
              label: getComputedStyle(document.querySelector('.salary-level')!).fill,
            }));
            fills.add(colours.bar);
            expect(contrastRatio(colours.bar, colours.page), colorScheme).toBeGreaterThanOrEqual(3);
            expect(contrastRatio(colours.label, colours.page), colorScheme).toBeGreaterThanOrEqual(4.5);
          },
          colorScheme,
        );
      expect(fills.size).toBe(2);
    },
    PAGES_TIMEOUT,
  );
});

describe('axe-core', () => {
  it(
    'finds no violations on search, a long article, a role, the article list and the compare page, phone and wide, light and dark',
    async () => {
      const paths = [
        '/search/?q=backend',
        `/articles/${longRead}/`,
        `/roles/${COMPARE_ROLES.left}/`,
        '/articles/',
        '/compare/backend-vs-frontend/',
      ];
      for (const viewport of [PHONE, WIDE])
        for (const colorScheme of ['light', 'dark'] as const)
          for (const path of paths)
            await withPage(
              viewport,
              path,
              async (page) => {
                const where = `${path} ${viewport.width}px ${colorScheme}`;
                if (path.startsWith('/search/')) await firstResult(page).waitFor();
                expect(await axeViolations(page), where).toEqual([]);
                if (path.startsWith('/search/') && viewport === PHONE) {
                  await page.locator('[data-filters-toggle]').click();
                  expect(await axeViolations(page), `${where}, filters open`).toEqual([]);
                }
              },
              colorScheme,
            );
    },
    6 * PAGES_TIMEOUT,
  );
});
