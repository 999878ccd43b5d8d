import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';
import { SyncQueue } from './queue.ts';
import { LAST_RECONCILE_KEY } from './reconcile.ts';
import { RebuildMark } from './rebuild-mark.ts';
import { REINDEX_KEY } from './reindex.ts';
import { syncStatus } from './status.ts';

let dir: string;
let queue: SyncQueue;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-sync-status-'));
  queue = new SyncQueue(dir);
});
afterEach(() => {
  queue.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('syncStatus', () => {
  it('reports what the queue database holds, and says nothing is running without a service', () => {
    queue.enqueue([{ kind: 'article', documentId: 'a' }], 10_000);
    queue.enqueue([{ kind: 'article', documentId: 'b' }], 40_000);
    const [failed] = queue.due(10, 50_000).filter((i) => i.documentId === 'b');
    queue.deadLetter(failed!, 'HTTP 403', 50_000);
    queue.setMeta(LAST_RECONCILE_KEY, { missing: 2 });
    queue.setMeta(REINDEX_KEY, { state: 'done' });

    expect(syncStatus(queue, undefined, 72_400)).toEqual({
      ready: false,
      startedAt: null,
      queueDepth: 1,
      oldestItemAgeSeconds: 62,
      lastReconcile: { missing: 2 },
      deadLetters: [{ kind: 'article', documentId: 'b', attempts: 1, error: 'HTTP 403', failedAt: new Date(50_000).toISOString() }],
      reindex: { state: 'done' },
      siteRebuildPending: null,
      events: null,
    });
  });

  it('adds the running service’s readiness, start time and counters', () => {
    const metrics = new Metrics();
    metrics.eventsReceived = 3;
    metrics.eventsApplied = 2;
    metrics.eventsFailed = 1;
    const status = syncStatus(queue, { ready: true, startedAt: '2030-01-01T00:00:00.000Z', metrics });
    expect(status).toMatchObject({
      ready: true,
      startedAt: '2030-01-01T00:00:00.000Z',
      queueDepth: 0,
      oldestItemAgeSeconds: null,
      lastReconcile: null,
      reindex: null,
      events: { received: 3, applied: 2, failed: 1 },
    });
  });

  it('never reports a negative age when the enqueuing clock ran ahead', () => {
    queue.enqueue([{ kind: 'article', documentId: 'a' }], 90_000);
    expect(syncStatus(queue, undefined, 80_000).oldestItemAgeSeconds).toBe(0);
  });

  it('says when a site rebuild is owed and how many build-hook calls failed', () => {
    const mark = new RebuildMark(queue.db);
    mark.set([{ kind: 'article', documentId: 'a' }], 1_000);
    mark.failed('HTTP 503');
    expect(syncStatus(queue).siteRebuildPending).toEqual({
      changedAt: new Date(1_000).toISOString(),
      failedCalls: 1,
      lastError: 'HTTP 503',
    });
    mark.clear(1_000);
    expect(syncStatus(queue).siteRebuildPending).toBeNull();
  });
});
