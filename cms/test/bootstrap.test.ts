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

  await cms.restart({ SEARCH_SYNC_URL: 'http://127.0.0.1:9/second', WEBHOOK_SECRET: 'a-rotated-secret-value', STRAPI_READ_TOKEN: 'f'.repeat(64) });
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
    const plan = db.prepare("explain query plan select id from articles where slug = 'x' and published_at is not null limit 1").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/USING INDEX articles_slug_idx/);
  } finally {
    db.close();
  }
});
