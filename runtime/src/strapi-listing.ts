import { MAX_IDS_PER_REQUEST, MAX_PAGE_SIZE } from '@stackguide/contracts/rest-api';

/**
 * Entries per listing request for bulk readers (the site build, search-sync), as whole articles or as
 * stamps (id and updatedAt). Strapi has a fixed cost per request, so bigger pages are cheaper per
 * entry; whole articles come in smaller pages to keep each answer a few megabytes and let a
 * reindex's first documents reach Meilisearch sooner (bench/README, site-build and reindex).
 */
export const LISTING_PAGE: { documents: number; stamps: number } = { documents: 250, stamps: MAX_PAGE_SIZE };

/**
 * The query for the page of entries after `afterId` in id order, `filters` kept (keyset paging): an
 * offset would make SQLite step over every earlier row, bodies included, for every later page. Only
 * the first page (`afterId` 0) asks for the count.
 */
export function keysetPageQuery(filters: URLSearchParams, afterId: number, pageSize: number): URLSearchParams {
  const query = new URLSearchParams(filters);
  query.set('filters[id][$gt]', String(afterId));
  query.set('pagination[pageSize]', String(pageSize));
  query.set('pagination[withCount]', String(afterId === 0));
  query.set('sort', 'id:asc');
  return query;
}

/** The documentIds split into requests of as many as one may name, in order. */
export function documentIdChunks(ids: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_REQUEST) chunks.push(ids.slice(start, start + MAX_IDS_PER_REQUEST));
  return chunks;
}

/** Filters for entries with these documentIds, one query (one request) per chunk. */
export function documentIdFilters(ids: readonly string[]): URLSearchParams[] {
  return documentIdChunks(ids).map(
    (chunk) => new URLSearchParams(chunk.map((id, i): [string, string] => [`filters[documentId][$in][${i}]`, id])),
  );
}
