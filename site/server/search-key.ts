import { type ConfigValues, type Env, parseConfig } from '@stackguide/runtime';
import { z } from 'astro/zod';
import { SiteError } from '../src/errors.ts';

/** Where a local search-sync listens (the address `npm start` gives it). */
const SPEC = { SEARCH_SYNC_HOST: 'required', SEARCH_SYNC_PORT: 'required' } as const;

export type SearchSyncEnv = ConfigValues<typeof SPEC>;

/**
 * Validates the variables that say where search-sync listens.
 * @throws ConfigError naming each bad variable and what it should look like.
 */
export function parseSearchSyncEnv(env: Env): SearchSyncEnv {
  return parseConfig(SPEC, env);
}

/** search-sync's `GET /search-key` URL on this machine: a wildcard listen address is reached on loopback. */
export function searchKeyUrl(env: SearchSyncEnv): string {
  const host = env.SEARCH_SYNC_HOST === '0.0.0.0' ? '127.0.0.1' : env.SEARCH_SYNC_HOST === '::' ? '::1' : env.SEARCH_SYNC_HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${env.SEARCH_SYNC_PORT}/search-key`;
}

const FIX =
  'Fix: start search-sync (npm start runs it; SEARCH_SYNC_HOST and SEARCH_SYNC_PORT say where it listens), ' +
  'or set MEILI_SEARCH_KEY to the search-only key (`npm run keys -w search-sync` prints it).';

/** MEILI_SEARCH_KEY is not set and search-sync did not hand out the search-only key. */
export class SearchKeyError extends SiteError {
  override name = 'SearchKeyError';
  constructor(
    readonly url: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`MEILI_SEARCH_KEY is not set and search-sync did not hand out the search key at ${url}: ${detail}. ${FIX}`, options);
  }
}

/** The public part of `GET /search-key`: the key browsers may hold and where they reach Meilisearch. */
const answer = z.object({ searchKey: z.string().min(1), url: z.url() });
export type PublicSearchKey = z.infer<typeof answer>;

/**
 * Asks search-sync, which holds the Meilisearch master key, for the search-only key: the build
 * itself never reads the master key, so it cannot reach a page.
 * @throws SearchKeyError naming the URL, what went wrong and the fix.
 */
export async function fetchSearchKey(url: string, timeoutMs = 5_000): Promise<PublicSearchKey> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
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
  const parsed = answer.safeParse(body);
  if (!parsed.success) throw new SearchKeyError(url, `not a search key: ${text.slice(0, 200)}`);
  return parsed.data;
}
