/**
 * The values pages take from the environment rather than from content: the canonical origin and
 * what the search box needs. Passed with every render (Astro.locals.config); a build whose config
 * differs from the served build's renders every page.
 */
export type RenderConfig = {
  /** Canonical origin, e.g. https://stackguide.example (no trailing slash). */
  siteUrl: string;
  /** Meilisearch URL browsers use; only the search-only key ever goes with it. */
  meiliPublicUrl: string | undefined;
  meiliSearchKey: string | undefined;
  /** search-sync's public routes (analytics, popular queries, search terms) as browsers reach them. */
  searchSyncPublicUrl: string | undefined;
  /** Semantic search is on (EMBEDDER_URL set): the search page asks the hybrid query too. */
  semantic: boolean;
};
