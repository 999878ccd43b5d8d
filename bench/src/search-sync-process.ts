import path from 'node:path';
import { SEARCH_KEY_PATH } from '@stackguide/contracts/search-key';
import type { SyncStatus } from '@stackguide/contracts/search-sync-admin';
import { fetchSearchKey } from '@stackguide/runtime';
import { spawnBin, waitFor, waitForHttp, type Child, childEnv } from '@stackguide/test-kit';

export type SearchSync = {
  url: string;
  child: Child;
  status(): Promise<SyncStatus>;
  /** The search-only key the running service hands out at `/search-key`. */
  searchKey(): Promise<string>;
  stop(): Promise<void>;
};

/** Runs a command of search-sync's declared bin (`serve`, `reindex`, …) as its own process. */
export function spawnSearchSync(
  command: string,
  env: Record<string, string>,
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void,
): Child {
  return spawnBin('@stackguide/search-sync', command.split(' '), {
    name: `search-sync ${command}`,
    env: childEnv({ LOG_LEVEL: 'warn', SITE_BUILD_HOOK_URL: '', ...env }),
    onLine,
  });
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return res.json();
}

/**
 * Starts `search-sync serve` and waits until it listens (not until it is ready: drills start it
 * while Strapi or Meilisearch is down). `env` must hold every variable search-sync reads.
 * @throws Error when it exits or does not listen within a minute.
 */
export async function startSearchSync(env: Record<string, string>, onLine?: (line: string) => void): Promise<SearchSync> {
  const url = `http://127.0.0.1:${env.SEARCH_SYNC_PORT}`;
  const child = spawnSearchSync('serve', env, onLine);
  try {
    await waitForHttp(`${url}/status`, { timeoutMs: 60_000, isAlive: child.alive });
  } catch (err) {
    await child.stop();
    throw err;
  }
  return {
    url,
    child,
    status: async () => (await getJson(`${url}/status`)) as SyncStatus,
    searchKey: async () => (await fetchSearchKey(`${url}${SEARCH_KEY_PATH}`)).searchKey,
    stop: () => child.stop(),
  };
}

/** Waits (up to 15 min, for a first fill of 10,000 articles) until search-sync reports ready; a restarting part counts as not yet. */
export async function waitForSyncReady(sync: SearchSync): Promise<void> {
  await waitFor('search-sync ready', async () => (await sync.status()).ready, { timeoutMs: 900_000 });
}

export const syncDataDir = (runDir: string) => path.join(runDir, 'search-sync');
