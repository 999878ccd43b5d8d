import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures.ts';
import type { Article } from '../strapi/schemas.ts';
import { RELATED_COUNT } from '../consts.ts';
import { touchedLists, unaffectedArticles } from './affected.ts';
import { pageKeys } from './page-keys.ts';
import { sitePages } from './site-pages.ts';
import { siteModel } from './site-model.ts';
import type { Snapshot } from './snapshot.ts';

const keysOf = (s: Snapshot) => {
  const model = siteModel(s);
  return { model, keys: pageKeys(model, sitePages(model)) };
};

const relatedLists = (m: ReturnType<typeof siteModel>) =>
  new Map(m.articles.map((a) => [a.documentId, m.related(a).map((c) => c.documentId)]));

/** A copy of the snapshot whose articles went through `edit` (new entry objects only where it changed one). */
function edited(s: Snapshot, edit: (articles: Map<string, Article>) => void): Snapshot {
  const articles = new Map(s.articles);
  edit(articles);
  return { ...s, articles };
}

const before = fixtureSnapshot(80);
const { keys: keysBefore } = keysOf(before);

/** The article most related blocks name: the one whose title edit reaches furthest. */
const { model: modelBefore } = keysOf(before);
const named = new Map<string, number>();
for (const a of modelBefore.articles) for (const c of modelBefore.related(a)) named.set(c.documentId, (named.get(c.documentId) ?? 0) + 1);
const [mostNamed] = [...named].sort((a, b) => b[1] - a[1])[0]!;
const relatedBefore = relatedLists(modelBefore);
const unaffectedAfter = (after: Snapshot) =>
  unaffectedArticles(before, after, relatedBefore, RELATED_COUNT, siteModel(after).articlesOfSkill);

const changes: [string, (articles: Map<string, Article>) => void][] = [
  ['a title edit', (a) => a.set(mostNamed, { ...a.get(mostNamed)!, title: 'Retitled' })],
  ['new skills', (a) => a.set('article-8', { ...a.get('article-8')!, skills: [a.get('article-30')!.skills[0]!] })],
  [
    'a new article',
    (a) => a.set('article-new', { ...a.get('article-9')!, documentId: 'article-new', slug: 'new', publishedAt: new Date('2027-01-01') }),
  ],
  ['a removal', (a) => a.delete('article-10')],
  // Touches a third of the articles and so nearly every skill: few pages, if any, stay unaffected.
  [
    'a role renamed in every article naming it',
    (a) => {
      for (const [id, article] of a)
        if (article.roles.some((r) => r.documentId === 'role-frontend-developer'))
          a.set(id, {
            ...article,
            roles: article.roles.map((r) => (r.documentId === 'role-frontend-developer' ? { ...r, name: 'Renamed' } : r)),
          });
    },
  ],
];

describe('page keys', () => {
  it.each(changes)('after %s, an article page the change cannot reach keeps its key', (_, edit) => {
    const after = edited(before, edit);
    const { model, keys } = keysOf(after);
    const unaffected = unaffectedAfter(after);
    for (const id of unaffected) {
      const file = `articles/${after.articles.get(id)!.slug}/index.html`;
      expect(keys.get(file), file).toBe(keysBefore.get(file));
    }
    expect(model.articles.length).toBe(after.articles.size);
  });

  it.each(changes)('after %s, the list pages of a role or skill the change cannot reach keep their keys', (_, edit) => {
    const after = edited(before, edit);
    const { keys } = keysOf(after);
    const touched = touchedLists(before, after);
    const lists = [
      ...[...after.roles.values()].filter((r) => !touched.roles.has(r.documentId)).map((r) => `roles/${r.slug}/articles/`),
      ...[...after.skills.values()].filter((s) => !touched.skills.has(s.documentId)).map((s) => `skills/${s.slug}/articles/`),
    ];
    const files = [...keys.keys()].filter((file) => lists.some((list) => file.startsWith(list)));
    for (const file of files) expect(keys.get(file), file).toBe(keysBefore.get(file));
    if (edit !== changes[4]![1]) expect(files.length).toBeGreaterThan(0);
  });

  it('counts as touched the lists of a changed article, before and after, and of a changed role', () => {
    const article = before.articles.get('article-8')!;
    const moved = edited(before, (a) => a.set('article-8', { ...article, skills: [before.articles.get('article-30')!.skills[0]!] }));
    const { skills } = touchedLists(before, moved);
    expect(skills).toEqual(new Set([...article.skills, ...moved.articles.get('article-8')!.skills].map((s) => s.documentId)));
    const role = [...before.roles.values()][0]!;
    const renamed = { ...before, roles: new Map(before.roles).set(role.documentId, { ...role, name: 'Renamed' }) };
    expect(touchedLists(before, renamed)).toEqual({ roles: new Set([role.documentId]), skills: new Set() });
  });

  it('leaves most article pages out of reach of one edit', () => {
    expect(unaffectedAfter(edited(before, changes[0]![1])).size).toBeGreaterThan(before.articles.size / 4);
  });

  it.each(changes.slice(0, 4))('after %s, counts as affected only the article pages whose key changed', (_, edit) => {
    const after = edited(before, edit);
    const { model, keys } = keysOf(after);
    const unaffected = unaffectedAfter(after);
    const changed = model.articles.filter((a) => {
      const file = `articles/${a.slug}/index.html`;
      return keys.get(file) !== keysBefore.get(file);
    });
    const affected = model.articles.filter((a) => !unaffected.has(a.documentId));
    expect(affected.map((a) => a.slug).sort()).toEqual(changed.map((a) => a.slug).sort());
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

/** An article list page: /articles/…, /roles/<slug>/articles/…, /skills/<slug>/articles/…. */
const isListPage = (file: string) => /^(articles|(roles|skills)\/[^/]+\/articles)\/(\d+\/)?index\.html$/.test(file);
const isArticlePage = (file: string) => /^articles\/[^/]*\D[^/]*\/index\.html$/.test(file);

/** Files added, removed or given another key. */
const changedFiles = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f));

/** The lists an article is on: all articles, its roles' and its skills'. */
const listsOf = (a: Article) => 1 + new Set(a.roles.map((r) => r.documentId)).size + new Set(a.skills.map((s) => s.documentId)).size;

describe('at 300 articles', () => {
  const start = fixtureSnapshot(300);
  const { keys: startKeys } = keysOf(start);

  it('has enough list pages that a publish shifting them all would show', () => {
    expect([...startKeys.keys()].filter(isListPage).length).toBeGreaterThan(80);
  });

  it('changes at most three pages of each list a new article is on, publish after publish, and related blocks only where it wins', () => {
    let current = start;
    let keys = startKeys;
    let listPagesChanged = 0;
    let lists = 0;
    // 25 publishes cross a page boundary of every list at least once.
    for (let n = 1; n <= 25; n++) {
      const template = current.articles.get(`article-${n}`)!;
      const id = `new-${n}`;
      const next = edited(current, (a) =>
        a.set(id, { ...template, documentId: id, slug: `new-${n}`, title: `New ${n}`, publishedAt: new Date(Date.UTC(2027, 0, n)) }),
      );
      const after = keysOf(next);
      const changed = changedFiles(keys, after.keys);
      const listChanges = changed.filter(isListPage);
      expect(listChanges.length, `publish ${n}: ${listChanges.join(', ')}`).toBeLessThanOrEqual(3 * listsOf(template));
      listPagesChanged += listChanges.length;
      lists += listsOf(template);
      for (const file of changed.filter(isArticlePage).filter((f) => f !== `articles/new-${n}/index.html`)) {
        const article = after.model.articleBySlug.get(file.split('/')[1]!)!;
        expect(
          after.model.related(article).map((c) => c.documentId),
          file,
        ).toContain(id);
      }
      expect(changed.length, changed.join(', ')).toBeLessThan(40);
      current = next;
      keys = after.keys;
    }
    // Mostly the list's own URL only: a page boundary (2 more pages) comes once in 12 publishes.
    expect(listPagesChanged / lists).toBeLessThan(1.5);
  });

  it('changes one page of each list an edited article is on', () => {
    const target = start.articles.get('article-40')!;
    const after = keysOf(edited(start, (a) => a.set(target.documentId, { ...target, title: 'Retitled' })));
    const listChanges = changedFiles(startKeys, after.keys).filter(isListPage);
    expect(listChanges).toHaveLength(listsOf(target));
    expect(listChanges).toContain(`articles/${Math.ceil(40 / 12)}/index.html`);
  });
});
