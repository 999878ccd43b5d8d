/**
 * What the Search & site page and the article status panel get from the plugin's server routes, and
 * the HTTP contracts behind them: search-sync's `/admin` API (search-sync/src/admin-api.ts) and the
 * site server's `/__status`. The plugin's integration tests run against the real search-sync.
 */

export type DeadLetter = {
  /** `<kind>:<documentId>`, what retry and discard take. */
  id: string;
  kind: 'article' | 'role' | 'skill' | 'search-setting';
  documentId: string;
  attempts: number;
  error: string;
  failedAt: string;
};

export type ReindexProgress = {
  state: 'loading' | 'swapping' | 'done' | 'failed';
  index: string;
  done: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
};

export type ReconcileResult = {
  startedAt: string;
  finishedAt: string;
  published: number;
  indexed: number;
  missing: number;
  stale: number;
  orphans: number;
};

/** search-sync `GET /admin/overview`. */
export type SearchSyncOverview = {
  ready: boolean;
  startedAt: string | null;
  queueDepth: number;
  oldestItemAgeSeconds: number | null;
  lastReconcile: ReconcileResult | null;
  deadLetters: DeadLetter[];
  reindex: ReindexProgress | null;
  reindexRunning: boolean;
  siteRebuildPending: { changedAt: string; failedCalls: number; lastError: string | null } | null;
};

/** search-sync `GET /admin/documents/:documentId`. */
export type SearchDocumentState = {
  state: 'indexed' | 'queued' | 'failed' | 'absent';
  indexedUpdatedAt: string | null;
  queuedSince: string | null;
  error: string | null;
};

/** search-sync `GET /admin/analytics?days=N`. */
export type SearchAnalytics = {
  days: number;
  topQueries: { query: string; searches: number; avgResults: number; clicks: number }[];
  zeroResultQueries: { query: string; searches: number }[];
  clickThrough: { searches: number; clicks: number; rate: number; byPosition: number[] };
};

/** Site server `GET /__status`. */
export type SiteStatus = {
  current: { id: string; kind: 'full' | 'incremental'; startedAt: string; finishedAt: string; ms: number; pages: number; rendered: number } | null;
  building: { startedAt: string; kind: 'full' | 'incremental' } | null;
  lastFailure: { at: string; message: string } | null;
  pending: boolean;
};

/** Site server `GET /__status/articles/:documentId`. */
export type SiteArticleStatus = {
  inBuild: boolean;
  /** The article's published updatedAt in the build being served. */
  updatedAt: string | null;
  buildFinishedAt: string | null;
};

/** A call to search-sync or the site made by the CMS: its answer, or why there is none. */
export type Upstream<T> = { ok: true; data: T } | { ok: false; status: number | null; error: string };

/** `GET /search-site/overview`. */
export type Overview = {
  searchSync: Upstream<SearchSyncOverview & { deadLetters: (DeadLetter & { title: string | null })[] }>;
  site: Upstream<SiteStatus>;
};

/** `GET /search-site/analytics`: null data when search-sync has no analytics (yet). */
export type Analytics = Upstream<SearchAnalytics | null>;

/** `GET /search-site/articles/:documentId`. */
export type ArticleStatus = {
  /** The published version's updatedAt, or null for a draft that was never published. */
  publishedUpdatedAt: string | null;
  search: Upstream<SearchDocumentState>;
  site: Upstream<SiteArticleStatus>;
};
