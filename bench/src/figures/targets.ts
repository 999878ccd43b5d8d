/**
 * The targets the figures tables judge results by: the ones each bench prints its verdict for, and
 * the budgets the site's tests enforce. They are settings, not measurements.
 */
export const TARGETS = {
  /** publish → searchable, p95 (publish-latency.ts). */
  publishP95Ms: 150,
  /** Full reindex speed as a share of Meilisearch's own floor, median of rounds (reindex.ts). */
  reindexOfFloor: 0.9,
  /** Full site build from this many articles on: under a minute and 2 GiB (site-build.ts). */
  siteBuildFromArticles: 10_000,
  siteBuildSeconds: 60,
  siteBuildPeakMiB: 2048,
  /** Every HTML page (site/test/light-pages.test.ts). */
  pageBytes: 100 * 1024,
  /** publish / edit / unpublish → page live, p95 (site-publish.ts). */
  pageLiveP95Ms: 5_000,
  /** Keystroke → results painted, p95. */
  paintedP95Ms: 50,
  /** All search JavaScript shipped, gzip (site/test/search-browser.test.ts). */
  searchJsBytes: 10_240,
  /** Meilisearch's processingTimeMs for the results query, p95, with no browser on the machine. */
  processingP95Ms: 10,
  /** Relevance, when a result does not carry its own `params.targets` (relevance.ts). */
  relevance: { mrr10: 0.95, marginOverPagefind: 0.15, zeroResultRate: 0 },
} as const;
