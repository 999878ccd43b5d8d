import { SEARCH_KEY_PATH, type SearchKeyAnswer, searchKeyAnswerSchema } from '@stackguide/contracts/search-key';
import { waitFor } from './wait.ts';

/** search-sync did not hand out the search-only key; `detail` says what it answered, if anything. */
export class SearchKeyError extends Error {
  override name = 'SearchKeyError';
  readonly url: string;
  readonly detail: string;
  constructor(url: string, detail: string, options?: ErrorOptions) {
    super(`search-sync did not hand out the search key at ${url}: ${detail}`, options);
    this.url = url;
    this.detail = detail;
  }
}

/** Where search-sync listening on `host:port` hands out the key; a wildcard listen address is reached on loopback. */
export function searchKeyUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}${SEARCH_KEY_PATH}`;
}

async function askOnce(url: string): Promise<SearchKeyAnswer> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    throw new SearchKeyError(url, `no answer (${cause})`, { cause: err });
  }
  const text = await res.text();
  if (!res.ok) throw new SearchKeyError(url, `HTTP ${res.status} ${text.slice(0, 200)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SearchKeyError(url, `not JSON: ${text.slice(0, 200)}`);
  }
  const parsed = searchKeyAnswerSchema.safeParse(body);
  if (!parsed.success) throw new SearchKeyError(url, `not a search key: ${text.slice(0, 200)}`);
  return parsed.data;
}

/**
 * Asks search-sync for the search-only key, asking again while it is not ready (503, or not
 * listening yet) for up to `waitMs` (0: once).
 * @throws SearchKeyError naming the URL and what it last answered.
 */
export async function fetchSearchKey(url: string, waitMs = 0): Promise<SearchKeyAnswer> {
  if (waitMs <= 0) return askOnce(url);
  let last: SearchKeyError | undefined;
  try {
    return await waitFor(
      `the search key at ${url}`,
      () =>
        askOnce(url).catch((err: SearchKeyError) => {
          last = err;
          throw err;
        }),
      { timeoutMs: waitMs, intervalMs: 500 },
    );
  } catch (err) {
    throw new SearchKeyError(url, `still not ready after ${Math.round(waitMs / 1000)} s (${last?.detail ?? 'no answer'})`, { cause: err });
  }
}
