/**
 * What the Search & site page and the article status panel get from the plugin's server routes.
 * The HTTP contracts behind them, search-sync's `/admin` API and the site server's `/__status`, are
 * in @stackguide/contracts. The plugin's integration tests run against the real search-sync.
 */
import type { AdminAnalytics, AdminDeadLetter, AdminOverview, DocumentState } from '@stackguide/contracts/search-sync-admin';
import type { SiteArticleStatus, SiteStatus } from '@stackguide/contracts/site-status';

export type {
  AdminAnalytics as SearchAnalytics,
  AdminDeadLetter as DeadLetter,
  AdminOverview as SearchSyncOverview,
  DocumentState as SearchDocumentState,
  ReindexProgress,
} from '@stackguide/contracts/search-sync-admin';
export type { SiteArticleStatus, SiteStatus } from '@stackguide/contracts/site-status';

/** A call to search-sync or the site made by the CMS: its answer, or why there is none. */
export type Upstream<T> = { ok: true; data: T } | { ok: false; status: number | null; error: string };

/** `GET /search-site/overview`. */
export type Overview = {
  searchSync: Upstream<AdminOverview & { deadLetters: (AdminDeadLetter & { title: string | null })[] }>;
  site: Upstream<SiteStatus>;
};

/** `GET /search-site/analytics`: null data when search-sync has no analytics (yet). */
export type Analytics = Upstream<AdminAnalytics | null>;

/** `GET /search-site/articles/:documentId`. */
export type ArticleStatus = {
  /** The published version's updatedAt, or null for a draft that was never published. */
  publishedUpdatedAt: string | null;
  search: Upstream<DocumentState>;
  site: Upstream<SiteArticleStatus>;
};
