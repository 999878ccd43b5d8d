import {
  ANALYTICS_PATH,
  type AnalyticsEvent,
  MAX_QUERY_CHARS,
  POPULAR_PATH,
  type PopularQueries,
  SEARCH_TERMS_PATH,
  type SearchTerms,
} from '@stackguide/contracts/analytics';

/** What the search UI asks of search-sync's public routes; every call fails quietly (nothing to show, nothing sent). */
export type SyncApi = {
  /** The vocabulary's terms and stop words (fetched once). */
  terms(): Promise<SearchTerms>;
  /** The most searched queries that found something (fetched once). */
  popular(): Promise<string[]>;
  /** Sends one analytics event, surviving the page being left (keepalive). */
  report(event: AnalyticsEvent): void;
};

/** The visitor asked not to be tracked (Do Not Track or Global Privacy Control). */
export const trackingRefused = (nav: Navigator): boolean =>
  nav.doNotTrack === '1' || (nav as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

const getJson = async <T>(url: string, fallback: T): Promise<T> => {
  try {
    const res = await fetch(url, { credentials: 'omit' });
    return res.ok ? ((await res.json()) as T) : fallback;
  } catch {
    return fallback;
  }
};

/**
 * search-sync's public routes at `url` (SEARCH_SYNC_PUBLIC_URL). Without a url there is nothing to
 * fetch; when the visitor refuses tracking, nothing is reported.
 */
export function createSyncApi(url: string | undefined, nav: Navigator = navigator): SyncApi {
  const base = url?.replace(/\/+$/, '');
  let terms: Promise<SearchTerms> | undefined;
  let popular: Promise<string[]> | undefined;
  const noTerms: SearchTerms = { terms: [], stopWords: [] };
  return {
    terms: () => (terms ??= base ? getJson(`${base}${SEARCH_TERMS_PATH}`, noTerms) : Promise.resolve(noTerms)),
    popular: () =>
      (popular ??= base
        ? getJson<PopularQueries>(`${base}${POPULAR_PATH}?limit=5`, { queries: [] }).then((p) => p.queries.map((q) => q.query))
        : Promise.resolve([])),
    report(event) {
      if (!base || trackingRefused(nav)) return;
      const body = JSON.stringify({ ...event, q: event.q.trim().slice(0, MAX_QUERY_CHARS) });
      fetch(`${base}${ANALYTICS_PATH}`, {
        method: 'POST',
        keepalive: true,
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body,
      }).catch(() => undefined);
    },
  };
}
