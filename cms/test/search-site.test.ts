import { AdminRequestError, waitFor, type AdminClient } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analytics, ArticleStatus, Overview } from '../src/plugins/search-site/shared/contracts.ts';
import { addAdminUser, startSearchStack, type SearchStack } from './search-stack.ts';

type Permission = { action: string; subject: string | null; properties: unknown; conditions: unknown };

let stack: SearchStack;
let superAdmin: AdminClient;
let editor: AdminClient;
let author: AdminClient;

/** The HTTP status a call ends with (the client throws on non-2xx). */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (err) {
    if (err instanceof AdminRequestError) return err.status;
    throw err;
  }
}

/** What search-sync indexes from the seeded content: 12 articles, 3 role and 33 skill pages, 6 salary bands. */
const SEEDED_DOCUMENTS = 54;
const article = (documentId: string) => superAdmin.request<ArticleStatus>('GET', `/search-site/articles/${documentId}`);

beforeAll(async () => {
  stack = await startSearchStack();
  superAdmin = await stack.cms.admin();
  editor = await addAdminUser(stack.cms, 'strapi-editor');
  author = await addAdminUser(stack.cms, 'strapi-author');
  await waitFor('first site build', () => stack.site.builds.length > 0, { timeoutMs: 60_000 });
});
afterAll(async () => {
  await stack?.stop();
});

describe('Search & site plugin routes (real Strapi, search-sync and Meilisearch; fake site status)', () => {
  it('answers only logged-in admins', async () => {
    for (const route of ['/search-site/overview', '/search-site/articles/x'])
      expect((await fetch(`${stack.cms.url}${route}`)).status).toBe(401);
    expect((await fetch(`${stack.cms.url}/search-site/reindex`, { method: 'POST' })).status).toBe(401);
  });

  it('gathers search-sync and the site build in the overview, server-side', async () => {
    const overview = await superAdmin.request<Overview>('GET', '/search-site/overview');
    expect(overview.searchSync).toMatchObject({
      ok: true,
      data: { queueDepth: expect.any(Number), deadLetters: [], reindexRunning: false },
    });
    expect(overview.site).toMatchObject({ ok: true, data: { current: { kind: 'full', pages: 12 }, lastFailure: null } });
    expect(overview.searchSync.ok && overview.searchSync.data.lastReconcile).toMatchObject({ published: SEEDED_DOCUMENTS });
  });

  it('reports no analytics while search-sync has none, and refuses a bad period', async () => {
    const answer = await author.request<Analytics>('GET', '/search-site/analytics?days=30');
    // data is null while search-sync has no analytics route (404); once it has, nobody searched here.
    expect(answer).toMatchObject({ ok: true });
    if (answer.ok && answer.data) expect(answer.data).toMatchObject({ days: 30, topQueries: [], zeroResultQueries: [] });
    for (const days of ['0', '91', 'x']) expect(await statusOf(author.request('GET', `/search-site/analytics?days=${days}`))).toBe(400);
  });

  it('lets Authors read but not reindex, retry, discard or hide a query; Editors may', async () => {
    expect(await statusOf(author.request('GET', '/search-site/overview'))).toBe(200);
    expect(await statusOf(author.request('POST', '/search-site/reindex'))).toBe(403);
    expect(await statusOf(author.request('POST', '/search-site/dead-letters/article:x/retry'))).toBe(403);
    expect(await statusOf(author.request('DELETE', '/search-site/dead-letters/article:x'))).toBe(403);
    expect(await statusOf(author.request('PUT', '/search-site/analytics/hidden/spam'))).toBe(403);
    expect(await statusOf(author.request('DELETE', '/search-site/analytics/hidden/spam'))).toBe(403);
    // Hidden through the CMS, kept by search-sync: the report lists it apart; showing it again empties the list.
    expect(await editor.request('PUT', '/search-site/analytics/hidden/CI%2FCD%20spam')).toEqual({ query: 'ci/cd spam', hidden: true });
    expect(await author.request<Analytics>('GET', '/search-site/analytics?days=30')).toMatchObject({
      ok: true,
      data: { hiddenQueries: ['ci/cd spam'] },
    });
    expect(await editor.request('DELETE', '/search-site/analytics/hidden/ci%2Fcd%20spam')).toEqual({ query: 'ci/cd spam', hidden: false });
    expect(await statusOf(editor.request('PUT', '/search-site/analytics/hidden/jane%40example.com'))).toBe(400);
    // search-sync's own answer comes through: there is no such dead letter.
    expect(await statusOf(editor.request('POST', '/search-site/dead-letters/article:x/retry'))).toBe(404);
    expect(await statusOf(editor.request('DELETE', '/search-site/dead-letters/article:x'))).toBe(404);
    expect(await editor.request('POST', '/search-site/reindex')).toEqual({ started: true });
    const done = await waitFor(
      'reindex done',
      async () => {
        const o = await editor.request<Overview>('GET', '/search-site/overview');
        return o.searchSync.ok && !o.searchSync.data.reindexRunning && o.searchSync.data.reindex?.state === 'done'
          ? o.searchSync.data.reindex
          : undefined;
      },
      { timeoutMs: 120_000 },
    );
    expect(done).toMatchObject({ done: SEEDED_DOCUMENTS, total: SEEDED_DOCUMENTS });
  });

  it("follows an article from draft to search and to the site's next build", async () => {
    const { documentId } = await superAdmin.createArticle({
      title: 'Status panel article',
      slug: 'status-panel-article',
      excerpt: 'Followed from draft to the site.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Draft first.' }] }],
      authorName: 'Test',
    });
    // Saving the draft queues a check in search-sync, which finds nothing published.
    const draft = await waitFor('draft checked', async () => {
      const s = await article(documentId);
      return s.search.ok && s.search.data.state === 'absent' ? s : undefined;
    });
    expect(draft).toMatchObject({
      publishedUpdatedAt: null,
      search: { data: { indexedUpdatedAt: null } },
      site: { ok: true, data: { inBuild: false } },
    });
    await superAdmin.publish(documentId);
    const inSite = await waitFor(
      'in search and on the site',
      async () => {
        const s = await article(documentId);
        return s.search.ok && s.search.data.state === 'indexed' && s.site.ok && s.site.data.inBuild ? s : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(inSite.publishedUpdatedAt).not.toBeNull();
    expect(inSite.search.ok && inSite.search.data.indexedUpdatedAt).toBe(
      new Date(Math.floor(Date.parse(inSite.publishedUpdatedAt!) / 1000) * 1000).toISOString(),
    );
    expect(inSite.site.ok && inSite.site.data.updatedAt).toBe(inSite.publishedUpdatedAt);
  });

  it('grants Editors and Authors once, keeps a removal, and explains what is missing from .env', async () => {
    const roles = await superAdmin.request<{ data: { id: number; code: string }[] }>('GET', '/admin/roles');
    const editorRole = roles.data.find((r) => r.code === 'strapi-editor')!;
    const permissionsOf = async (id: number) =>
      (await superAdmin.request<{ data: Permission[] }>('GET', `/admin/roles/${id}/permissions`)).data;
    const before = await permissionsOf(editorRole.id);
    expect(
      before
        .filter((p) => p.action.startsWith('plugin::search-site.'))
        .map((p) => p.action)
        .sort(),
    ).toEqual(['plugin::search-site.gaps', 'plugin::search-site.manage', 'plugin::search-site.read']);
    const withoutManage = before
      .filter((p) => p.action !== 'plugin::search-site.manage')
      .map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions }));
    await superAdmin.request('PUT', `/admin/roles/${editorRole.id}/permissions`, { permissions: withoutManage });

    await stack.cms.restart({ SEARCH_SYNC_ADMIN_SECRET: '', SITE_BUILD_HOOK_URL: 'http://127.0.0.1:9/__hooks/build' });
    superAdmin = await stack.cms.admin();
    const after = (await permissionsOf(editorRole.id)).filter((p) => p.action.startsWith('plugin::search-site.'));
    expect(after.map((p) => p.action).sort()).toEqual(['plugin::search-site.gaps', 'plugin::search-site.read']);
    const overview = await superAdmin.request<Overview>('GET', '/search-site/overview');
    expect(overview.searchSync).toEqual({ ok: false, status: null, error: expect.stringContaining('set SEARCH_SYNC_ADMIN_SECRET') });
    expect(overview.site).toEqual({ ok: false, status: null, error: 'the site server is unreachable at http://127.0.0.1:9/__status' });
  });
});
