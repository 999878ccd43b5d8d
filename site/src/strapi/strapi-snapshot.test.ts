import { afterEach, describe, expect, it } from 'vitest';
import { startFakeStrapi, type FakeStrapi } from '@stackguide/test-kit';
import { makeContent } from '../../test/fixtures.ts';
import { connection, fetchArticlesOf, fetchByIds, fetchCollections, fetchEntries, type StrapiConnection } from './strapi-snapshot.ts';
import { StrapiError } from '@stackguide/runtime';
import { EmptySiteError, StrapiContentError } from '../errors.ts';

let strapi: FakeStrapi | undefined;
afterEach(async () => {
  await strapi?.stop();
  strapi = undefined;
});

const connect = (s: FakeStrapi, over: { token?: string; allowEmpty?: boolean } = {}): StrapiConnection =>
  connection(s.url, over.token ?? s.token, over.allowEmpty ?? false, { attempts: 3, baseDelayMs: 1 });

describe('fetching content from Strapi', () => {
  it('pages through a collection larger than a page and returns every article with absolute media URLs', async () => {
    strapi = await startFakeStrapi(makeContent(600));
    const articles = await fetchEntries(connect(strapi), 'articles');
    expect(articles).toHaveLength(600);
    expect(strapi.requests.filter((r) => r.startsWith('/api/articles'))).toHaveLength(3);
    expect(strapi.requests[0]).toContain('pagination[pageSize]=250');
    const first = articles.find((a) => a.documentId === 'article-1')!;
    expect(first.slug).toBe('fixture-article-1');
    expect(first.cover?.url).toBe(`${strapi.url}/uploads/cover-1.png`);
    expect(first.publishedAt).toBeInstanceOf(Date);
  });

  it('fetches articles by documentId, a hundred per request; unpublished ones are simply missing', async () => {
    const content = makeContent(150);
    strapi = await startFakeStrapi(content);
    const ids = Array.from({ length: 140 }, (_, i) => `article-${i + 1}`);
    strapi.remove('article-3');
    const found = await fetchByIds(connect(strapi), 'articles', [...ids, 'article-1']);
    expect(found.map((a) => a.documentId).sort()).toEqual(ids.filter((id) => id !== 'article-3').sort());
    expect(strapi.requests.filter((r) => r.includes('filters[documentId][$in]'))).toHaveLength(2);
  });

  it('fetches the articles that name a role or a skill', async () => {
    strapi = await startFakeStrapi(makeContent(12));
    const ofRole = await fetchArticlesOf(connect(strapi), 'role', 'role-backend-developer');
    expect(ofRole.length).toBeGreaterThan(0);
    expect(ofRole.every((a) => a.roles.some((r) => r.documentId === 'role-backend-developer'))).toBe(true);
    const ofSkill = await fetchArticlesOf(connect(strapi), 'skill', 'skill-go');
    expect(ofSkill.every((a) => a.skills.some((s) => s.documentId === 'skill-go'))).toBe(true);
  });

  it('names the entry and the field when Strapi sends something the site cannot show', async () => {
    const content = makeContent(2);
    (content.articles[1] as { title: unknown }).title = 42;
    strapi = await startFakeStrapi(content);
    const err = await fetchEntries(connect(strapi), 'articles').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StrapiContentError);
    expect((err as Error).message).toContain('articles entry article-2: title');
  });

  it('retries a 503 and a dropped connection, then succeeds', async () => {
    strapi = await startFakeStrapi(makeContent(3));
    strapi.failNext(1, 503);
    expect(await fetchEntries(connect(strapi), 'articles')).toHaveLength(3);
    strapi.failNext(2, 0);
    expect(await fetchEntries(connect(strapi), 'articles')).toHaveLength(3);
  });

  it('gives up after the retries with a message naming the URL, the status and the fix', async () => {
    strapi = await startFakeStrapi(makeContent(3));
    strapi.failNext(10, 503);
    const err = await fetchEntries(connect(strapi), 'articles').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StrapiError);
    const message = (err as Error).message;
    expect(message).toContain(`${strapi.url}/api/articles?`);
    expect(message).toContain('HTTP 503 after 3 attempt(s)');
    expect(message).toContain('start the CMS (npm start)');
    expect(message).toContain('STRAPI_URL');
    expect(message).toContain('STRAPI_READ_TOKEN');
  });

  it('does not retry a rejected token', async () => {
    strapi = await startFakeStrapi(makeContent(3));
    const err = await fetchEntries(connect(strapi, { token: 'wrong' }), 'articles').catch((e: unknown) => e);
    expect((err as Error).message).toContain('HTTP 401 after 1 attempt(s)');
  });

  it('fails when Strapi is not running at all', async () => {
    strapi = await startFakeStrapi(makeContent(1));
    const url = strapi.url;
    await strapi.stop();
    const err = await fetchEntries(connect({ ...strapi, url }), 'articles').catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/failed with ECONNREFUSED after 3 attempt/);
  });

  it('refuses zero articles unless ALLOW_EMPTY_SITE is set; roles and skills may be empty', async () => {
    const content = makeContent(0);
    content.skills.length = 0;
    strapi = await startFakeStrapi(content);
    await expect(fetchCollections(connect(strapi))).rejects.toBeInstanceOf(EmptySiteError);
    const all = await fetchCollections(connect(strapi, { allowEmpty: true }));
    expect(all.articles).toEqual([]);
    expect(all.skills).toEqual([]);
    expect(all.roles.map((r) => r.slug).sort()).toEqual(['backend-developer', 'frontend-developer', 'full-stack-developer']);
  });
});
