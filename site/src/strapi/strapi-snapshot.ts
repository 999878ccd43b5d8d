import type { Role, Skill } from '@stackguide/contracts/entries';
import { JOB_RETRY, documentIdFilters, type RetryPolicy, StrapiClient } from '@stackguide/runtime';
import { EmptySiteError, StrapiContentError } from '../errors.ts';
import { absolutizeMedia } from './media-urls.ts';
import { type CollectionName, collectionSchemas, type FetchedArticle } from './schemas.ts';
import { listAll } from './strapi-pages.ts';

export type StrapiConnection = { client: StrapiClient; allowEmpty: boolean };

/** A connection to the CMS with the read-only token; a build retries what it can, as nobody else will. */
export const connection = (
  strapiUrl: string,
  token: string | undefined,
  allowEmpty: boolean,
  retry: RetryPolicy = JOB_RETRY,
): StrapiConnection => ({
  client: new StrapiClient({ baseUrl: strapiUrl, token, retry }),
  allowEmpty,
});

/** What Strapi answers for each collection, validated. */
export type EntryOf = { articles: FetchedArticle; roles: Role; skills: Skill };

/** What a fetch keeps of a page of validated entries (articles: stored away from memory, see body-store.ts). */
export type Keep<C extends CollectionName, T> = (entries: EntryOf[C][]) => T[] | Promise<T[]>;

const asFetched = <C extends CollectionName>(entries: EntryOf[C][]) => entries;

/** Published content as the site stores it: validated, media URLs absolute, article bodies as `keep` left them. */
export type Collections<A = FetchedArticle> = { articles: A[]; roles: Role[]; skills: Skill[] };

/**
 * The published entries of one collection (those matching `filters` when given), validated
 * against the site's schemas, media URLs made absolute, each page passed through `keep` as it
 * arrives.
 * @throws StrapiError when Strapi stays unreachable, StrapiContentError on an unexpected shape.
 */
export async function fetchEntries<C extends CollectionName, T extends { documentId: string } = EntryOf[C]>(
  conn: StrapiConnection,
  collection: C,
  filters?: URLSearchParams,
  keep: Keep<C, T> = asFetched as Keep<C, T>,
): Promise<T[]> {
  const path = `/api/${collection}`;
  const schema = collectionSchemas[collection];
  const entries = await listAll(conn.client, path, filters, async (items, listUrl) => {
    const valid = items.map((item) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        const id = item && typeof item === 'object' && 'documentId' in item ? String(item.documentId) : '(no documentId)';
        const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new StrapiContentError(listUrl, `${collection} entry ${id}: ${issues}`);
      }
      return absolutizeMedia(parsed.data, conn.client.baseUrl) as EntryOf[C];
    });
    return keep(valid);
  });
  const seen = new Set<string>();
  for (const { documentId } of entries) {
    if (seen.has(documentId)) throw new StrapiContentError(conn.client.url(path), `documentId ${documentId} appears twice`);
    seen.add(documentId);
  }
  return entries;
}

/**
 * Published entries with these documentIds, a page of ids per request; ids missing from the result
 * are not published (or gone).
 * @throws like fetchEntries.
 */
export async function fetchByIds<C extends CollectionName, T extends { documentId: string } = EntryOf[C]>(
  conn: StrapiConnection,
  collection: C,
  ids: Iterable<string>,
  keep?: Keep<C, T>,
): Promise<T[]> {
  const found: T[] = [];
  for (const filters of documentIdFilters([...new Set(ids)])) found.push(...(await fetchEntries(conn, collection, filters, keep)));
  return found;
}

/** Published articles that name the role or skill with this documentId. @throws like fetchEntries. */
export function fetchArticlesOf<T extends { documentId: string } = FetchedArticle>(
  conn: StrapiConnection,
  kind: 'role' | 'skill',
  documentId: string,
  keep?: Keep<'articles', T>,
): Promise<T[]> {
  const filters = new URLSearchParams({ [`filters[${kind === 'role' ? 'roles' : 'skills'}][documentId][$eq]`]: documentId });
  return fetchEntries(conn, 'articles', filters, keep);
}

/**
 * Everything published, articles kept as `keepArticles` leaves them.
 * @throws like fetchEntries, and EmptySiteError when there are no articles and the connection does
 * not allow an empty site (ALLOW_EMPTY_SITE).
 */
export async function fetchCollections<A extends { documentId: string } = FetchedArticle>(
  conn: StrapiConnection,
  keepArticles?: Keep<'articles', A>,
): Promise<Collections<A>> {
  const [articles, roles, skills] = await Promise.all([
    fetchEntries(conn, 'articles', undefined, keepArticles),
    fetchEntries(conn, 'roles'),
    fetchEntries(conn, 'skills'),
  ]);
  refuseEmpty(conn, articles.length);
  return { articles, roles, skills };
}

/** @throws EmptySiteError when `articles` is zero and the connection does not allow an empty site. */
export function refuseEmpty(conn: StrapiConnection, articles: number): void {
  if (articles === 0 && !conn.allowEmpty) throw new EmptySiteError(conn.client.url('/api/articles'));
}
