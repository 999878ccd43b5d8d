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
  ReconcileResult,
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

/** An article's "Publish at" / "Unpublish at" as saved in its draft, and why the last try at a due one failed. */
export type ArticleSchedule = { publishAt: string | null; unpublishAt: string | null; failure: string | null };

/** `GET /search-site/articles/:documentId`. */
export type ArticleStatus = {
  /** The published version's updatedAt, or null for a draft that was never published. */
  publishedUpdatedAt: string | null;
  schedule: ArticleSchedule;
  search: Upstream<DocumentState>;
  site: Upstream<SiteArticleStatus>;
};

/** A link in an article body to an article, role or skill page readers cannot reach: none by that slug, or an unpublished article. */
export type BrokenLink = { url: string; text: string; kind: 'article' | 'role' | 'skill'; slug: string; problem: 'missing' | 'draft' };

/** An article as a link list names it. */
export type ArticleRef = { documentId: string; title: string };

/** `GET /search-site/articles/:documentId/links`: the saved draft's broken links, and the published articles linking to this one. */
export type ArticleLinks = { broken: BrokenLink[]; linkedFrom: { count: number; articles: ArticleRef[] } };

/** `GET /search-site/links/broken`: broken links in published articles, the first `links.length` of `total`. */
export type BrokenLinks = { total: number; links: (BrokenLink & { source: ArticleRef })[] };

/** `GET /search-site/vocabulary/synonym-groups`: each synonym group's words as saved, in the order the settings show them. */
export type SynonymGroups = { groups: string[] };

/**
 * `POST /search-site/vocabulary/synonyms`: adds `query` to the group at `group.index` (counted from
 * 1, as the settings show them; `group.words` as the editor saw it, so a list changed meanwhile is
 * refused rather than changed at the wrong place) or to a new group with `word`.
 */
export type AddSynonym = { query: string } & ({ group: { index: number; words: string } } | { word: string });
