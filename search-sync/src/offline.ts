import type { Config } from './config.ts';
import { SyncQueue } from './queue.ts';
import { syncStatus, type SyncStatus } from './status.ts';

export type CliStatus = { service: 'running' | 'not running' } & SyncStatus;

/**
 * Status for the CLI: the running service's `/status` when it answers, otherwise what the queue
 * database on disk says (then `ready` is false and `service` says it is not running).
 */
export async function offlineStatus(config: Config): Promise<CliStatus> {
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  try {
    const res = await fetch(`http://${host}:${config.port}/status`, { signal: AbortSignal.timeout(3_000) });
    if (res.ok) return { service: 'running', ...((await res.json()) as SyncStatus) };
  } catch {
    // Not running: fall through to the database.
  }
  const queue = new SyncQueue(config.dataDir);
  try {
    return { service: 'not running', ...syncStatus(queue) };
  } finally {
    queue.close();
  }
}
