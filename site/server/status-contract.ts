/**
 * What the site server's status routes answer (bearer BUILD_HOOK_SECRET): the types the CMS's
 * "Search & site" plugin imports (type-only). Types and constants only, with no imports, so any
 * TypeScript program can read this file. Never copy these types elsewhere.
 */

/** `GET` this for the builds, `<STATUS_PATH>/articles/<documentId>` for one article. */
export const STATUS_PATH = '/__status';

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
