/**
 * What the site server's status routes answer (bearer BUILD_HOOK_SECRET), as the CMS's
 * "Search & site" plugin reads them.
 */

/** `GET` routes: the builds, and one article (`:id` is its documentId; see route-path.ts). */
export const SITE_STATUS_ROUTES = { builds: '/__status', article: '/__status/articles/:id' } as const;

/** full: every page rendered; incremental: only the pages a change reaches, the rest reused. */
export type BuildKind = 'full' | 'incremental';

/** The build being served, the one under way, the last failure: what `GET /__status` reports. */
export type SiteStatus = {
  current: { id: string; kind: BuildKind; startedAt: string; finishedAt: string; ms: number; pages: number; rendered: number } | null;
  building: { startedAt: string; kind: BuildKind } | null;
  lastFailure: { at: string; message: string } | null;
  /** Changes are waiting for a build (debouncing, behind the running build, or to retry). */
  pending: boolean;
};

/** `GET /__status/articles/<documentId>`: whether the served build has the article, and which version. */
export type SiteArticleStatus = {
  inBuild: boolean;
  /** The article's published updatedAt in the served build, or null when it is not in it. */
  updatedAt: string | null;
  buildFinishedAt: string | null;
};
