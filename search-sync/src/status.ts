import type { Metrics } from './metrics.ts';
import type { DeadLetter, SyncQueue } from './queue.ts';
import { RebuildMark } from './rebuild-mark.ts';
import { LAST_RECONCILE_KEY, type ReconcileResult } from './reconcile.ts';
import { REINDEX_KEY, type ReindexProgress } from './reindex.ts';

/** What `GET /status` and `search-sync status` report. */
export type SyncStatus = {
  /** First reconcile done and applied; always false when the service is not running. */
  ready: boolean;
  /** When the running service started, or null when it is not running. */
  startedAt: string | null;
  queueDepth: number;
  oldestItemAgeSeconds: number | null;
  lastReconcile: ReconcileResult | null;
  deadLetters: DeadLetter[];
  reindex: ReindexProgress | null;
  /** The site rebuild owed since the index changed, until the build hook answered 2xx; null when none is. */
  siteRebuildPending: { changedAt: string; failedCalls: number; lastError: string | null } | null;
  /** Counters since the service started, or null when it is not running. */
  events: { received: number; applied: number; failed: number } | null;
};

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
    siteRebuildPending: owed && { changedAt: new Date(owed.changedAt).toISOString(), failedCalls: owed.attempts, lastError: owed.lastError },
    events: metrics ? { received: metrics.eventsReceived, applied: metrics.eventsApplied, failed: metrics.eventsFailed } : null,
  };
}
