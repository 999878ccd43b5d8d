/**
 * The CMS's REST API limits readers plan their requests by. Strapi spends a fixed time on every
 * request before it reads a row, so bulk readers ask for large pages.
 */

/** Most entries an API token (search-sync, the site build) may ask for in one request: the CMS's `rest.maxLimit`. */
export const MAX_PAGE_SIZE = 1000;

/** Most entries an anonymous caller gets in one answer, as with Strapi's own default. */
export const PUBLIC_MAX_PAGE_SIZE = 100;

/** Most documentIds one request may name (they make up the URL; Node refuses request heads over 16 KB). */
export const MAX_IDS_PER_REQUEST = 100;
