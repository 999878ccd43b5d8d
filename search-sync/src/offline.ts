import type { Config } from './config.ts';
import { SyncQueue } from './queue.ts';
import { LAST_RECONCILE_KEY, type ReconcileResult } from './reconcile.ts';
import { REINDEX_KEY, type ReindexProgress } from './reindex.ts';

/**
 * Status for the CLI: the running service's `/status` when it answers, otherwise what the queue
 * database on disk says (then `ready` is false and `service` says it is not running).
 */
export async function offlineStatus(config: Config): Promise<Record<string, unknown>> {
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  try {
    const res = await fetch(`http://${host}:${config.port}/status`, { signal: AbortSignal.timeout(3_000) });
    if (res.ok) return { service: 'running', ...((await res.json()) as Record<string, unknown>) };
  } catch {
    // Not running: fall through to the database.
  }
  const queue = new SyncQueue(config.dataDir);
  try {
    const oldest = queue.oldestEnqueuedAt();
    return {
      service: 'not running',
      ready: false,
      queueDepth: queue.depth(),
      oldestItemAgeSeconds: oldest === null ? null : Math.round((Date.now() - oldest) / 1000),
      lastReconcile: queue.getMeta<ReconcileResult>(LAST_RECONCILE_KEY),
      deadLetters: queue.deadLetters(),
      reindex: queue.getMeta<ReindexProgress>(REINDEX_KEY),
    };
  } finally {
    queue.close();
  }
}
