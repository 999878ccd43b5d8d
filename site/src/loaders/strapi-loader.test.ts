import { afterEach, describe, expect, it } from 'vitest';
import { startFakeStrapi, type FakeStrapi } from '@stackguide/test-kit';
import { makeContent } from '../../test/fixtures.ts';
import { fakeLoaderContext } from '../../test/fake-loader-context.ts';
import { strapiLoader, type StrapiConnection } from './strapi-loader.ts';
import { EmptySiteError, StrapiRequestError } from '../errors.ts';

let strapi: FakeStrapi | undefined;
afterEach(async () => {
  await strapi?.stop();
  strapi = undefined;
});

const connect = (s: FakeStrapi, over: Partial<StrapiConnection> = {}): StrapiConnection => ({
  strapiUrl: s.url,
  token: s.token,
  allowEmpty: false,
  retry: { attempts: 3, baseDelayMs: 1 },
  ...over,
});

describe('strapiLoader', () => {
  it('pages past Strapi’s 100-item cap and stores every article with absolute media URLs', async () => {
    strapi = await startFakeStrapi(makeContent(250));
    const ctx = fakeLoaderContext('articles');
    await strapiLoader('articles', connect(strapi)).load(ctx);
    expect(ctx.entries.size).toBe(250);
    expect(strapi.requests.filter((r) => r.startsWith('/api/articles'))).toHaveLength(3);
    expect(strapi.requests[0]).toContain('pagination[pageSize]=100');
    const first = ctx.entries.get('article-1')?.data as { cover: { url: string }; slug: string };
    expect(first.slug).toBe('fixture-article-1');
    expect(first.cover.url).toBe(`${strapi.url}/uploads/cover-1.png`);
  });

  it('skips unchanged entries and removes ones Strapi no longer returns', async () => {
    const content = makeContent(5);
    strapi = await startFakeStrapi(content);
    const ctx = fakeLoaderContext('articles');
    await strapiLoader('articles', connect(strapi)).load(ctx);
    const digestBefore = ctx.entries.get('article-2')?.digest;

    content.articles.splice(3, 1); // article-4 unpublished
    (content.articles[0] as { title: string }).title = 'Edited title';
    const next = fakeLoaderContext('articles', ctx.entries);
    await strapiLoader('articles', connect(strapi)).load(next);

    expect([...next.entries.keys()].sort()).toEqual(['article-1', 'article-2', 'article-3', 'article-5']);
    expect((next.entries.get('article-1')?.data as { title: string } | undefined)?.title).toBe('Edited title');
    expect(next.entries.get('article-2')?.digest).toBe(digestBefore);
    expect(next.logs.at(-1)).toContain('1 new or changed, 1 removed');
  });

  it('retries a 503 and a dropped connection, then succeeds', async () => {
    strapi = await startFakeStrapi(makeContent(3));
    strapi.failNext(1, 503);
    const ctx = fakeLoaderContext('articles');
    await strapiLoader('articles', connect(strapi)).load(ctx);
    expect(ctx.entries.size).toBe(3);

    strapi.failNext(2, 0);
    await strapiLoader('articles', connect(strapi)).load(fakeLoaderContext('articles'));
  });

  it('gives up after the retries with a message naming the URL, the status and the fix', async () => {
    strapi = await startFakeStrapi(makeContent(3));
    strapi.failNext(10, 503);
    const err = await strapiLoader('articles', connect(strapi)).load(fakeLoaderContext('articles')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StrapiRequestError);
    const message = (err as Error).message;
    expect(message).toContain(`${strapi.url}/api/articles?`);
    expect(message).toContain('HTTP 503 after 3 attempt(s)');
    expect(message).toContain('start the CMS (npm start)');
    expect(message).toContain('STRAPI_URL');
    expect(message).toContain('STRAPI_READ_TOKEN');
  });

  it('does not retry a rejected token', async () => {
    strapi = await startFakeStrapi(makeContent(3));
    const err = await strapiLoader('articles', connect(strapi, { token: 'wrong' })).load(fakeLoaderContext('articles')).catch((e: unknown) => e);
    expect((err as Error).message).toContain('HTTP 401 after 1 attempt(s)');
  });

  it('fails when Strapi is not running at all', async () => {
    strapi = await startFakeStrapi(makeContent(1));
    const url = strapi.url;
    await strapi.stop();
    const err = await strapiLoader('articles', connect({ ...strapi, url })).load(fakeLoaderContext('articles')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/failed with ECONNREFUSED after 3 attempt/);
  });

  it('refuses zero articles unless ALLOW_EMPTY_SITE is set, and keeps the previous store', async () => {
    const content = makeContent(2);
    strapi = await startFakeStrapi(content);
    const ctx = fakeLoaderContext('articles');
    await strapiLoader('articles', connect(strapi)).load(ctx);
    content.articles.length = 0;
    await expect(strapiLoader('articles', connect(strapi)).load(ctx)).rejects.toBeInstanceOf(EmptySiteError);
    expect(ctx.entries.size).toBe(2);

    await strapiLoader('articles', connect(strapi, { allowEmpty: true })).load(ctx);
    expect(ctx.entries.size).toBe(0);
  });

  it('loads roles and skills; empty ones are not an error', async () => {
    const content = makeContent(1);
    strapi = await startFakeStrapi(content);
    const roles = fakeLoaderContext('roles');
    await strapiLoader('roles', connect(strapi)).load(roles);
    expect([...roles.entries.values()].map((e) => (e.data as { slug: string }).slug).sort()).toEqual([
      'backend-developer',
      'frontend-developer',
      'full-stack-developer',
    ]);
    content.skills.length = 0;
    const skills = fakeLoaderContext('skills');
    await strapiLoader('skills', connect(strapi)).load(skills);
    expect(skills.entries.size).toBe(0);
  });
});
