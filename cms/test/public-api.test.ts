import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IDS_PER_REQUEST } from '@stackguide/contracts/rest-api';
import { startTestCms, type TestCms } from '@stackguide/test-kit';
import { lanes } from './lanes.ts';

type Article = {
  documentId: string;
  title: string;
  slug: string;
  excerpt: string;
  body: unknown[];
  roles: { slug: string }[];
  skills: { slug: string }[];
  seo: unknown;
  authorName: string;
  publishedAt: string;
};
type ListResponse<T> = { data: T[]; meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } } };

/** In the saved, unpublished draft of a published article: never in what the public API serves. */
const NEWER_DRAFT = 'Unpublished newer draft marker';

/**
 * Every way to reach articles through the public API, directly or through relations, populated as
 * deep as a caller may ask; each with `status=draft` too (the route middlewares drop it).
 */
const ARTICLE_PATHS = [
  '/api/articles?pagination[pageSize]=100',
  '/api/articles?populate=*&pagination[pageSize]=100',
  '/api/articles?populate[roles][populate][articles]=true&populate[skills][populate][articles]=true&pagination[pageSize]=100',
  '/api/roles?populate=articles',
  '/api/roles?populate=*',
  '/api/roles?populate[articles][populate]=*',
  '/api/roles?populate[skills][populate][articles]=true',
  '/api/skills?populate=articles&pagination[pageSize]=100',
  '/api/skills?populate=*&pagination[pageSize]=100',
  '/api/skills?populate[articles][populate]=*&pagination[pageSize]=100',
  '/api/skills?populate[roles][populate][articles]=true&pagination[pageSize]=100',
];

describe.each(lanes())('public content API on $name', (lane) => {
  let cms: TestCms;
  let draftIds: string[] = [];
  /** A published article whose draft was edited after publishing. */
  let editedId = '';

  async function get(path: string, token?: string): Promise<Response> {
    return fetch(`${cms.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  }

  async function getJson<T>(path: string, token?: string): Promise<T> {
    const res = await get(path, token);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    cms = await startTestCms({ env: await lane.env() });
    const admin = await cms.admin();
    const drafts = await admin.request<{ results: { documentId: string; title: string; status: string }[] }>(
      'GET',
      '/content-manager/collection-types/api::article.article?page=1&pageSize=100&filters[title][$startsWith]=DRAFT:',
    );
    draftIds = drafts.results.map((d) => d.documentId);
    const published = await getJson<ListResponse<Article>>('/api/articles?pagination[pageSize]=1&sort=id:asc');
    editedId = published.data[0]!.documentId;
    await admin.updateArticle(editedId, {
      title: `${NEWER_DRAFT} title`,
      excerpt: `${NEWER_DRAFT} in the excerpt of an article whose published version stays as it was.`,
    });
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('serves seeded articles with their relations and fields, published only', async () => {
    const list = await getJson<ListResponse<Article>>('/api/articles?pagination[pageSize]=100');
    expect(list.data.length).toBeGreaterThanOrEqual(12);
    expect(list.data.some((a) => a.title.startsWith('DRAFT:'))).toBe(false);
    const article = list.data[0]!;
    expect(article).toMatchObject({ slug: expect.any(String), excerpt: expect.any(String), authorName: expect.any(String) });
    expect(article.body.length).toBeGreaterThan(0);
    expect(article.roles.length).toBeGreaterThan(0);
    expect(article.skills.length).toBeGreaterThan(0);
    expect(article.seo).toMatchObject({ metaTitle: expect.any(String) });
  });

  it('gives only the chosen fields, without the default joins, to a caller that picks fields', async () => {
    const lean = await getJson<ListResponse<Record<string, unknown>>>('/api/articles?fields[0]=updatedAt&pagination[pageSize]=1');
    expect(Object.keys(lean.data[0]!).sort()).toEqual(['documentId', 'id', 'updatedAt']);
    const chosen = await getJson<ListResponse<Record<string, unknown>>>(
      '/api/articles?fields[0]=title&populate[roles][fields][0]=slug&pagination[pageSize]=1',
    );
    expect(Object.keys(chosen.data[0]!).sort()).toEqual(['documentId', 'id', 'roles', 'title']);
  });

  it('paginates with the page size the client asks for', async () => {
    const page1 = await getJson<ListResponse<Article>>('/api/articles?pagination[pageSize]=5&pagination[page]=1&sort=slug');
    const page2 = await getJson<ListResponse<Article>>('/api/articles?pagination[pageSize]=5&pagination[page]=2&sort=slug');
    expect(page1.data).toHaveLength(5);
    expect(page1.meta.pagination.pageCount).toBe(Math.ceil(page1.meta.pagination.total / 5));
    const slugs = new Set([...page1.data, ...page2.data].map((a) => a.slug));
    expect(slugs.size).toBe(page1.data.length + page2.data.length);
  });

  it('gives anonymous callers at most 100 entries a page, API tokens up to 1,000', async () => {
    const anonymous = await getJson<ListResponse<Article>>('/api/articles?fields[0]=updatedAt&pagination[pageSize]=1000');
    expect(anonymous.meta.pagination.pageSize).toBe(100);
    const byOffset = await getJson<{ meta: { pagination: { limit: number } } }>('/api/articles?fields[0]=updatedAt&pagination[limit]=500');
    expect(byOffset.meta.pagination.limit).toBe(100);
    const withToken = await getJson<ListResponse<Article>>('/api/articles?fields[0]=updatedAt&pagination[pageSize]=1000', cms.readToken);
    expect(withToken.meta.pagination.pageSize).toBe(1000);
  });

  it('serves the three roles with responsibilities, skills and salary bands, and the skills', async () => {
    const roles =
      await getJson<
        ListResponse<{ slug: string; responsibilities: unknown[]; salaryBands: { min: number; period: string }[]; skills: unknown[] }>
      >('/api/roles');
    expect(roles.data.map((r) => r.slug).sort()).toEqual(['backend-developer', 'frontend-developer', 'full-stack-developer']);
    const backend = roles.data.find((r) => r.slug === 'backend-developer')!;
    expect(backend.responsibilities.length).toBeGreaterThan(2);
    expect(backend.skills.length).toBeGreaterThan(5);
    expect(backend.salaryBands).toEqual(expect.arrayContaining([expect.objectContaining({ min: 2700, period: 'month' })]));
    const skills = await getJson<ListResponse<{ slug: string; category: string }>>('/api/skills?pagination[pageSize]=100');
    expect(skills.data.length).toBeGreaterThanOrEqual(28);
  });

  it.each([
    ['public', undefined],
    ['read-only token', 'token'],
  ])('never hands out drafts, even with status=draft (%s)', async (_label, useToken) => {
    const token = useToken ? cms.readToken : undefined;
    expect(draftIds).toHaveLength(2);
    const spellings = [
      'status=draft',
      'status=draft&filters[publishedAt][$null]=true',
      'status[0]=draft',
      'status[$eq]=draft',
      'status=draft&status=draft',
      'status=DRAFT',
      'Status=draft',
      'publicationState=preview',
    ];
    for (const query of spellings) {
      const res = await get(`/api/articles?${query}&pagination[pageSize]=100`, token);
      expect(res.status, query).toBe(200);
      const text = await res.text();
      expect((JSON.parse(text) as { data: unknown }).data, query).toBeInstanceOf(Array);
      expect(text, query).not.toContain('DRAFT:');
      expect(text, query).not.toContain(NEWER_DRAFT);
    }
    for (const id of draftIds) {
      const res = await get(`/api/articles/${id}?status=draft`, token);
      expect(res.status).toBe(404);
    }
    const edited = await get(`/api/articles/${editedId}?status=draft`, token);
    expect(edited.status).toBe(200);
    expect(await edited.text()).not.toContain(NEWER_DRAFT);
  });

  it.each([
    ['public', undefined],
    ['read-only token', 'token'],
  ])('never hands out a draft through a relation, however deep the populate (%s)', async (_label, useToken) => {
    const token = useToken ? cms.readToken : undefined;
    for (const path of ARTICLE_PATHS.flatMap((p) => [p, `${p}&status=draft`])) {
      const res = await get(path, token);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      // Each path does reach articles: the published one that has a newer draft among them.
      expect(text, path).toContain(`"documentId":"${editedId}"`);
      expect(text, path).not.toContain('DRAFT:');
      expect(text, path).not.toContain(NEWER_DRAFT);
      for (const id of draftIds) expect(text, path).not.toContain(id);
    }
  });

  it("lets the preview's own token read a draft, with the relations its page shows, and nothing else of drafts", async () => {
    const token = cms.env.PREVIEW_READ_TOKEN!;
    for (const id of draftIds) {
      const list = await getJson<ListResponse<Article>>(`/api/articles?filters[documentId][$eq]=${id}&status=draft`, token);
      expect(list.data).toHaveLength(1);
      expect(list.data[0]!.title).toMatch(/^DRAFT:/);
      expect(list.data[0]!.publishedAt).toBeNull();
      expect(list.data[0]!.body.length).toBeGreaterThan(0);
      expect(list.data[0]!.roles.length).toBeGreaterThan(0);
      const one = await getJson<{ data: Article }>(`/api/articles/${id}?status=draft`, token);
      expect(one.data.documentId).toBe(id);
      // Without status it sees what everyone sees: the published version, which a draft lacks.
      expect((await get(`/api/articles/${id}`, token)).status).toBe(404);
    }
    const published = await getJson<ListResponse<Article>>('/api/articles?status=published&pagination[pageSize]=100', token);
    expect(published.data.some((a) => a.title.startsWith('DRAFT:'))).toBe(false);
    expect((await get('/api/roles?pagination[pageSize]=1', token)).status).toBe(200);
    expect((await get('/api/skills?pagination[pageSize]=1', token)).status).toBe(200);
  });

  it.each([
    ['public', undefined],
    ['read-only token', 'token'],
    ['preview token', 'preview'],
  ])('refuses writes and other content (%s)', async (_label, useToken) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (useToken) headers.Authorization = `Bearer ${useToken === 'preview' ? cms.env.PREVIEW_READ_TOKEN : cms.readToken}`;
    const list = await getJson<ListResponse<Article>>('/api/articles?pagination[pageSize]=1');
    const id = list.data[0]!.documentId;
    const body = JSON.stringify({ data: { title: 'Injected', excerpt: 'x'.repeat(30) } });
    expect((await fetch(`${cms.url}/api/articles`, { method: 'POST', headers, body })).status).toBe(403);
    expect((await fetch(`${cms.url}/api/articles/${id}`, { method: 'PUT', headers, body })).status).toBe(403);
    expect((await fetch(`${cms.url}/api/articles/${id}`, { method: 'DELETE', headers })).status).toBe(403);
    expect((await fetch(`${cms.url}/api/roles`, { method: 'POST', headers, body })).status).toBe(403);
    if (useToken === 'preview') {
      for (const path of ['/api/users', '/api/upload/files', '/api/search-setting'])
        expect((await get(path, cms.env.PREVIEW_READ_TOKEN)).status, path).toBe(403);
    }
    if (!useToken) {
      expect((await get('/api/users')).status).toBe(403);
      expect((await get('/api/upload/files')).status).toBe(403);
      const register = await fetch(`${cms.url}/api/auth/local/register`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ username: 'mallory', email: 'm@example.com', password: 'Secret123!' }),
      });
      expect(register.status).toBeGreaterThanOrEqual(400);
    }
  });

  it("serves search-sync's index feed to API tokens only: published articles in id order, paged after an id, and their stamps", async () => {
    type Fed = {
      id: number;
      documentId: string;
      title: string;
      updatedAt: string;
      roles: { documentId: string; name: string; slug: string }[];
    };
    const first = await getJson<{ data: Fed[]; meta: { total?: number } }>('/api/index-feed/articles?limit=5', cms.readToken);
    const published = await getJson<ListResponse<Fed>>(
      '/api/articles?fields[0]=title&populate[roles][fields][0]=name&populate[roles][fields][1]=slug&pagination[pageSize]=1000&sort=id:asc',
      cms.readToken,
    );
    expect(first.meta.total).toBe(published.meta.pagination.total);
    expect(first.data.map((a) => a.id)).toEqual(published.data.slice(0, 5).map((a) => a.id));
    expect(first.data.map((a) => a.roles)).toEqual(published.data.slice(0, 5).map((a) => a.roles));
    const rest = await getJson<{ data: Fed[]; meta: { total?: number } }>(
      `/api/index-feed/articles?after=${first.data.at(-1)!.id}&limit=1000`,
      cms.readToken,
    );
    expect(rest.meta.total).toBeUndefined();
    const fed = [...first.data, ...rest.data];
    expect(fed.map((a) => a.title)).toEqual(published.data.map((a) => a.title));
    expect(fed.some((a) => a.title.startsWith('DRAFT:'))).toBe(false);
    const stamps = await getJson<{ data: { documentId: string; updatedAt: string }[] }>('/api/index-feed/stamps', cms.readToken);
    expect(stamps.data).toEqual(fed.map((a) => ({ documentId: a.documentId, updatedAt: a.updatedAt })));

    const chosen = [fed[0]!, fed.at(-1)!];
    expect(draftIds.length).toBeGreaterThan(0);
    const byIds = await getJson<{ data: Fed[] }>(
      `/api/index-feed/articles?ids=${[...chosen.map((a) => a.documentId), draftIds[0]].join(',')}`,
      cms.readToken,
    );
    expect(byIds.data).toEqual(chosen);
    // The feed takes as many ids as a request may name, not one more.
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `unknown${i}`).join(',');
    expect((await getJson<{ data: Fed[] }>(`/api/index-feed/articles?ids=${ids(MAX_IDS_PER_REQUEST)}`, cms.readToken)).data).toEqual([]);
    expect((await get(`/api/index-feed/articles?ids=${ids(MAX_IDS_PER_REQUEST + 1)}`, cms.readToken)).status).toBe(400);

    for (const path of ['/api/index-feed/articles', '/api/index-feed/stamps']) {
      expect((await get(path)).status, path).toBe(403);
      expect((await get(path, 'not-a-real-token')).status, path).toBe(401);
    }
    for (const bad of ['limit=0', 'limit=1001', 'after=-1', 'after=x', 'ids=', 'ids=a,,b', 'ids=a;b', 'ids[]=a']) {
      expect((await get(`/api/index-feed/articles?${bad}`, cms.readToken)).status, bad).toBe(400);
    }
  });

  it('rejects a wrong token instead of treating it as public', async () => {
    expect((await get('/api/articles', 'not-a-real-token')).status).toBe(401);
  });
});
