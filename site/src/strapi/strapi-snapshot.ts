import type { Role, Skill } from '@stackguide/contracts/entries';
import { BUILD_RETRY, documentIdFilters, type RetryPolicy, StrapiClient } from '@stackguide/runtime';
import { EmptySiteError, StrapiContentError } from '../errors.ts';
import { absolutizeMedia } from './media-urls.ts';
import { collectionSchemas, type Article, type CollectionName } from './schemas.ts';
import { listAll } from './strapi-pages.ts';

export type StrapiConnection = { client: StrapiClient; allowEmpty: boolean };

/** A connection to the CMS with the read-only token; a build retries what it can, as nobody else will. */
export const connection = (
  strapiUrl: string,
  token: string | undefined,
  allowEmpty: boolean,
  retry: RetryPolicy = BUILD_RETRY,
): StrapiConnection => ({
  client: new StrapiClient({ baseUrl: strapiUrl, token, retry }),
  allowEmpty,
});

type EntryOf = { articles: Article; roles: Role; skills: Skill };

/** Published content as the site stores it: validated, media URLs absolute. */
export type Collections = { articles: Article[]; roles: Role[]; skills: Skill[] };

/**
 * The published entries of one collection (those matching `filters` when given), validated
 * against the site's schemas, media URLs made absolute.
 * @throws StrapiError when Strapi stays unreachable, StrapiContentError on an unexpected shape.
 */
export async function fetchEntries<C extends CollectionName>(
  conn: StrapiConnection,
  collection: C,
  filters?: URLSearchParams,
): Promise<EntryOf[C][]> {
  const path = `/api/${collection}`;
  const listUrl = conn.client.url(path);
  const items = await listAll(conn.client, path, filters);
  const schema = collectionSchemas[collection];
  const seen = new Set<string>();
  return items.map((item) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const id = item && typeof item === 'object' && 'documentId' in item ? String(item.documentId) : '(no documentId)';
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new StrapiContentError(listUrl, `${collection} entry ${id}: ${issues}`);
    }
    const id = parsed.data.documentId;
    if (seen.has(id)) throw new StrapiContentError(listUrl, `documentId ${id} appears twice`);
    seen.add(id);
    return absolutizeMedia(parsed.data, conn.client.baseUrl) as EntryOf[C];
  });
}

/**
 * Published entries with these documentIds, a page of ids per request; ids missing from the result
 * are not published (or gone).
 * @throws like fetchEntries.
 */
export async function fetchByIds<C extends CollectionName>(
  conn: StrapiConnection,
  collection: C,
  ids: Iterable<string>,
): Promise<EntryOf[C][]> {
  const found: EntryOf[C][] = [];
  for (const filters of documentIdFilters([...new Set(ids)])) found.push(...(await fetchEntries(conn, collection, filters)));
  return found;
}

/** Published articles that name the role or skill with this documentId. @throws like fetchEntries. */
export function fetchArticlesOf(conn: StrapiConnection, kind: 'role' | 'skill', documentId: string): Promise<Article[]> {
  return fetchEntries(
    conn,
    'articles',
    new URLSearchParams({ [`filters[${kind === 'role' ? 'roles' : 'skills'}][documentId][$eq]`]: documentId }),
  );
}

/**
 * Everything published.
 * @throws like fetchEntries, and EmptySiteError when there are no articles and the connection does
 * not allow an empty site (ALLOW_EMPTY_SITE).
 */
export async function fetchCollections(conn: StrapiConnection): Promise<Collections> {
  const [articles, roles, skills] = await Promise.all([
    fetchEntries(conn, 'articles'),
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
