import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures.ts';
import { ARTICLES_PER_PAGE as P } from '../consts.ts';
import { htmlPages, ROUTES } from './site-pages.ts';
import { siteModel } from './site-model.ts';
import { articleListView, listHead, olderPages, type Paged, pageNumber, skillArticlesView } from './views.ts';

const param = (path: string) => /\/(\d+)\/$/.exec(path)?.[1];

/** The list's own URL, then its older pages by following the "Older" links. */
function walk(view: (page: string | undefined) => Paged | null): Paged[] {
  const pages: Paged[] = [];
  let page = view(undefined);
  while (page) {
    pages.push(page);
    page = page.older ? view(param(page.older)) : null;
  }
  return pages;
}

describe('stable article list pages', () => {
  it.each([0, 1, P, P + 1, 2 * P, 2 * P + 1, 3 * P, 3 * P + 1, 300])('splits %i articles into pages counted from the oldest', (total) => {
    const model = siteModel(fixtureSnapshot(total));
    const view = (page: string | undefined) => articleListView(model, page);
    const pages = walk(view);
    const first = pages[0]!;
    expect(pages).toHaveLength(1 + olderPages(total));
    // Every article once, newest first across the whole walk.
    expect(pages.flatMap((p) => p.items.map((c) => c.slug))).toEqual(model.articles.map((a) => a.slug));
    // The newest bucket (partial or full) and one full bucket before it.
    expect(first.items.length).toBe(total > 2 * P ? P + (total % P || P) : total);
    expect(first).toMatchObject({ number: 0, count: total, newer: null });
    for (const page of pages.slice(1)) {
      expect(page.items).toHaveLength(P);
      expect(page.count).toBeNull();
      // Page b holds the articles b·P−P+1 … b·P in publishing order.
      const oldestFirst = [...model.articles].reverse();
      expect(page.items.map((c) => c.slug)).toEqual(
        oldestFirst
          .slice((page.number - 1) * P, page.number * P)
          .reverse()
          .map((a) => a.slug),
      );
    }
    // Neighbours link both ways; page 1 is the oldest and links to no older page.
    for (const [i, page] of pages.entries())
      if (i > 0) expect(page.newer).toBe(i === 1 ? '/articles/' : `/articles/${pages[i - 1]!.number}/`);
    if (pages.length > 1) expect(pages.at(-1)).toMatchObject({ number: 1, older: null });
    // The sitemap's list pages are exactly the ones that exist.
    const listed = htmlPages(model).filter((p) => p.route === ROUTES.articles);
    expect(listed.map((p) => p.path).sort()).toEqual(pages.map((p) => (p.number === 0 ? '/articles/' : `/articles/${p.number}/`)).sort());
    expect(view(String(olderPages(total) + 1))).toBeNull();
  });

  it('numbers role and skill lists the same way', () => {
    const model = siteModel(fixtureSnapshot(300));
    const go = model.skillBySlug.get('go')!;
    const articles = model.articlesOfSkill(go.documentId);
    const pages = walk((page) => skillArticlesView(model, 'go', page)?.page ?? null);
    expect(pages.flatMap((p) => p.items.map((c) => c.slug))).toEqual(articles.map((a) => a.slug));
    expect(pages.at(-1)?.number).toBe(1);
    expect(pages[1]?.newer).toBe('/skills/go/articles/');
  });

  it('refuses page params that name no page', () => {
    for (const bad of ['0', '01', '-1', '1.5', 'x', '']) expect(pageNumber(bad), bad).toBeNull();
    expect(pageNumber(undefined)).toBe(0);
    expect(pageNumber('1')).toBe(1);
  });

  it('shows the count only on the first page, and no "page X of Y" anywhere', () => {
    const model = siteModel(fixtureSnapshot(300));
    const [first, older] = walk((page) => articleListView(model, page));
    expect(listHead(first!, 'Articles', 'articles')).toEqual({
      title: 'Articles',
      description: 'All 300 Stackguide articles, newest first.',
    });
    expect(listHead(older!, 'Articles', 'articles')).toEqual({
      title: `Articles, page ${older!.number}`,
      description: `Stackguide articles, page ${older!.number} counted from the oldest.`,
    });
  });
});
