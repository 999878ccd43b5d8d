import { AnalyticsStore } from './analytics-store.ts';
import type { Config } from './config.ts';
import { SyncQueue } from './queue.ts';
import { syncStatus, type SyncStatus } from './status.ts';

/** Days of search analytics `search-sync status` shows. */
const ANALYTICS_DAYS = 30;

export type CliStatus = { service: 'running' | 'not running' } & SyncStatus & { searchAnalytics: ReturnType<AnalyticsStore['report']> };

/**
 * Status for the CLI: the running service's `/status` when it answers, otherwise what the queue
 * database on disk says (then `ready` is false and `service` says it is not running); plus the
 * last 30 days of search analytics (top queries, zero-result queries, click-through) from the
 * analytics database, which `/status` leaves out because it is not behind a secret.
 */
export async function offlineStatus(config: Config): Promise<CliStatus> {
  const analytics = new AnalyticsStore(config.dataDir);
  const searchAnalytics = analytics.report(ANALYTICS_DAYS);
  analytics.close();
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  try {
    const res = await fetch(`http://${host}:${config.port}/status`, { signal: AbortSignal.timeout(3_000) });
    if (res.ok) return { service: 'running', ...((await res.json()) as SyncStatus), searchAnalytics };
  } catch {
    // Not running: fall through to the database.
  }
  const queue = new SyncQueue(config.dataDir);
  try {
    return { service: 'not running', ...syncStatus(queue), searchAnalytics };
  } finally {
    queue.close();
  }
}
