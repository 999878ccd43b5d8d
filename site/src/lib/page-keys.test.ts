import { describe, expect, it } from 'vitest';
import { makeContent } from '../../test/fixtures.ts';
import { articleSchema, roleSchema, skillSchema, type Article } from '../loaders/schemas.ts';
import { unaffectedArticles } from './affected.ts';
import { pageKeys } from './page-keys.ts';
import { sitePages } from './site-pages.ts';
import { siteModel } from './site-model.ts';
import type { Snapshot } from './snapshot.ts';

function snapshotOf(count: number): Snapshot {
  const content = makeContent(count);
  const byId = <T extends { documentId: string }>(items: T[]) => new Map(items.map((i) => [i.documentId, i]));
  return {
    articles: byId(content.articles.map((a) => articleSchema.parse(a))),
    roles: byId(content.roles.map((r) => roleSchema.parse(r))),
    skills: byId(content.skills.map((s) => skillSchema.parse(s))),
  };
}

const keysOf = (s: Snapshot) => {
  const model = siteModel(s);
  return { model, keys: pageKeys(model, sitePages(model)) };
};

/** A copy of the snapshot whose articles went through `edit` (new entry objects only where it changed one). */
function edited(s: Snapshot, edit: (articles: Map<string, Article>) => void): Snapshot {
  const articles = new Map(s.articles);
  edit(articles);
  return { ...s, articles };
}

const before = snapshotOf(80);
const { keys: keysBefore } = keysOf(before);

/** The article most related blocks name: the one whose title edit reaches furthest. */
const { model: modelBefore } = keysOf(before);
const named = new Map<string, number>();
for (const a of modelBefore.articles) for (const c of modelBefore.related(a)) named.set(c.documentId, (named.get(c.documentId) ?? 0) + 1);
const [mostNamed] = [...named].sort((a, b) => b[1] - a[1])[0]!;

const changes: [string, (articles: Map<string, Article>) => void][] = [
  ['a title edit', (a) => a.set(mostNamed, { ...a.get(mostNamed)!, title: 'Retitled' })],
  ['new skills', (a) => a.set('article-8', { ...a.get('article-8')!, skills: [a.get('article-30')!.skills[0]!] })],
  ['a new article', (a) => a.set('article-new', { ...a.get('article-9')!, documentId: 'article-new', slug: 'new', publishedAt: new Date('2027-01-01') })],
  ['a removal', (a) => a.delete('article-10')],
  // Touches a third of the articles and so nearly every skill: few pages, if any, stay unaffected.
  ['a role renamed in every article naming it', (a) => {
    for (const [id, article] of a)
      if (article.roles.some((r) => r.documentId === 'role-frontend-developer'))
        a.set(id, { ...article, roles: article.roles.map((r) => (r.documentId === 'role-frontend-developer' ? { ...r, name: 'Renamed' } : r)) });
  }],
];

describe('page keys', () => {
  it.each(changes)('after %s, an article page the change cannot reach keeps its key', (_, edit) => {
    const after = edited(before, edit);
    const { model, keys } = keysOf(after);
    const unaffected = unaffectedArticles(before, after);
    for (const id of unaffected) {
      const file = `articles/${after.articles.get(id)!.slug}/index.html`;
      expect(keys.get(file), file).toBe(keysBefore.get(file));
    }
    expect(model.articles.length).toBe(after.articles.size);
  });

  it('leaves most article pages out of reach of one edit', () => {
    expect(unaffectedArticles(before, edited(before, changes[0]![1])).size).toBeGreaterThan(before.articles.size / 4);
  });

  it('changes the keys of the edited article, of pages listing it and of related blocks naming it', () => {
    const after = edited(before, changes[0]![1]);
    const { model, keys } = keysOf(after);
    const changed = [...keys].filter(([file, key]) => keysBefore.get(file) !== key).map(([file]) => file);
    expect(changed).toContain(`articles/${before.articles.get(mostNamed)!.slug}/index.html`);
    const naming = model.articles.filter((a) => model.related(a).some((c) => c.documentId === mostNamed));
    expect(naming.length).toBeGreaterThan(0);
    for (const a of naming) expect(changed).toContain(`articles/${a.slug}/index.html`);
    expect(changed).toContain('rss.xml');
    expect(changed).not.toContain('sitemap-0.xml');
    expect(changed.length).toBeLessThan(keys.size / 2);
  });

  it('keeps every key when nothing changed, and gives every file one', () => {
    const { model, keys } = keysOf(edited(before, () => undefined));
    expect(keys).toEqual(keysBefore);
    expect(keys.size).toBe(sitePages(model).length);
  });
});
