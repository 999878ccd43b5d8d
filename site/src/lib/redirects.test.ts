import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures.ts';
import type { Article } from '../strapi/schemas.ts';
import { MAX_SLUG, redirectMap } from './redirects.ts';
import { siteModel } from './site-model.ts';
import { sitePages } from './site-pages.ts';
import type { Snapshot } from './snapshot.ts';

const day = (n: number) => new Date(Date.UTC(2026, 5, n));

/** The fixture content with these articles' previousSlugs (and slugs) replaced, and its redirect map. */
function redirectsWith(changes: Record<string, Partial<Pick<Article, 'slug' | 'previousSlugs'>>>): Record<string, string> {
  const snapshot: Snapshot = fixtureSnapshot(6);
  const articles = new Map(snapshot.articles);
  for (const [id, change] of Object.entries(changes)) articles.set(id, { ...articles.get(id)!, ...change });
  const model = siteModel({ ...snapshot, articles });
  return Object.fromEntries(redirectMap(model, sitePages(model)));
}

describe('redirectMap', () => {
  it('sends every old slug of an article straight to its current address, sorted by old address', () => {
    const map = redirectsWith({
      'article-1': {
        previousSlugs: [
          { slug: 'b-name', until: day(2) },
          { slug: 'a-name', until: day(1) },
        ],
      },
    });
    expect(map).toEqual({ '/articles/a-name/': '/articles/fixture-article-1/', '/articles/b-name/': '/articles/fixture-article-1/' });
    expect(Object.keys(map)).toEqual(['/articles/a-name/', '/articles/b-name/']);
  });

  it('never redirects an address that is a page of the build, or may become one of the article list', () => {
    const map = redirectsWith({
      'article-1': { previousSlugs: [{ slug: 'fixture-article-2', until: day(1) }] },
      'article-3': { previousSlugs: [{ slug: '7', until: day(1) }] },
    });
    expect(map).toEqual({});
  });

  it('gives an address two articles left to the one that left it last, whatever their order', () => {
    const left = (n: number) => ({ previousSlugs: [{ slug: 'shared', until: day(n) }] });
    expect(redirectsWith({ 'article-1': left(2), 'article-2': left(1) })).toEqual({ '/articles/shared/': '/articles/fixture-article-1/' });
    expect(redirectsWith({ 'article-1': left(1), 'article-2': left(2) })).toEqual({ '/articles/shared/': '/articles/fixture-article-2/' });
    expect(redirectsWith({ 'article-1': left(1), 'article-2': left(1) })).toEqual({ '/articles/shared/': '/articles/fixture-article-1/' });
  });

  it('leaves out slugs a URL path or nginx would have to escape, and dot-only ones', () => {
    const previousSlugs = ['with space', 'quote"', 'semi;colon', '..', 'x'.repeat(MAX_SLUG + 1), 'ok.name~1'].map((slug) => ({
      slug,
      until: day(1),
    }));
    expect(redirectsWith({ 'article-1': { previousSlugs } })).toEqual({ '/articles/ok.name~1/': '/articles/fixture-article-1/' });
    expect(redirectsWith({ 'article-1': { slug: 'bad slug', previousSlugs } })).toEqual({});
  });
});
