import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import { startFakeStrapi, waitFor, type FakeStrapi, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_UID, PAGES_INDEX_UID, type SearchDocument } from '@stackguide/contracts/search-index';
import { toSearchDocument } from '../src/document.ts';
import type { Service } from '../src/service.ts';

import { articleEvent, makeArticle, makeRole, startService, startTestMeili, tempDir, testConfig, webhook } from './helpers.ts';
import { startFakeSite, type FakeSite } from './fake-site.ts';

let dir: string;
let meiliProc: MeiliProcess;
let strapi: FakeStrapi<FeedArticle>;
let service: Service;
let base: string;
let site: FakeSite;

const publish = (n: number, over = {}) => {
  const a = makeArticle(n, over);
  strapi.put(a);
  return a;
};
const search = (q: string, filter?: string) => service.meili.index<SearchDocument>(INDEX_UID).search(q, { filter, limit: 100 });
const status = async () => (await fetch(`${base}/status`)).json() as Promise<Record<string, unknown>>;

beforeAll(async () => {
  dir = tempDir('sync');
  strapi = await startFakeStrapi<FeedArticle>();
  for (let n = 1; n <= 5; n++) publish(n);
  meiliProc = await startTestMeili(dir);
  site = await startFakeSite();
  const config = testConfig({
    strapiUrl: strapi.url,
    strapiToken: strapi.token,
    meiliUrl: meiliProc.url,
    dataDir: `${dir}/queue`,
    buildHookUrl: site.url,
    buildHookSecret: 'hook-secret-0123456789',
  });
  ({ service, base } = await startService(config, { buildHook: { debounceMs: 200 } }));
});
afterAll(async () => {
  await service?.stop();
  await meiliProc?.stop();
  await strapi?.stop();
  await site?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search-sync service (fake Strapi, real Meilisearch)', () => {
  it('becomes ready once the first reconcile has filled the index, then calls the build hook once', async () => {
    await waitFor('ready', async () => (await status()).ready === true);
    expect((await search('zebra')).hits).toHaveLength(5);
    const s = await status();
    expect(s).toMatchObject({ queueDepth: 0, oldestItemAgeSeconds: null, deadLetters: [] });
    expect(s.lastReconcile).toMatchObject({ published: 5, indexed: 0, missing: 5, stale: 0, orphans: 0 });
    // The five articles' canonical state came in one request, not one each.
    expect(strapi.requests.filter((r) => r.startsWith('/api/index-feed/articles?ids='))).toHaveLength(1);
    await waitFor('build hook', () => site.calls.length > 0);
    expect(site.calls.map((c) => c.authorization)).toEqual(['Bearer hook-secret-0123456789']);
  });

  it('hands out the search-only key (never the master key) at /search-key', async () => {
    const res = await fetch(`${base}/search-key`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { indexUid: string; searchKey: string };
    expect(body.indexUid).toBe(INDEX_UID);
    expect(body.searchKey).not.toBe(meiliProc.masterKey);
    const hits = await fetch(`${meiliProc.url}/indexes/${INDEX_UID}/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${body.searchKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ q: 'zebra' }),
    });
    expect(hits.status).toBe(200);
    const write = await fetch(`${meiliProc.url}/indexes/${INDEX_UID}/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${body.searchKey}`, 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(write.status).toBe(403);
  });

  it('publish → searchable; unpublish and delete → gone (entry null triggers a reconcile)', async () => {
    publish(6, { title: 'Okapi field guide' });
    expect((await webhook(`${base}/webhooks/strapi`, articleEvent('doc0006'))).status).toBe(202);
    await waitFor('published article searchable', async () => (await search('okapi')).hits.length === 1);

    strapi.remove('doc0006');
    await webhook(`${base}/webhooks/strapi`, articleEvent('doc0006', 'entry.unpublish'));
    await waitFor('unpublished article gone', async () => (await search('okapi')).hits.length === 0);

    strapi.remove('doc0005');
    await webhook(`${base}/webhooks/strapi`, { ...articleEvent('x', 'entry.delete'), entry: null });
    await waitFor('deleted article gone after reconcile', async () => (await search('zebra')).hits.length === 4);
  });

  it('a role rename re-queues and updates every article that references it', async () => {
    const renamed = { documentId: 'role-backend', name: 'Server-side engineer', slug: 'backend-developer' };
    for (const a of strapi.collections.articles) a.roles = [renamed];
    const res = await webhook(`${base}/webhooks/strapi`, { event: 'entry.update', model: 'role', entry: { id: 1, ...renamed } });
    expect(res.status).toBe(202);
    await waitFor('role names updated', async () => (await search('server-side engineer')).hits.length === 4);
    expect((await search('', 'roles = "backend-developer"')).hits.every((h) => h.roleNames[0] === 'Server-side engineer')).toBe(true);
  });

  it('a role saved without a new name or slug re-reads none of its articles', async () => {
    // Published from here on, named as the rename above left its articles.
    const role = { ...makeRole(1), documentId: 'role-backend', name: 'Server-side engineer', slug: 'backend-developer' };
    strapi.collections.roles.push(role);
    const before = strapi.requests.length;
    const res = await webhook(`${base}/webhooks/strapi`, { event: 'entry.update', model: 'role', entry: { id: 1, ...role } });
    expect(res.status).toBe(202);
    const referencing = (r: string) => r.startsWith('/api/articles?') && r.includes('filters[roles][documentId][$eq]=role-backend');
    await waitFor('articles naming the role listed', () => strapi.requests.slice(before).some(referencing));
    // The role leaves the queue only after whatever it re-queued went in.
    await waitFor('queue empty', async () => (await status()).queueDepth === 0);
    expect(strapi.requests.slice(before).filter((r) => r.startsWith('/api/index-feed/articles'))).toEqual([]);
  });

  it('a permanent Strapi 4xx sends that article to the dead letters and lets the rest of its batch through', async () => {
    strapi.failWith.set('doc0042', 403);
    publish(43, { title: 'Pangolin almanac' });
    // With the processor paused both events land in one batch, whose request Strapi rejects.
    await service.processor.stop();
    await webhook(`${base}/webhooks/strapi`, articleEvent('doc0042'));
    await webhook(`${base}/webhooks/strapi`, articleEvent('doc0043'));
    service.processor.start();
    const s = await waitFor('dead letter', async () => {
      const body = await status();
      return (body.deadLetters as unknown[]).length > 0 ? body : undefined;
    });
    expect(s.deadLetters).toMatchObject([{ kind: 'article', documentId: 'doc0042', error: expect.stringMatching(/403/) }]);
    await waitFor('the rest of the batch applied', async () => (await search('pangolin')).hits.length === 1);
    expect(
      strapi.requests.filter((r) => r.startsWith('/api/index-feed/articles?ids=') && r.includes('doc0042') && r.includes('doc0043')),
    ).toHaveLength(1);
    // The document is searchable a moment before the processor marks its item done.
    await waitFor('queue drained', async () => (await status()).queueDepth === 0);
    strapi.failWith.clear();
  });

  it('an id Meilisearch refuses sends only its own item to the dead letters, not its whole batch', async () => {
    publish(44, { title: 'Okapi field guide' });
    await service.processor.stop();
    await webhook(`${base}/webhooks/strapi`, articleEvent('not a document id'));
    await webhook(`${base}/webhooks/strapi`, articleEvent('doc0044'));
    service.processor.start();
    await waitFor('the rest of the batch applied', async () => (await search('okapi')).hits.length === 1);
    await waitFor('queue drained', async () => (await status()).queueDepth === 0);
    expect((await status()).deadLetters).toMatchObject([
      { kind: 'article', documentId: 'not a document id', error: expect.stringMatching(/identifier .* is invalid/) },
      { documentId: 'doc0042' },
    ]);
    service.queue.discardDeadLetter('article', 'not a document id');
  });

  it('so does a role id it refuses: the role saved beside it gets its page', async () => {
    strapi.collections.roles.push(makeRole(7));
    const failed = service.metrics.eventsFailed;
    await service.processor.stop();
    const roleEvent = (documentId: string) => ({ event: 'entry.publish', model: 'role', entry: { id: 1, documentId } });
    await webhook(`${base}/webhooks/strapi`, roleEvent('not a role id'));
    await webhook(`${base}/webhooks/strapi`, roleEvent('role0007'));
    service.processor.start();
    const pages = service.meili.index(PAGES_INDEX_UID);
    await waitFor('the other role indexed', async () => (await pages.search('zebra keeper 7')).hits.length > 0);
    await waitFor('queue drained', async () => (await status()).queueDepth === 0);
    const deadRoles = ((await status()).deadLetters as { kind: string }[]).filter((d) => d.kind === 'role');
    expect(deadRoles).toMatchObject([{ documentId: 'not a role id', error: expect.stringMatching(/identifier .* is invalid/) }]);
    // Not failed with it and brought back by a later reconcile: never failed at all.
    expect(service.metrics.eventsFailed - failed).toBe(1);
    service.queue.discardDeadLetter('role', 'not a role id');
  });

  it('reconcile queues a missed document and removes an orphan', async () => {
    publish(7, { title: 'Missed narwhal' });
    await service.index.upsert([toSearchDocument(makeArticle(8, { title: 'Orphan axolotl' }))]);
    expect((await search('axolotl')).hits).toHaveLength(1);
    await service.reconcileNow();
    const s = await status();
    expect(s.lastReconcile).toMatchObject({ missing: 1, orphans: 1, stale: 0 });
    await waitFor(
      'repairs applied',
      async () => (await search('narwhal')).hits.length === 1 && (await search('axolotl')).hits.length === 0,
    );
  });

  it('keeps 20 publishes made while Meilisearch is down and applies them after it restarts', async () => {
    const port = Number(new URL(meiliProc.url).port);
    await meiliProc.stop();
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ strapi: 'reachable', meilisearch: expect.stringMatching(/^unreachable/) });
    const failedBefore = service.metrics.eventsFailed;
    for (let n = 100; n < 120; n++) {
      publish(n, { title: `Quokka ${n}` });
      expect((await webhook(`${base}/webhooks/strapi`, articleEvent(makeArticle(n).documentId))).status).toBe(202);
    }
    await waitFor('retries while down', () => service.metrics.eventsFailed > failedBefore);
    expect(service.queue.depth()).toBeGreaterThanOrEqual(20);
    meiliProc = await startTestMeili(dir, port);
    await waitFor('all 20 searchable', async () => (await search('quokka')).hits.length === 20, { timeoutMs: 60_000 });
    await waitFor('queue drained', () => service.queue.depth() === 0);
    expect((await status()).deadLetters).toMatchObject([{ documentId: 'doc0042' }]);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('takes a deep queue in large batches: 250 missing articles cost 3 Strapi requests', async () => {
    for (let n = 200; n < 450; n++) publish(n, { title: `Bulk wombat ${n}` });
    const before = strapi.requests.length;
    await service.reconcileNow();
    await waitFor('all 250 searchable', async () => (await search('wombat')).estimatedTotalHits === 250);
    const batchRequests = strapi.requests.slice(before).filter((r) => r.startsWith('/api/index-feed/articles?ids='));
    expect(batchRequests).toHaveLength(3);
  });

  it('exposes Prometheus metrics', async () => {
    // The bulk test above stops once Meilisearch has the articles; the queue lets them go only after
    // it has seen their tasks succeed, a moment later.
    await waitFor('queue drained', () => service.queue.depth() === 0);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('search_sync_events_received_total')).toBeGreaterThanOrEqual(25);
    expect(value('search_sync_events_applied_total')).toBeGreaterThanOrEqual(25);
    expect(value('search_sync_events_failed_total')).toBeGreaterThan(0);
    expect(value('search_sync_queue_depth')).toBe(0);
    expect(value('search_sync_publish_to_indexed_seconds_count')).toBe(value('search_sync_events_applied_total'));
  });
});
