import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import { freePort, startTestCms, waitFor, type AdminClient, type MeiliProcess, type TestCms } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalaryDocument } from '@stackguide/contracts/salary-index';
import { INDEX_UID, PAGES_INDEX_UID, type PageDocument, SALARIES_INDEX_UID, type SearchDocument } from '@stackguide/contracts/search-index';
import type { Service } from '../src/service.ts';
import { LISTING_PAGE } from '@stackguide/runtime';
import { CmsReader } from '../src/cms-reader.ts';
import { cmsSyncConfig, startService, startTestMeili, tempDir } from './helpers.ts';

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
const pages = () => service.meili.index<PageDocument>(PAGES_INDEX_UID);
const salaries = () => service.meili.index<SalaryDocument>(SALARIES_INDEX_UID);
const allPages = async () => (await pages().getDocuments({ limit: 1000 })).results;
const bandsOf = async (documentId: string) =>
  (await salaries().getDocuments({ filter: `documentId = "${documentId}"`, limit: 100 })).results.sort((a, b) => a.position - b.position);

type CmsBand = { region: string; level: string; period: string; currency: string; min: number; max: number | null };
type CmsRole = { documentId: string; name: string; slug: string; salaryBands: CmsBand[] };
const ROLE = 'api::role.role';
const zebraRole = {
  name: 'Zebra wrangler',
  slug: 'zebra-wrangler',
  tagline: 'Keeps the herd moving.',
  summary: 'Wrangles zebras across the savannah.',
  responsibilities: [{ title: 'Count stripes', description: 'Every morning.' }],
  salaryBands: [{ region: 'Kenya', currency: 'USD', period: 'year', level: 'entry', min: 21000, max: 34000, sourceNote: 'Herd survey.' }],
};
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
  ({ service, base } = await startService(cmsSyncConfig(cms, meiliProc.url, dir, port), { backoff: { baseMs: 200, maxMs: 2_000 } }));
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

  it('indexes every role and skill page, and each salary band with the figures the CMS holds', async () => {
    const roles = await api<{ data: CmsRole[] }>('/api/roles?populate[salaryBands]=true&pagination[pageSize]=100');
    const skills = await api<{ data: { documentId: string; name: string }[] }>('/api/skills?pagination[pageSize]=100');
    const indexed = await allPages();
    expect(
      indexed
        .filter((p) => p.type === 'role')
        .map((p) => p.documentId)
        .sort(),
    ).toEqual(roles.data.map((r) => r.documentId).sort());
    expect(
      indexed
        .filter((p) => p.type === 'skill')
        .map((p) => p.name)
        .sort(),
    ).toEqual(skills.data.map((s) => s.name).sort());
    for (const role of roles.data) {
      const bands = (await bandsOf(role.documentId)).map(({ region, level, period, currency, min, max }) => ({
        region,
        level,
        period,
        currency,
        min,
        max,
      }));
      expect(bands).toEqual(
        role.salaryBands.map(({ region, level, period, currency, min, max }) => ({ region, level, period, currency, min, max })),
      );
    }
  });

  it('a role created, renamed and deleted in the CMS follows in search (webhook path)', async () => {
    const created = await admin.request<{ data: { documentId: string } }>('POST', `/content-manager/collection-types/${ROLE}`, zebraRole);
    const { documentId } = created.data;
    await waitFor('new role searchable', async () => (await pages().search('wrangler')).hits[0]?.documentId === documentId);
    await waitFor('its band indexed', async () => (await bandsOf(documentId)).length === 1);
    expect(await bandsOf(documentId)).toMatchObject([{ role: 'Zebra wrangler', region: 'Kenya', min: 21000, max: 34000, currency: 'USD' }]);
    await admin.updateDocument(ROLE, documentId, { name: 'Zebra herder' });
    await waitFor('rename searchable', async () => (await pages().search('herder')).hits[0]?.documentId === documentId);
    await waitFor('band renamed', async () => (await bandsOf(documentId))[0]?.role === 'Zebra herder');
    expect((await pages().search('Zebra wrangler')).hits.filter((h) => h.name === 'Zebra wrangler')).toEqual([]);
    await admin.deleteDocument(documentId, ROLE);
    await waitFor(
      'deleted role gone',
      async () => (await pages().search('herder')).hits.length === 0 && (await bandsOf(documentId)).length === 0,
    );
  });

  it('reconcile repairs role and skill pages: missing, stale and orphans', async () => {
    const [skill, role] = [(await allPages()).find((p) => p.type === 'skill')!, (await allPages()).find((p) => p.type === 'role')!];
    const band = (await bandsOf(role.documentId))[0]!;
    // Drift no webhook announces: a page lost, a page and a band edited behind search-sync's back,
    // and documents of a role that no longer exists.
    await pages().deleteDocument(skill.id).waitTask();
    await pages()
      .updateDocuments([{ ...role, name: 'Stale name', updatedAt: 1 }])
      .waitTask();
    await salaries()
      .updateDocuments([{ ...band, min: 1, updatedAt: 1 }])
      .waitTask();
    const gone = { ...role, id: 'role-gonerole', documentId: 'gonerole', name: 'Vanished role' };
    await pages().addDocuments([gone]).waitTask();
    await salaries()
      .addDocuments([{ ...band, id: 'gonerole-0', documentId: 'gonerole' }])
      .waitTask();
    await service.reconcileNow();
    expect(service.status().lastReconcile).toMatchObject({ missing: 1, stale: 2, orphans: 2 });
    await waitFor('drift repaired', async () => {
      const held = await allPages();
      return (
        held.some((p) => p.id === skill.id) &&
        held.find((p) => p.id === role.id)?.name === role.name &&
        !held.some((p) => p.id === gone.id) &&
        (await bandsOf(role.documentId))[0]?.min === band.min &&
        (await bandsOf('gonerole')).length === 0
      );
    });
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
