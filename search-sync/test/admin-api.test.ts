import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import { startFakeStrapi, waitFor, type FakeStrapi, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminOverview } from '../src/admin-api.ts';
import { INDEX_UID, INDEX_UIDS } from '@stackguide/contracts/search-index';
import type { DocumentState } from '../src/document-state.ts';
import type { Service } from '../src/service.ts';

import { startFakeSite, type FakeSite } from './fake-site.ts';
import { articleEvent, makeArticle, startService, startTestMeili, tempDir, testConfig, webhook, WEBHOOK_SECRET } from './helpers.ts';

const SECRET = 'search-sync-admin-secret-0123';
let dir: string;
let meiliProc: MeiliProcess;
let strapi: FakeStrapi<FeedArticle>;
let site: FakeSite;
let service: Service;
let base: string;

const admin = (method: string, route: string, secret = SECRET) =>
  fetch(`${base}/admin${route}`, { method, headers: { authorization: `Bearer ${secret}` } });
const overview = async () => (await (await admin('GET', '/overview')).json()) as AdminOverview;
const state = async (documentId: string) => (await (await admin('GET', `/documents/${documentId}`)).json()) as DocumentState;
const search = (q: string) => service.meili.index(INDEX_UID).search(q);

beforeAll(async () => {
  dir = tempDir('admin');
  strapi = await startFakeStrapi<FeedArticle>();
  for (let n = 1; n <= 30; n++) strapi.put(makeArticle(n));
  meiliProc = await startTestMeili(dir);
  site = await startFakeSite();
  const config = testConfig({
    strapiUrl: strapi.url,
    strapiToken: strapi.token,
    meiliUrl: meiliProc.url,
    dataDir: `${dir}/queue`,
    adminSecret: SECRET,
    buildHookUrl: site.url,
    buildHookSecret: 'hook-secret-0123456789',
  });
  ({ service, base } = await startService(config, { buildHook: { debounceMs: 100 } }));
  await waitFor('ready', () => service.ready());
});
afterAll(async () => {
  await service?.stop();
  await meiliProc?.stop();
  await strapi?.stop();
  await site?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search-sync admin API (fake Strapi, real Meilisearch)', () => {
  it('refuses requests without the admin secret', async () => {
    expect((await fetch(`${base}/admin/overview`)).status).toBe(401);
    expect((await admin('POST', '/reindex', 'not-the-secret')).status).toBe(401);
    expect((await admin('GET', '/documents/doc0001', WEBHOOK_SECRET)).status).toBe(401);
  });

  it("reports an indexed article's state with the updatedAt the index holds", async () => {
    expect(await state('doc0001')).toEqual({
      state: 'indexed',
      indexedUpdatedAt: makeArticle(1).updatedAt,
      queuedSince: null,
      error: null,
    });
    expect(await state('never-published')).toEqual({ state: 'absent', indexedUpdatedAt: null, queuedSince: null, error: null });
  });

  it('shows a queued change while the processor is paused', async () => {
    await service.processor.stop();
    strapi.put(makeArticle(2, { title: 'Capybara notes', updatedAt: '2026-02-01T10:00:00.000Z' }));
    await webhook(`${base}/webhooks/strapi`, articleEvent('doc0002'));
    expect(await state('doc0002')).toMatchObject({
      state: 'queued',
      indexedUpdatedAt: makeArticle(2).updatedAt,
      queuedSince: expect.any(String),
    });
    expect(await overview()).toMatchObject({ queueDepth: 1, oldestItemAgeSeconds: expect.any(Number) });
    service.processor.start();
    await waitFor('indexed again', async () => (await state('doc0002')).state === 'indexed');
    expect((await state('doc0002')).indexedUpdatedAt).toBe('2026-02-01T10:00:00.000Z');
  });

  it('lists a dead letter, retries it once Strapi serves the article, and discards another', async () => {
    strapi.failWith.set('doc0031', 403);
    strapi.failWith.set('doc0032', 400);
    strapi.put(makeArticle(31, { title: 'Tapir handbook' }));
    await webhook(`${base}/webhooks/strapi`, articleEvent('doc0031'));
    await webhook(`${base}/webhooks/strapi`, articleEvent('doc0032'));
    const failed = await waitFor('two dead letters', async () => {
      const o = await overview();
      return o.deadLetters.length === 2 ? o.deadLetters : undefined;
    });
    expect(failed.find((d) => d.documentId === 'doc0031')).toMatchObject({
      id: 'article:doc0031',
      attempts: 1,
      error: expect.stringMatching(/403/),
      failedAt: expect.any(String),
    });
    expect(await state('doc0031')).toMatchObject({ state: 'failed', error: expect.stringMatching(/403/) });

    strapi.failWith.clear();
    expect((await admin('POST', '/dead-letters/article:doc0031/retry')).status).toBe(200);
    await waitFor('retried article searchable', async () => (await search('tapir')).hits.length === 1);
    await waitFor('indexed', async () => (await state('doc0031')).state === 'indexed');

    expect((await admin('DELETE', '/dead-letters/article:doc0032')).status).toBe(200);
    expect((await overview()).deadLetters).toEqual([]);
    expect(await state('doc0032')).toMatchObject({ state: 'absent' });
    expect((await admin('DELETE', '/dead-letters/article:doc0032')).status).toBe(404);
  });

  it('runs one zero-downtime reindex at a time, with progress, and owes the site a rebuild when it changed the index', async () => {
    // Published by a bulk job that fires no webhook: only a reindex (or reconcile) finds it.
    strapi.put(makeArticle(40, { title: 'Okapi census' }));
    const callsBefore = site.answered().length;
    strapi.hold();
    expect((await admin('POST', '/reindex')).status).toBe(202);
    const refused = await admin('POST', '/reindex');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ reindex: { state: 'loading' } });
    expect(await overview()).toMatchObject({ reindexRunning: true, reindex: { state: 'loading', done: 0 } });
    strapi.release();
    const done = await waitFor('reindex done', async () => {
      const o = await overview();
      return !o.reindexRunning && o.reindex?.state === 'done' ? o.reindex : undefined;
    });
    expect(done).toMatchObject({ done: 32, total: 32, finishedAt: expect.any(String) });
    expect((await search('okapi')).hits).toHaveLength(1);
    expect((await service.meili.getRawIndexes()).results.map((i) => i.uid).sort()).toEqual([...INDEX_UIDS].sort());
    await waitFor('site rebuild requested', () => site.answered().length > callsBefore);
    expect((await admin('POST', '/reindex')).status).toBe(202);
    await waitFor('second reindex done', async () => !(await overview()).reindexRunning);
  });
});
