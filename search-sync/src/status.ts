import type { Metrics } from './metrics.ts';
import type { SyncQueue } from './queue.ts';
import { RebuildMark } from './rebuild-mark.ts';
import { LAST_RECONCILE_KEY, type ReconcileResult } from './reconcile.ts';
import { REINDEX_KEY, type ReindexProgress } from './reindex.ts';
import type { SyncStatus } from '@stackguide/contracts/search-sync-admin';

export type { SyncStatus } from '@stackguide/contracts/search-sync-admin';

/** What only a running service knows; the rest of the status lives in the queue database. */
export type RunningState = { ready: boolean; startedAt: string; metrics: Metrics };

/**
 * The status from the queue database, plus the running service's own state when there is one.
 * The one place the status is assembled, so the HTTP answer and the offline CLI answer agree.
 */
export function syncStatus(queue: SyncQueue, running?: RunningState, now = Date.now()): SyncStatus {
  const oldest = queue.oldestEnqueuedAt();
  const metrics = running?.metrics;
  const owed = new RebuildMark(queue.db).get();
  return {
    ready: running?.ready ?? false,
    startedAt: running?.startedAt ?? null,
    queueDepth: queue.depth(),
    oldestItemAgeSeconds: oldest === null ? null : Math.max(0, Math.round((now - oldest) / 1000)),
    lastReconcile: queue.getMeta<ReconcileResult>(LAST_RECONCILE_KEY),
    deadLetters: queue.deadLetters(),
    reindex: queue.getMeta<ReindexProgress>(REINDEX_KEY),
    siteRebuildPending: owed && {
      changedAt: new Date(owed.changedAt).toISOString(),
      failedCalls: owed.attempts,
      lastError: owed.lastError,
    },
    events: metrics ? { received: metrics.eventsReceived, applied: metrics.eventsApplied, failed: metrics.eventsFailed } : null,
  };
}
