import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import { freePort, startTestCms, waitFor, type AdminClient, type MeiliProcess, type TestCms } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_UID, type SearchDocument } from '@stackguide/contracts/search-index';
import type { Service } from '../src/service.ts';
import { LISTING_PAGE } from '@stackguide/runtime';
import { CmsReader } from '../src/cms-reader.ts';
import { startService, startTestMeili, tempDir, testConfig } from './helpers.ts';

/**
 * What a search document is made of, asked of the REST API: the index feed must answer exactly this
 * for the same articles.
 */
const DOCUMENT_QUERY: Record<string, string> = {
  'fields[0]': 'title',
  'fields[1]': 'slug',
  'fields[2]': 'excerpt',
  'fields[3]': 'body',
  'fields[4]': 'updatedAt',
  'fields[5]': 'publishedAt',
  'fields[6]': 'firstPublishedAt',
  'populate[roles][fields][0]': 'name',
  'populate[roles][fields][1]': 'slug',
  'populate[skills][fields][0]': 'name',
  'populate[skills][fields][1]': 'slug',
};

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

let dir: string;
let meiliProc: MeiliProcess;
let cms: TestCms;
let admin: AdminClient;
let service: Service;
let base: string;

const search = (q: string, filter?: string) => service.meili.index<SearchDocument>(INDEX_UID).search(q, { filter, limit: 1000 });
async function api<T>(route: string): Promise<T> {
  const res = await fetch(`${cms.url}${route}`, { headers: { authorization: `Bearer ${cms.readToken}` } });
  if (!res.ok) throw new Error(`${route}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  dir = tempDir('e2e');
  const port = await freePort();
  meiliProc = await startTestMeili(dir);
  cms = await startTestCms({ webhookUrl: `http://127.0.0.1:${port}/webhooks/strapi` });
  admin = await cms.admin();
  const config = testConfig({
    strapiUrl: cms.url,
    strapiToken: cms.readToken,
    webhookSecret: cms.env.WEBHOOK_SECRET!,
    meiliUrl: meiliProc.url,
    dataDir: `${dir}/queue`,
    port,
  });
  ({ service, base } = await startService(config, { backoff: { baseMs: 200, maxMs: 2_000 } }));
});
afterAll(async () => {
  await service?.stop();
  await cms?.stop();
  await meiliProc?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('end to end with real Strapi and Meilisearch', () => {
  it('indexes every seeded published article and no drafts', async () => {
    await waitFor('ready', async () => ((await (await fetch(`${base}/status`)).json()) as { ready: boolean }).ready, { timeoutMs: 60_000 });
    const published = await api<{ meta: { pagination: { total: number } } }>('/api/articles?pagination[pageSize]=1');
    expect(published.meta.pagination.total).toBeGreaterThanOrEqual(12);
    const all = await search('');
    expect(all.hits).toHaveLength(published.meta.pagination.total);
    expect(all.hits.filter((h) => h.title.startsWith('DRAFT:'))).toEqual([]);
    expect(all.hits.every((h) => h.content.length > 0 && h.url.startsWith('/articles/'))).toBe(true);
    // Every seeded article has roles and skills: the lean query search-sync sends must still bring them.
    expect(
      all.hits.every((h) => h.excerpt.length > 0 && h.roles.length > 0 && h.roleNames.length === h.roles.length && h.skills.length > 0),
    ).toBe(true);
  });

  it('lists published articles page after page by id, as reindex and reconcile read them', async () => {
    const listed = await api<{ data: { documentId: string }[]; meta: { pagination: { pageSize: number } } }>(
      '/api/articles?fields[0]=updatedAt&pagination[pageSize]=1000',
    );
    // The CMS lets bulk readers ask for stamps a thousand at a time (LISTING_PAGE).
    expect(listed.meta.pagination.pageSize).toBe(LISTING_PAGE.stamps);
    const client = new CmsReader(cms.url, cms.readToken, 15_000, { documents: 5, stamps: 5 });
    const stamps = await client.publishedStamps();
    expect(listed.data.length).toBeGreaterThan(10);
    expect(stamps.map((s) => s.documentId).sort()).toEqual(listed.data.map((a) => a.documentId).sort());
    // The index feed must give exactly what the REST API gives for the same fields and relations.
    const pages = [];
    for await (const page of client.publishedArticles()) pages.push(page);
    expect(pages.length).toBeGreaterThan(2);
    const query = new URLSearchParams({ ...DOCUMENT_QUERY, 'pagination[pageSize]': '1000', sort: 'id:asc' });
    const viaRest = await api<{ data: FeedArticle[] }>(`/api/articles?${query}`);
    expect(pages.flatMap((p) => p.items)).toEqual(viaRest.data);
    // Re-reading chosen articles (a publish, a reconcile) gives the same, and nothing for a draft or an unknown id.
    const chosen = viaRest.data.slice(0, 3);
    const draft = await admin.createArticle(
      {
        title: 'Draft only',
        slug: 'draft-only-e2e',
        excerpt: 'Never published, never read.',
        body: paragraph('Draft.'),
        authorName: 'Test',
      },
      { publish: false },
    );
    const reread = await client.getPublishedArticles([...chosen.map((a) => a.documentId), draft.documentId, 'nosucharticle0000000000']);
    expect([...reread.values()]).toEqual(chosen);
    expect(await client.getPublishedArticle(draft.documentId)).toBeNull();
    await admin.deleteDocument(draft.documentId);
  });

  it('publish → searchable, unpublish → gone, publish again then delete → gone', async () => {
    const { documentId } = await admin.createArticle(
      {
        title: 'Capybara deployment notes',
        slug: 'capybara-deployment-notes',
        excerpt: 'How the capybara team ships to production.',
        body: paragraph('Blue-green deploys.'),
        authorName: 'Test',
      },
      { publish: true },
    );
    await waitFor('published article searchable', async () => (await search('capybara')).hits[0]?.id === documentId);
    const firstDate = (await search('capybara')).hits[0]!.publishedAt;
    await admin.unpublish(documentId);
    await waitFor('unpublished article gone', async () => (await search('capybara')).hits.length === 0);
    // A second later, so Strapi's publishedAt (whole seconds in the index) moves on.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await admin.publish(documentId);
    await waitFor('republished article back', async () => (await search('capybara')).hits.length === 1);
    const republished = await api<{ data: { publishedAt: string } }>(`/api/articles/${documentId}?fields[0]=publishedAt`);
    expect(Math.floor(Date.parse(republished.data.publishedAt) / 1000)).toBeGreaterThan(firstDate);
    expect((await search('capybara')).hits[0]!.publishedAt).toBe(firstDate);
    await admin.deleteDocument(documentId);
    await waitFor('deleted article gone', async () => (await search('capybara')).hits.length === 0);
  });

  it('a role rename updates every article that references it', async () => {
    const roles = await api<{ data: { documentId: string; slug: string; name: string }[] }>('/api/roles');
    const role = roles.data.find((r) => r.slug === 'backend-developer')!;
    const referencing = await api<{ meta: { pagination: { total: number } } }>(
      `/api/articles?filters[roles][documentId][$eq]=${role.documentId}&pagination[pageSize]=1`,
    );
    expect(referencing.meta.pagination.total).toBeGreaterThan(0);
    await admin.updateDocument('api::role.role', role.documentId, { name: 'Server-side wrangler' });
    await waitFor(
      'role name updated in the index',
      async () =>
        (await search('', 'roles = "backend-developer"')).hits.filter((h) => h.roleNames.includes('Server-side wrangler')).length ===
        referencing.meta.pagination.total,
    );
  });
});
