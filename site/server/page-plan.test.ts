import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../test/fixtures.ts';
import { ROUTES, sitePages, type SitePage } from '../src/lib/site-pages.ts';
import { siteModel } from '../src/lib/site-model.ts';
import { planPages } from './page-plan.ts';

const snapshot = fixtureSnapshot(40);
const model = siteModel(snapshot);
const pages = sitePages(model);
const others: SitePage[] = [{ route: '/unlisted' as SitePage['route'], params: {}, path: '/unlisted/', file: 'unlisted/index.html' }];
const articleFile = (slug: string) => pages.find((p) => p.route === ROUTES.article && p.params.slug === slug)!.file;

describe('planPages', () => {
  it('computes every key without a served build; the pages the model does not list change with every build', () => {
    const first = planPages({ model, snapshot, pages, others, served: null, builtAt: 1 });
    const second = planPages({ model, snapshot, pages, others, served: null, builtAt: 2 });
    for (const page of pages) {
      expect(first.keys.get(page.file)).toBeDefined();
      expect(second.keys.get(page.file)).toBe(first.keys.get(page.file));
    }
    expect(second.keys.get('unlisted/index.html')).not.toBe(first.keys.get('unlisted/index.html'));
    expect(first.related.size).toBe(model.articles.length);
  });

  it("keeps the served build's key and related list where no change reaches, and computes them where one does", () => {
    const full = planPages({ model, snapshot, pages, others, served: null, builtAt: 1 });
    // Marked, so a kept value can be told from a recomputed one.
    const served = {
      snapshot,
      keys: new Map([...full.keys].map(([file]) => [file, `served:${file}`])),
      related: new Map([...full.related].map(([id]) => [id, ['served']])),
    };
    const edited = model.articles[0]!;
    const editedFile = articleFile(edited.slug);
    const articles = new Map(snapshot.articles);
    articles.set(edited.documentId, { ...snapshot.articles.get(edited.documentId)!, title: 'Retitled' });
    const after = { ...snapshot, articles };
    const plan = planPages({ model: siteModel(after), snapshot: after, pages, others, served, builtAt: 2 });
    expect(plan.keys.get(editedFile)).not.toBe(`served:${editedFile}`);
    expect(plan.related.get(edited.documentId)).not.toEqual(['served']);
    const untouched = model.articles.filter((a) => plan.keys.get(articleFile(a.slug)) === `served:${articleFile(a.slug)}`);
    expect(untouched.length).toBeGreaterThan(0);
    for (const a of untouched) expect(plan.related.get(a.documentId)).toEqual(['served']);
  });
});
