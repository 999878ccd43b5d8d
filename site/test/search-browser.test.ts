import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, readDist } from './dist-checks.ts';
import { HOSTILE_TITLE, shippedJsGzip, startSearchStack, tocScripts, type SearchStack } from './search-stack.ts';
import { axeViolations } from '@stackguide/test-kit';

type Article = { title: string; slug: string; roles: { slug: string; name: string }[] };

let stack: SearchStack | undefined;
let articles: Article[] = [];
/** A seeded article with a role and a distinctive word in its title to type. */
let target: { article: Article; term: string };

beforeAll(async () => {
  stack = await startSearchStack();
  const res = await fetch(`${stack.cms.url}/api/articles?pagination[pageSize]=100`, {
    headers: { authorization: `Bearer ${stack.cms.readToken}` },
  });
  articles = ((await res.json()) as { data: Article[] }).data;
  const withRole = articles.filter((a) => a.roles.length > 0 && a.title !== HOSTILE_TITLE);
  const words = withRole.map((article) => ({
    article,
    term: article.title
      .split(/\W+/)
      .sort((a, b) => b.length - a.length)[0]!
      .toLowerCase(),
  }));
  target = words.sort((a, b) => b.term.length - a.term.length)[0]!;
});
// The pages run under the Content-Security-Policy the build wrote for them: nothing they do may be refused.
afterEach(() => {
  expect(stack?.cspViolations.splice(0) ?? []).toEqual([]);
});
afterAll(async () => {
  await stack?.stop();
});

const s = () => stack!;

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.type(text);
}

describe('header search box (every page)', () => {
  it('leaves "/" to a field being typed in, and focuses the search box from anywhere else', async () => {
    const page = await s().newPage();
    try {
      await page.goto(`${s().origin}/articles/`);
      await page.keyboard.press('/');
      await page.keyboard.type('ci/cd');
      await expect(page.locator('#header-search-q').inputValue()).resolves.toBe('ci/cd');
    } finally {
      await page.close();
    }
  });

  it('opens a panel with the article as you type; arrow keys and Enter open it', async () => {
    const page = await s().newPage();
    try {
      await page.goto(`${s().origin}/articles/`);
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
      await page.keyboard.type(target.term);
      const option = page.locator(`#header-search-list [role=option][href="/articles/${target.article.slug}/"]`);
      await option.waitFor();
      expect(await option.locator('mark').count()).toBeGreaterThan(0);
      await expect(page.locator('#header-search-q').getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(page.locator('form[data-search-box] [role=status]').textContent()).resolves.toMatch(/\d+ results? for “/);
      const options = await page.locator('#header-search-list [role=option]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      const index = options.indexOf(`/articles/${target.article.slug}/`);
      for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
      await expect(page.locator('#header-search-q').getAttribute('aria-activedescendant')).resolves.toBe(`header-hit-${index}`);
      await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${s().origin}/articles/${target.article.slug}/`);
    } finally {
      await page.close();
    }
  });

  it('Escape closes the panel and clears the box', async () => {
    const page = await s().newPage();
    try {
      await page.goto(`${s().origin}/`);
      await typeInto(page, '#header-search-q', target.term);
      await page.locator('#header-search-list [role=option]').first().waitFor();
      await page.keyboard.press('Escape');
      await expect(page.locator('#header-search-q').inputValue()).resolves.toBe('');
      await expect(page.locator('[data-search-panel]').isHidden()).resolves.toBe(true);
      await expect(page.locator('#header-search-q').getAttribute('aria-expanded')).resolves.toBe('false');
    } finally {
      await page.close();
    }
  });

  it('shows the hostile title as text: no img element, no dialog', async () => {
    const page = await s().newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    try {
      await page.goto(`${s().origin}/search/`);
      await typeInto(page, '#search-q', 'onerror');
      const hit = page.locator('#search-results [role=option][href="/articles/hostile-title/"]');
      await hit.waitFor();
      await expect(hit.locator('.search-hit-title').textContent()).resolves.toBe(HOSTILE_TITLE);
      await page.goto(`${s().origin}/articles/`);
      await typeInto(page, '#header-search-q', 'onerror');
      await page.locator('#header-search-list [role=option]').first().waitFor();
      await expect(page.locator('main img, header img').count()).resolves.toBe(0);
      expect(dialogs).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('/search/ page', () => {
  it('suggests the three roles for an empty query and says so when nothing matches', async () => {
    const page = await s().newPage();
    try {
      await page.goto(`${s().origin}/search/`);
      const suggestions = page.locator('[data-search-message] a[data-go][href^="/search/?role="]');
      await suggestions.first().waitFor();
      await expect(suggestions.count()).resolves.toBe(3);
      await typeInto(page, '#search-q', 'qqxzvvkk');
      await page.getByText('No articles match “qqxzvvkk”').first().waitFor();
      await expect(page.locator('#search-fallback').isVisible()).resolves.toBe(true);
    } finally {
      await page.close();
    }
  });

  it('a facet click filters and updates the URL; back restores the unfiltered results', async () => {
    const page = await s().newPage();
    try {
      const role = target.article.roles[0]!;
      await page.goto(`${s().origin}/search/?q=developer`);
      await page.locator('#search-results [role=option]').first().waitFor();
      const before = await page.locator('#search-results [role=option]').count();
      expect(await page.locator('#search-results .search-hit-snippet mark').count(), 'cropped snippets are highlighted').toBeGreaterThan(0);
      expect(await page.locator('#search-app .facet-count').first().textContent()).toMatch(/^\(\d+\)$/);
      const box = page.locator(`input[data-facet=roles][value="${role.slug}"]`);
      await box.check();
      await page.waitForURL((url) => url.searchParams.get('role') === role.slug && url.searchParams.get('q') === 'developer');
      await page.waitForFunction(
        (name) => [...document.querySelectorAll('#search-results [role=option]')].every((o) => o.textContent?.includes(name)),
        role.name,
      );
      const filtered = await page.locator('#search-results [role=option]').count();
      const expected = articles.filter((a) => a.roles.some((r) => r.slug === role.slug)).length;
      expect(filtered).toBeLessThanOrEqual(expected);
      await expect(page.locator(`input[data-facet=roles][value="${role.slug}"]`).isChecked()).resolves.toBe(true);
      // Other roles keep their counts, so a second one can be added (OR within a facet).
      expect(await page.locator('input[data-facet=roles]').count()).toBeGreaterThan(1);
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('role') && url.searchParams.get('q') === 'developer');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results [role=option]').length === n, before);
      await expect(page.locator(`input[data-facet=roles][value="${role.slug}"]`).isChecked()).resolves.toBe(false);
      await page.goForward();
      await page.waitForFunction(
        (slug) => (document.querySelector(`input[data-facet=roles][value="${slug}"]`) as HTMLInputElement | null)?.checked,
        role.slug,
      );
      await expect(page.locator('#search-q').inputValue()).resolves.toBe('developer');
    } finally {
      await page.close();
    }
  });

  // Four axe passes (two pages, light and dark) outlast the default timeout on shared cores.
  it('axe-core finds no violations with results and facets open, header panel open too, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await s().newPage({ colorScheme });
      try {
        await page.goto(`${s().origin}/search/?q=${encodeURIComponent(target.term)}`);
        await page.locator('#search-results [role=option]').first().waitFor();
        await page.locator('#search-q').press('ArrowDown');
        expect(await axeViolations(page), colorScheme).toEqual([]);
        await page.goto(`${s().origin}/articles/`);
        await typeInto(page, '#header-search-q', target.term);
        await page.locator('#header-search-list [role=option]').first().waitFor();
        await page.keyboard.press('ArrowDown');
        expect(await axeViolations(page), colorScheme).toEqual([]);
      } finally {
        await page.close();
      }
    }
  }, 60_000);

  it('without JavaScript the form leads to every role and skill page and the full article list grouped by role', async () => {
    const context = await s().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${s().origin}/`);
      await page.locator('#header-search-q').fill('backend developer');
      await page.locator('#header-search-q').press('Enter');
      await page.waitForURL(`${s().origin}/search/?q=backend+developer`);
      await expect(page.locator('#search-app').isHidden()).resolves.toBe(true);
      await expect(page.locator('#search-fallback a[href="/roles/backend-developer/"]').isVisible()).resolves.toBe(true);
      await expect(page.locator('#search-fallback a[href="/skills/postgresql/"]').isVisible()).resolves.toBe(true);
      const links = await page.locator('#search-fallback a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      for (const article of articles) expect(links).toContain(`/articles/${article.slug}/`);
      await expect(page.locator('#search-fallback h3').count()).resolves.toBeGreaterThanOrEqual(3);
    } finally {
      await context.close();
    }
  });
});

describe('roles, skills and salaries', () => {
  type Band = { region: string; level: string; period: string; currency: string; min: number; max: number | null };
  const LEVELS: Record<string, string> = { entry: 'Entry', experienced: 'Experienced', lead: 'Lead', manager: 'Manager' };
  /** A figure as the card writes it, whole units with thousands separators ("2,700"). */
  const figure = (n: number) => n.toLocaleString('en-GB');

  it('the header panel lists the role page a query names and the skill page, each linking to its page', async () => {
    const page = await s().browser.newPage();
    try {
      await page.goto(`${s().origin}/articles/`);
      await typeInto(page, '#header-search-q', 'backend developer');
      const role = page.locator('#header-search-list [role=option][href="/roles/backend-developer/"]');
      await role.waitFor();
      await expect(role.locator('.chip-type').textContent()).resolves.toBe('Role');
      await page.locator('#header-search-q').fill('');
      await typeInto(page, '#header-search-q', 'postgresql');
      // A prefix's answer ("postgres") lists the skill too: the options are read once the whole query's answer is painted.
      await page.locator('form:has(#header-search-q) [data-search-status]', { hasText: 'for “postgresql”' }).waitFor({ state: 'attached' });
      const skill = page.locator('#header-search-list [role=option][href="/skills/postgresql/"]');
      await skill.waitFor();
      await expect(skill.locator('.chip-type').textContent()).resolves.toBe('Skill');
      const hrefs = await page.locator('#header-search-list [role=option]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      for (let i = 0; i <= hrefs.indexOf('/skills/postgresql/'); i++) await page.keyboard.press('ArrowDown');
      await expect(skill.getAttribute('aria-selected')).resolves.toBe('true');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${s().origin}/skills/postgresql/`);
    } finally {
      await page.close();
    }
  });

  it("a pay question gets a card with exactly the CMS's bands for that role and region, first in the list", async () => {
    const res = await fetch(`${s().cms.url}/api/roles?populate[salaryBands]=true&filters[slug][$eq]=backend-developer`, {
      headers: { authorization: `Bearer ${s().cms.readToken}` },
    });
    const bands = ((await res.json()) as { data: { salaryBands: Band[] }[] }).data[0]!.salaryBands.filter((b) => b.region === 'Germany');
    expect(bands.length).toBeGreaterThan(0);
    const page = await s().browser.newPage();
    try {
      await page.goto(`${s().origin}/search/?q=${encodeURIComponent('backend developer salary germany')}`);
      const card = page.locator('#search-results [role=option].search-answer');
      await card.waitFor();
      await expect(page.locator('#search-results [role=option]').first().getAttribute('id')).resolves.toBe('search-answer');
      await expect(card.getAttribute('href')).resolves.toBe('/roles/backend-developer/#salary-title');
      await expect(card.locator('.search-answer-where').allTextContents()).resolves.toEqual([
        'Germany, gross pay per month in euros (EUR)',
      ]);
      const rows = await card.locator('.search-answer-band').allTextContents();
      expect(rows).toHaveLength(bands.length);
      for (const b of bands) {
        const range = b.max === null ? `€${figure(b.min)} and more` : `€${figure(b.min)} – €${figure(b.max)}`;
        expect(rows, `${b.level} band`).toContain(`${LEVELS[b.level]} ${range}`);
      }
      await page.locator('#search-q').press('ArrowDown');
      await expect(page.locator('#search-q').getAttribute('aria-activedescendant')).resolves.toBe('search-answer');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${s().origin}/roles/backend-developer/#salary-title`);
      // A question that names no pay word gets no card.
      await page.goto(`${s().origin}/search/?q=${encodeURIComponent('backend developer')}`);
      await page.locator('#search-results [role=option]').first().waitFor();
      await expect(page.locator('#search-results .search-answer').count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('shipped files', () => {
  it('all JavaScript in dist but the table-of-contents script is at most 10 KB gzip', () => {
    const toc = tocScripts(s().dist);
    const sizes = shippedJsGzip(s().dist)
      .filter((f) => !toc.includes(f.text))
      .map((f) => f.bytes);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_240);
  });

  it('the table-of-contents script is one script of at most 512 B gzip', () => {
    const toc = tocScripts(s().dist);
    expect(toc).toHaveLength(1);
    expect(gzipSync(toc[0]!, { level: 9 }).length).toBeLessThanOrEqual(512);
  });

  it('has the search-only key on the page and the master key nowhere', () => {
    expect(readDist(s().dist, 'search/index.html')).toContain(`data-meili-key="${s().searchKey}"`);
    for (const file of filesUnder(s().dist))
      expect(fs.readFileSync(path.join(s().dist, file)).toString('latin1'), file).not.toContain(s().masterKey);
  });
});

describe('with Meilisearch stopped', () => {
  it('says search is unavailable and links to the article list, in the panel and on /search/', async () => {
    await s().meili.stop();
    const page = await s().newPage();
    try {
      await page.goto(`${s().origin}/search/?q=${encodeURIComponent(target.term)}`);
      await page.locator('#search-app [data-search-message] a[href="/articles/"]').waitFor();
      await expect(page.locator('#search-app [data-search-message]').textContent()).resolves.toContain('Search is unavailable right now');
      await expect(page.locator('#search-fallback').isVisible()).resolves.toBe(true);
      await page.goto(`${s().origin}/articles/`);
      await typeInto(page, '#header-search-q', target.term);
      await page.locator('[data-search-panel] a[href="/articles/"]').waitFor();
      await expect(page.locator('[data-search-panel]').isVisible()).resolves.toBe(true);
    } finally {
      await page.close();
    }
  });
});
