/**
 * Search analytics: what the site's search UI reports to search-sync, and what search-sync's
 * analytics routes answer (the CMS's "Search & site" page reads the admin one).
 */

/** `POST` here, from the site's origin only (CORS), `content-type: application/json`. */
export const ANALYTICS_PATH = '/analytics';
/** `GET ?limit=N` (1–20, default 5): public and cacheable. */
export const POPULAR_PATH = '/analytics/popular';
/** `GET ?days=N` (1–90, default 30) with `Authorization: Bearer <SEARCH_SYNC_ADMIN_SECRET>`. */
export const ADMIN_ANALYTICS_PATH = '/admin/analytics';
/**
 * `PUT` hides a query (`:id` is the query as the admin report lists it, URL-encoded) from the popular
 * searches and the admin lists; `DELETE` shows it again. Same bearer secret; answers `{ query, hidden }`.
 */
export const ADMIN_HIDDEN_QUERY_PATH = '/admin/analytics/hidden/:id';
/** `GET`: the vocabulary's terms and stop words, for "did you mean" on a search without results. */
export const SEARCH_TERMS_PATH = '/search-terms';

/** Largest body `POST /analytics` accepts; anything longer is refused with 413. */
export const MAX_EVENT_BYTES = 1024;
/** Longest query text an event may carry (characters). */
export const MAX_QUERY_CHARS = 200;
/** Highest result position a click may name (Meilisearch returns at most 1,000 results). */
export const MAX_POSITION = 1000;

/**
 * One report from the search UI. `search`: the visitor settled on `q` (a pause in typing, or a
 * result opened), which found `results` articles. `click`: they opened the result at `position`
 * (1 = first) of that search. Nothing identifies the visitor.
 */
export type AnalyticsEvent =
  | { type: 'search'; q: string; results: number }
  | { type: 'click'; q: string; results: number; position: number };

/**
 * `GET /analytics/popular`: queries that at least 3 visitors searched (`visitors` counts each
 * visitor once a day), that find something in the index when asked, and that editors did not
 * hide; most visitors first.
 */
export type PopularQueries = { queries: { query: string; visitors: number }[] };

/**
 * `GET /admin/analytics`: the last `days` days (today included). Only queries at least 3 visitors
 * searched are listed, hidden ones apart in `hiddenQueries` (every hidden query, whatever its
 * period); the click-through totals count every search. `byPosition[i]` is the number of clicks on
 * the result at position i + 1.
 */
export type AdminAnalytics = {
  days: number;
  topQueries: { query: string; searches: number; avgResults: number; clicks: number }[];
  zeroResultQueries: { query: string; searches: number }[];
  hiddenQueries: string[];
  clickThrough: { searches: number; clicks: number; rate: number; byPosition: number[] };
};

/** `GET /search-terms`: words of the editors' synonym groups (lower case) and the stop words. */
export type SearchTerms = { terms: string[]; stopWords: string[] };
