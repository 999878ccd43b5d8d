import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestCms, type TestCms } from '@stackguide/test-kit';

type Webhook = { name: string; url: string; headers: Record<string, string>; events: string[]; isEnabled: boolean };

let cms: TestCms;

beforeAll(async () => {
  cms = await startTestCms({ webhookUrl: 'http://127.0.0.1:9/first' });
});

afterAll(async () => {
  await cms?.stop();
});

async function webhooks(): Promise<Webhook[]> {
  const admin = await cms.admin();
  return (await admin.request<{ data: Webhook[] }>('GET', '/admin/webhooks')).data;
}

async function readTokenWorks(token: string): Promise<boolean> {
  const res = await fetch(`${cms.url}/api/articles?pagination[pageSize]=1`, { headers: { Authorization: `Bearer ${token}` } });
  return res.status === 200;
}

it('keeps one search-sync webhook and one read token across restarts, following .env changes', async () => {
  const first = await webhooks();
  expect(first).toHaveLength(1);
  expect(first[0]).toMatchObject({
    name: 'search-sync',
    url: 'http://127.0.0.1:9/first',
    headers: { Authorization: `Bearer ${cms.env.WEBHOOK_SECRET}` },
    isEnabled: true,
  });
  expect(first[0]!.events.sort()).toEqual(['entry.create', 'entry.delete', 'entry.publish', 'entry.unpublish', 'entry.update']);
  const oldToken = cms.readToken;
  expect(await readTokenWorks(oldToken)).toBe(true);

  await cms.restart({
    SEARCH_SYNC_URL: 'http://127.0.0.1:9/second',
    WEBHOOK_SECRET: 'a-rotated-secret-value',
    STRAPI_READ_TOKEN: 'f'.repeat(64),
  });
  const second = await webhooks();
  expect(second).toHaveLength(1);
  expect(second[0]).toMatchObject({ url: 'http://127.0.0.1:9/second', headers: { Authorization: 'Bearer a-rotated-secret-value' } });
  expect(await readTokenWorks('f'.repeat(64))).toBe(true);
  expect(await readTokenWorks(oldToken)).toBe(false);

  const admin = await cms.admin();
  const tokens = await admin.request<{ data: { name: string; type: string }[] }>('GET', '/admin/api-tokens');
  expect(tokens.data.filter((t) => t.name === 'stackguide-read')).toEqual([expect.objectContaining({ type: 'read-only' })]);
});

it('keeps the SQLite database in WAL mode, so a publish does not wait for a rollback journal fsync per write', () => {
  // Read through a second connection while Strapi holds the database, as any other reader would.
  const db = new Database(cms.databaseFilename, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  } finally {
    db.close();
  }
});

it('indexes article slugs, so the uniqueness check of every save and publish does not scan all articles', () => {
  const db = new Database(cms.databaseFilename, { readonly: true, fileMustExist: true });
  try {
    const plan = db.prepare("explain query plan select id from articles where slug = 'x' and published_at is not null limit 1").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/USING INDEX articles_slug_idx/);
  } finally {
    db.close();
  }
});

it('gives articles published before firstPublishedAt existed their publish date on the next start, and leaves drafts without one', async () => {
  const admin = await cms.admin();
  const article = (slug: string) => ({
    title: `Backfill probe ${slug}`,
    slug,
    excerpt: 'An article that exists to check the backfill.',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Body.' }] }],
    authorName: 'Test',
  });
  const published = await admin.createArticle(article('backfill-published'), { publish: true });
  const draft = await admin.createArticle(article('backfill-draft'));
  const db = new Database(cms.databaseFilename, { fileMustExist: true });
  try {
    // As a database from before the column: every row of both articles without the date.
    db.prepare('update articles set first_published_at = null where document_id in (?, ?)').run(published.documentId, draft.documentId);
  } finally {
    db.close();
  }
  await cms.restart({});
  const check = new Database(cms.databaseFilename, { readonly: true, fileMustExist: true });
  try {
    const rows = check
      .prepare('select document_id as id, published_at as published, first_published_at as first from articles where document_id in (?, ?)')
      .all(published.documentId, draft.documentId) as { id: string; published: number | null; first: number | null }[];
    const publishedAt = rows.find((r) => r.id === published.documentId && r.published !== null)!.published;
    expect(rows.filter((r) => r.id === published.documentId).map((r) => r.first)).toEqual([publishedAt, publishedAt]);
    expect(rows.filter((r) => r.id === draft.documentId).map((r) => r.first)).toEqual([null]);
  } finally {
    check.close();
  }
});
