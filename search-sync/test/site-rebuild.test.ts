import fs from 'node:fs';
import { freePort, startTestCms, waitFor, type AdminClient, type MeiliProcess, type TestCms } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import type { Service } from '../src/service.ts';
import type { SyncStatus } from '../src/status.ts';
import { startFakeSite, type FakeSite } from './fake-site.ts';
import { cmsSyncConfig, startService, startTestMeili, tempDir } from './helpers.ts';

// When search-sync asks the site for a rebuild, against real Strapi and Meilisearch; a fake site
// stands in for the build hook and records the calls.

let dir: string;
let meiliProc: MeiliProcess;
let cms: TestCms;
let admin: AdminClient;
let service: Service | undefined;
let port: number;
let site: FakeSite;

const startSync = async () => {
  const config = cmsSyncConfig(cms, meiliProc.url, dir, port, { buildHookUrl: site.url, buildHookSecret: 'hook-secret-0123456789' });
  ({ service } = await startService(config, {
    backoff: { baseMs: 200, maxMs: 2_000 },
    buildHook: { debounceMs: 200, idleCheckMs: 300, retry: { baseMs: 100, maxMs: 300 } },
  }));
  await waitFor('ready', () => service!.ready(), { timeoutMs: 60_000 });
};
const stopSync = async () => {
  await service?.stop();
  service = undefined;
};
const status = (): SyncStatus => service!.status();
const indexed = async () => (await service!.meili.index(INDEX_UID).getStats()).numberOfDocuments;
/** Long enough for a debounced hook call (200 ms) to have been made, had one been due. */
const quietPeriod = () => new Promise((r) => setTimeout(r, 1_500));

beforeAll(async () => {
  dir = tempDir('rebuild');
  port = await freePort();
  site = await startFakeSite();
  meiliProc = await startTestMeili(dir);
  cms = await startTestCms({ webhookUrl: `http://127.0.0.1:${port}/webhooks/strapi` });
  admin = await cms.admin();
  await startSync();
});
afterAll(async () => {
  await stopSync();
  await cms?.stop();
  await meiliProc?.stop();
  await site?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** documentIds of published articles, newest first. */
async function publishedIds(): Promise<string[]> {
  const res = await fetch(`${cms.url}/api/articles?fields[0]=title&sort=publishedAt:desc&pagination[pageSize]=100`, {
    headers: { authorization: `Bearer ${cms.readToken}` },
  });
  return ((await res.json()) as { data: { documentId: string }[] }).data.map((a) => a.documentId);
}

describe('site rebuilds (real Strapi and Meilisearch)', () => {
  it('asks once after the first fill, and not at all for a reconcile that changes nothing', async () => {
    await waitFor('hook after the first fill', () => site.answered().length === 1 && status().siteRebuildPending === null);
    expect(JSON.parse(site.answered()[0]!.body)).toMatchObject({ source: 'search-sync', changedAt: expect.any(String) });

    await service!.reconcileNow();
    expect(status().lastReconcile).toMatchObject({ missing: 0, stale: 0, orphans: 0 });
    await quietPeriod();
    expect(site.answered()).toHaveLength(1);
    expect(status().siteRebuildPending).toBeNull();
  });

  it('asks for none when an editor saves the draft of a published article', async () => {
    const [id] = await publishedIds();
    const applied = status().events!.applied;
    await admin.updateArticle(id!, { title: 'A draft title nobody sees yet' });
    await waitFor('draft save processed', () => status().events!.applied > applied && status().queueDepth === 0);
    await quietPeriod();
    expect(site.answered()).toHaveLength(1);
  });

  it('names the article whose published version changed', async () => {
    const [id] = await publishedIds();
    await admin.updateArticle(id!, { excerpt: 'A new excerpt the site shows.' });
    await admin.publish(id!);
    await waitFor('hook naming the article', () => site.answered().length === 2 && status().siteRebuildPending === null);
    expect(JSON.parse(site.answered()[1]!.body)).toMatchObject({ changes: [{ kind: 'article', documentId: id }] });
  });

  it('names a role whose tagline changed, though no indexed article changes with it', async () => {
    const res = await fetch(`${cms.url}/api/roles?pagination[pageSize]=1`, { headers: { authorization: `Bearer ${cms.readToken}` } });
    const role = ((await res.json()) as { data: { documentId: string }[] }).data[0]!;
    await admin.updateDocument('api::role.role', role.documentId, { tagline: 'Builds and runs the services behind every screen.' });
    await waitFor('hook naming the role', () => site.answered().length === 3 && status().siteRebuildPending === null);
    expect(JSON.parse(site.answered()[2]!.body)).toMatchObject({ changes: [{ kind: 'role', documentId: role.documentId }] });
  });

  it('asks once when a reconcile on start removes an article unpublished while search-sync was down', async () => {
    const before = await indexed();
    const [id] = await publishedIds();
    await stopSync();
    // Nobody receives this webhook: only the reconcile on start can notice.
    await admin.unpublish(id!);
    await startSync();
    expect(await indexed()).toBe(before - 1);
    await waitFor('hook after the removal', () => site.answered().length === 4 && status().siteRebuildPending === null);
    await quietPeriod();
    expect(site.answered()).toHaveLength(4);
    expect(JSON.parse(site.answered()[3]!.body)).toMatchObject({ changes: [{ kind: 'article', documentId: id }] });
  });

  it('makes a call that failed before a restart after the restart', async () => {
    const [id] = await publishedIds();
    site.answer(503);
    await admin.deleteDocument(id!);
    await waitFor('failed hook call recorded', () => (status().siteRebuildPending?.failedCalls ?? 0) > 0);
    expect(site.calls.filter((c) => c.status === 503).length).toBeGreaterThan(0);
    await stopSync();

    site.answer(202);
    await startSync();
    await waitFor('hook called after the restart', () => site.answered().length === 5 && status().siteRebuildPending === null);
    await quietPeriod();
    expect(site.answered()).toHaveLength(5);
    expect(JSON.parse(site.answered()[4]!.body)).toMatchObject({ changes: [{ kind: 'article', documentId: id }] });
  });
});
