/**
 * What search-sync's status and `/admin` API answer, as the CMS's "Search & site" plugin reads
 * them. Types only: the admin's browser bundle imports them.
 */

export type { AdminAnalytics } from './analytics.ts';

/**
 * The admin API's routes (bearer SEARCH_SYNC_ADMIN_SECRET); `:id` is a dead letter's id or an
 * article's documentId (see route-path.ts). Analytics: ADMIN_ANALYTICS_PATH in analytics.ts.
 */
export const ADMIN_ROUTES = {
  /** GET: AdminOverview. */
  overview: '/admin/overview',
  /** POST: 202 when a reindex starts, 409 while one runs. */
  reindex: '/admin/reindex',
  /** DELETE: discard a dead letter. */
  deadLetter: '/admin/dead-letters/:id',
  /** POST: queue a dead letter again. */
  retry: '/admin/dead-letters/:id/retry',
  /** GET: DocumentState. */
  document: '/admin/documents/:id',
} as const;

/**
 * article: re-sync one article; role/skill: re-sync its page (and a role's salary bands), then
 * re-queue every article that references it; search-setting: apply the editors' vocabulary to the
 * indexes.
 */
export type ItemKind = 'article' | 'role' | 'skill' | 'search-setting';

export type DeadLetter = { kind: ItemKind; documentId: string; attempts: number; error: string; failedAt: string };

export type ReconcileResult = {
  startedAt: string;
  finishedAt: string;
  /** Documents Strapi's published articles, roles and skills make (a salary band is one). */
  published: number;
  /** Documents in the indexes. */
  indexed: number;
  /** Published but not in the index. */
  missing: number;
  /** In the index with an older updatedAt than Strapi's. */
  stale: number;
  /** In the index but no longer published. */
  orphans: number;
  /** Queue watermark after queuing: once nothing at or below it is queued, the repair is applied. */
  watermark: number;
};

export type ReindexProgress = {
  /** `indexing`: every document was handed over; Meilisearch is still indexing the last batches. */
  state: 'loading' | 'indexing' | 'swapping' | 'done' | 'failed';
  /** The fresh index being filled. */
  index: string;
  /** Documents read from Strapi and handed to Meilisearch (or about to be, with the rest of their chunk). */
  done: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
};

/** What `GET /status` and `search-sync status` report. */
export type SyncStatus = {
  /** First reconcile done and applied; always false when the service is not running. */
  ready: boolean;
  /** When the running service started, or null when it is not running. */
  startedAt: string | null;
  queueDepth: number;
  oldestItemAgeSeconds: number | null;
  lastReconcile: ReconcileResult | null;
  deadLetters: DeadLetter[];
  reindex: ReindexProgress | null;
  /** The site rebuild owed since the index changed, until the build hook answered 2xx; null when none is. */
  siteRebuildPending: { changedAt: string; failedCalls: number; lastError: string | null } | null;
  /** Counters since the service started, or null when it is not running. */
  events: { received: number; applied: number; failed: number } | null;
};

/** A dead letter with the id the retry and discard routes take: `<kind>:<documentId>`. */
export type AdminDeadLetter = DeadLetter & { id: string };

/** `GET /admin/overview`: the status, dead letters with their ids, and whether a reindex started here runs. */
export type AdminOverview = Omit<SyncStatus, 'deadLetters'> & { deadLetters: AdminDeadLetter[]; reindexRunning: boolean };

/** Where one article stands in search, as the CMS's status panel shows it. */
export type DocumentState = {
  /** queued: a change waits to be applied; failed: in the dead letters; absent: neither indexed nor queued. */
  state: 'indexed' | 'queued' | 'failed' | 'absent';
  /** The article's updatedAt as the index holds it, or null when it is not in the index. */
  indexedUpdatedAt: string | null;
  /** When the waiting change was first queued, or null when nothing waits. */
  queuedSince: string | null;
  /** Why it failed, or why the waiting change's last attempt failed. */
  error: string | null;
};
