import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleAdmin, type AdminDeps, type AdminOverview } from './admin-api.ts';
import { AnalyticsStore } from './analytics-store.ts';
import type { SearchDocument } from '@stackguide/contracts/search-index';
import type { SearchIndex } from './search-index.ts';
import { SyncQueue } from './queue.ts';
import { syncStatus } from './status.ts';

const SECRET = 'admin-secret-0123456789';
let dir: string;
let queue: SyncQueue;
let analytics: AnalyticsStore;
let server: http.Server;
let base: string;
let woken: number;
let reindexing: boolean;
/** What the fake index holds, by document id. */
let held: Map<string, Pick<SearchDocument, 'id' | 'updatedAt'>>;

/** Only `held` is used by the admin API; the unit tests need no Meilisearch. */
const fakeIndex = {
  held: async (ids: string[]) => new Map(ids.flatMap((id) => (held.has(id) ? [[id, held.get(id)]] : []))),
} as unknown as SearchIndex;

async function start(secret: string | undefined): Promise<void> {
  const deps: AdminDeps = {
    secret,
    queue,
    index: fakeIndex,
    reindex: {
      get active() {
        return reindexing;
      },
      start() {
        if (reindexing) return false;
        reindexing = true;
        return true;
      },
    },
    status: () => syncStatus(queue),
    analytics,
    onQueued: () => {
      woken += 1;
    },
  };
  server = http.createServer((req, res) => void handleAdmin(req, res, (req.url ?? '/').split('?')[0] ?? '/', deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const call = (method: string, route: string, token: string | null = SECRET) =>
  fetch(`${base}${route}`, { method, headers: token === null ? {} : { authorization: `Bearer ${token}` } });

/** Queues an article and moves it to the dead letters, as the processor does for a permanent failure. */
function deadLetter(documentId: string, error: string): void {
  queue.enqueue([{ kind: 'article', documentId }], 1_000);
  queue.deadLetter(queue.queued('article', documentId)!, error, 2_000);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-sync-admin-'));
  queue = new SyncQueue(dir);
  analytics = new AnalyticsStore(dir);
  woken = 0;
  reindexing = false;
  held = new Map();
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  queue.close();
  analytics.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('admin API', () => {
  it('does not exist without a configured secret', async () => {
    await start(undefined);
    for (const [method, route] of [
      ['GET', '/admin/overview'],
      ['POST', '/admin/reindex'],
      ['GET', '/admin/documents/a'],
    ] as const) {
      expect((await call(method, route)).status).toBe(404);
    }
    expect(reindexing).toBe(false);
  });

  it('refuses a missing or wrong bearer token with 401 and changes nothing', async () => {
    await start(SECRET);
    deadLetter('a', 'StrapiError: 403');
    for (const token of [null, '', 'wrong-secret', `${SECRET}x`]) {
      expect((await call('GET', '/admin/overview', token)).status).toBe(401);
      expect((await call('POST', '/admin/reindex', token)).status).toBe(401);
      expect((await call('DELETE', '/admin/dead-letters/article:a', token)).status).toBe(401);
    }
    const basic = await fetch(`${base}/admin/overview`, { headers: { authorization: `Basic ${SECRET}` } });
    expect(basic.status).toBe(401);
    expect(reindexing).toBe(false);
    expect(queue.deadLetters()).toHaveLength(1);
  });

  it('answers 404 for unknown routes and 405 for a wrong method', async () => {
    await start(SECRET);
    expect((await call('GET', '/admin/nothing')).status).toBe(404);
    const wrong = await call('GET', '/admin/reindex');
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toEqual({ error: 'use POST' });
  });

  it('lists dead letters with ids in the overview, and retries or discards them by id', async () => {
    await start(SECRET);
    deadLetter('a', 'StrapiError: 403 Forbidden');
    deadLetter('b', 'StrapiError: 400 Bad Request');
    const overview = (await (await call('GET', '/admin/overview')).json()) as AdminOverview;
    expect(overview).toMatchObject({ queueDepth: 0, reindexRunning: false, reindex: null });
    expect(overview.deadLetters.map((d) => d.id).sort()).toEqual(['article:a', 'article:b']);
    expect(overview.deadLetters.find((d) => d.id === 'article:a')).toMatchObject({
      documentId: 'a',
      attempts: 1,
      error: 'StrapiError: 403 Forbidden',
    });

    const retried = await call('POST', '/admin/dead-letters/article%3Aa/retry');
    expect(retried.status).toBe(200);
    expect(woken).toBe(1);
    expect(queue.queued('article', 'a')).toMatchObject({ attempts: 0 });
    expect((await call('DELETE', '/admin/dead-letters/article:b')).status).toBe(200);
    expect(queue.deadLetters()).toEqual([]);
    expect(queue.depth()).toBe(1);

    for (const id of ['article:a', 'article:none', 'nokind:a', 'article:', 'a']) {
      expect((await call('POST', `/admin/dead-letters/${id}/retry`)).status).toBe(404);
      expect((await call('DELETE', `/admin/dead-letters/${id}`)).status).toBe(404);
    }
    expect(woken).toBe(1);
  });

  it('starts one reindex (202) and refuses another while it runs (409)', async () => {
    await start(SECRET);
    expect((await call('POST', '/admin/reindex')).status).toBe(202);
    const again = await call('POST', '/admin/reindex');
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'a reindex is already running' });
    expect(((await (await call('GET', '/admin/overview')).json()) as AdminOverview).reindexRunning).toBe(true);
  });

  it("reports an article's state: queued, failed, indexed or absent", async () => {
    await start(SECRET);
    const state = async (id: string) => (await call('GET', `/admin/documents/${id}`)).json();
    held.set('indexed', { id: 'indexed', updatedAt: 1_767_225_600 });
    expect(await state('indexed')).toEqual({
      state: 'indexed',
      indexedUpdatedAt: '2026-01-01T00:00:00.000Z',
      queuedSince: null,
      error: null,
    });
    expect(await state('nothing')).toEqual({ state: 'absent', indexedUpdatedAt: null, queuedSince: null, error: null });
    deadLetter('failed', 'StrapiError: 403 Forbidden');
    expect(await state('failed')).toEqual({
      state: 'failed',
      indexedUpdatedAt: null,
      queuedSince: null,
      error: 'StrapiError: 403 Forbidden',
    });
    queue.enqueue([{ kind: 'article', documentId: 'indexed' }], 5_000);
    expect(await state('indexed')).toEqual({
      state: 'queued',
      indexedUpdatedAt: '2026-01-01T00:00:00.000Z',
      queuedSince: new Date(5_000).toISOString(),
      error: null,
    });
    // Published again after it failed: the new attempt is what is happening now.
    queue.enqueue([{ kind: 'article', documentId: 'failed' }], 6_000);
    expect(await state('failed')).toMatchObject({ state: 'queued', error: 'StrapiError: 403 Forbidden' });
  });

  it('hides a query from the analytics lists (PUT) and shows it again (DELETE), by its text', async () => {
    await start(SECRET);
    for (const visitor of ['a', 'b', 'c']) analytics.record({ type: 'search', q: 'ci/cd pipeline', results: 2 }, visitor);
    const report = async () => (await (await call('GET', '/admin/analytics?days=7')).json()) as Record<string, unknown>;
    expect(await report()).toMatchObject({ days: 7, topQueries: [{ query: 'ci/cd pipeline' }], hiddenQueries: [] });
    const hidden = await call('PUT', '/admin/analytics/hidden/CI%2FCD%20pipeline');
    expect(hidden.status).toBe(200);
    expect(await hidden.json()).toEqual({ query: 'ci/cd pipeline', hidden: true });
    expect(await report()).toMatchObject({ topQueries: [], hiddenQueries: ['ci/cd pipeline'] });
    expect((await call('DELETE', '/admin/analytics/hidden/ci%2Fcd%20pipeline')).status).toBe(200);
    expect(await report()).toMatchObject({ topQueries: [{ query: 'ci/cd pipeline' }], hiddenQueries: [] });
    expect((await call('PUT', '/admin/analytics/hidden/jane%40example.com')).status).toBe(400);
    expect((await call('PUT', '/admin/analytics/hidden/%E0%A4%A')).status).toBe(400);
    expect((await call('PUT', '/admin/analytics/hidden/x', 'wrong-secret')).status).toBe(401);
    expect((await call('GET', '/admin/analytics?days=91')).status).toBe(400);
  });
});
