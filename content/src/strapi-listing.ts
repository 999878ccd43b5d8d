/**
 * Entries per listing request for bulk readers (the site build, search-sync), as whole articles or as
 * stamps (id and updatedAt). The CMS allows API tokens pages of up to 1,000 (cms/config/api.ts);
 * Strapi has a fixed cost per request, so bigger pages are cheaper per entry, and whole articles come
 * 250 at a time to keep each answer a few megabytes and let a reindex's first documents reach
 * Meilisearch sooner. At 10,000 articles: whole articles 4.1-4.5 s (pages of 100: 5.1-7.1 s), stamps
 * 0.7 s (1.7-1.9 s).
 */
export const LISTING_PAGE: { documents: number; stamps: number } = { documents: 250, stamps: 1000 };

/**
 * The query for the page of entries after `afterId` in id order, `filters` kept (keyset paging): an
 * offset would make SQLite step over every earlier row, bodies included, and the last pages of 10,000
 * articles cost 30-45 ms of query each instead of ~1 ms. Only the first page (`afterId` 0) asks for
 * the count.
 */
export function keysetPageQuery(filters: URLSearchParams, afterId: number, pageSize: number): URLSearchParams {
  const query = new URLSearchParams(filters);
  query.set('filters[id][$gt]', String(afterId));
  query.set('pagination[pageSize]', String(pageSize));
  query.set('pagination[withCount]', String(afterId === 0));
  query.set('sort', 'id:asc');
  return query;
}

/** Entries asked for by documentId in one request (their ids make up the URL). */
export const IDS_PER_REQUEST = 100;

/** The documentIds split into requests of IDS_PER_REQUEST, in order. */
export function documentIdChunks(ids: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) chunks.push(ids.slice(start, start + IDS_PER_REQUEST));
  return chunks;
}

/** Filters for entries with these documentIds, one query per IDS_PER_REQUEST ids (one request each). */
export function documentIdFilters(ids: readonly string[]): URLSearchParams[] {
  return documentIdChunks(ids).map((chunk) => new URLSearchParams(chunk.map((id, i): [string, string] => [`filters[documentId][$in][${i}]`, id])));
}
