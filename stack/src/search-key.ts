import { waitFor } from '@stackguide/runtime';
import { FIX } from './search-sync-step.ts';
import { StartupError } from './startup-error.ts';

export type SearchKey = { indexUid: string; searchKey: string; url: string };

/**
 * Fetches the search-only key (and the Meilisearch URL browsers use) from the running search-sync's
 * `GET /search-key`, retrying while it answers 503 (key not ensured yet).
 * @throws StartupError when no valid key arrives within `timeoutMs`.
 */
export async function fetchSearchKey(searchSyncUrl: string, timeoutMs = 30_000): Promise<SearchKey> {
  const url = `${searchSyncUrl}/search-key`;
  try {
    return await waitFor(
      `the search key at ${url}`,
      async () => {
        const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
        const text = await res.text();
        if (!res.ok) throw new Error(`HTTP ${res.status} ${text.slice(0, 200)}`);
        const key = parseKey(text);
        if (!key) throw new Error(`not a search key: ${text.slice(0, 200)}`);
        return key;
      },
      { timeoutMs, intervalMs: 500 },
    );
  } catch (err) {
    throw new StartupError('search-sync', `search-sync did not hand out the search key: ${err instanceof Error ? err.message : String(err)}`, FIX, { cause: err });
  }
}

/** The `{indexUid, searchKey, url}` body of `/search-key`, or undefined for anything else. */
export function parseKey(text: string): SearchKey | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return undefined;
    const { indexUid, searchKey, url } = value as Record<string, unknown>;
    if (typeof indexUid === 'string' && typeof searchKey === 'string' && typeof url === 'string') return { indexUid, searchKey, url };
  } catch {
    // Not JSON: no key.
  }
  return undefined;
}
