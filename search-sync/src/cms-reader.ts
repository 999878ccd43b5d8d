import { roleSchema, type SearchSettingsEntry, skillSchema } from '@stackguide/contracts/entries';
import {
  type ArticleStamp,
  type FeedArticle,
  type FeedArticlesAnswer,
  type FeedStampsAnswer,
  INDEX_FEED,
} from '@stackguide/contracts/index-feed';
import {
  documentIdChunks,
  documentIdFilters,
  keysetPageQuery,
  JOB_RETRY,
  LISTING_PAGE,
  NO_RETRY,
  StrapiClient,
  StrapiError,
} from '@stackguide/runtime';
import { z } from 'zod';
import type { PageEntry, PageKind } from './page-documents.ts';

const stamped = { updatedAt: z.string() };
/**
 * What is read of each page type through the REST API: roles and skills are few and carry no body,
 * so the API's per-entry cost is small (the index feed exists for articles' bodies), and the API
 * serves published entries only, should roles or skills gain drafts.
 */
const PAGE_READS = {
  role: {
    path: '/api/roles',
    schema: roleSchema.extend(stamped),
    query: {
      'fields[0]': 'name',
      'fields[1]': 'slug',
      'fields[2]': 'tagline',
      'fields[3]': 'summary',
      'fields[4]': 'updatedAt',
      'populate[responsibilities]': 'true',
      'populate[salaryBands]': 'true',
    },
  },
  skill: {
    path: '/api/skills',
    schema: skillSchema.extend(stamped),
    query: { 'fields[0]': 'name', 'fields[1]': 'slug', 'fields[2]': 'category', 'fields[3]': 'description', 'fields[4]': 'updatedAt' },
  },
} as const;

export type ArticlePage = { items: FeedArticle[]; total: number };

type Page<T> = { data: T[]; meta?: { pagination?: { total?: number } } };

/** Requests bulk work (reindex, a deep queue) keeps in flight to Strapi at once. */
export const MAX_IN_FLIGHT = 4;

/**
 * What search-sync reads from the CMS: published articles through its index feed, the editors'
 * vocabulary, and which articles reference a role or skill. A read for queued items is tried once:
 * the queue retries the items on its own schedule. A listing of everything (reindex, reconcile) is
 * retried like a site build's reads, since one dropped connection would throw away every page read
 * before it.
 */
export class CmsReader {
  private readonly client: StrapiClient;
  private readonly listing: StrapiClient;

  constructor(
    baseUrl: string,
    token: string,
    timeoutMs = 15_000,
    private readonly pageSizes: typeof LISTING_PAGE = LISTING_PAGE,
  ) {
    this.client = new StrapiClient({ baseUrl, token, timeoutMs, retry: NO_RETRY });
    this.listing = new StrapiClient({ baseUrl, token, timeoutMs, retry: JOB_RETRY });
  }

  /**
   * The published article with this documentId, or null when it is not published (or gone).
   * @throws StrapiError on any status but 200 or when Strapi is unreachable.
   */
  async getPublishedArticle(documentId: string): Promise<FeedArticle | null> {
    return (await this.getPublishedArticles([documentId])).get(documentId) ?? null;
  }

  /**
   * The published state of many articles from the CMS's index feed, MAX_IN_FLIGHT requests at
   * once: the map holds those that are published; an id missing from it is unpublished or gone.
   * The feed skips the REST layer's per-request work, which a publish waits on.
   * @throws StrapiError on any status but 200 or when Strapi is unreachable.
   */
  async getPublishedArticles(documentIds: string[]): Promise<Map<string, FeedArticle>> {
    const requests = documentIdChunks(documentIds);
    const found = new Map<string, FeedArticle>();
    for (let i = 0; i < requests.length; i += MAX_IN_FLIGHT) {
      const pages = await Promise.all(requests.slice(i, i + MAX_IN_FLIGHT).map((ids) => this.articlesById(ids)));
      for (const article of pages.flat()) found.set(article.documentId, article);
    }
    return found;
  }

  private async articlesById(ids: string[]): Promise<FeedArticle[]> {
    const query = new URLSearchParams({ ids: ids.join(',') });
    const body = await this.client.getJson<FeedArticlesAnswer>(INDEX_FEED.ARTICLES_PATH, query);
    const asked = new Set(ids);
    const stray = body?.data.find((article) => !asked.has(article.documentId));
    // A CMS older than `?ids=` answers its first page instead: read as "the rest is unpublished", that
    // would delete published articles from the index.
    if (stray) {
      const problem = `an answer with article ${stray.documentId}, which was not asked for: the CMS predates ?ids= (upgrade it first)`;
      throw new StrapiError(this.client.url(INDEX_FEED.ARTICLES_PATH, query), problem, 200, 1);
    }
    return body?.data ?? [];
  }

  /**
   * The editors' search vocabulary, or null when the CMS has no "Search settings" entry.
   * @throws StrapiError on any other status or when Strapi is unreachable.
   */
  async getSearchSettings(): Promise<SearchSettingsEntry | null> {
    const query = new URLSearchParams({ 'populate[synonymGroups]': 'true' });
    const body = await this.client.getJson<{ data: SearchSettingsEntry | null }>('/api/search-setting', query, { allow404: true });
    return body?.data ?? null;
  }

  /**
   * Every published article with what a search document needs, a page at a time in id order, from
   * the index feed; the next page is requested while the caller works on the current one. An
   * article republished meanwhile gets a new id, so it comes again later with its new content; one
   * deleted meanwhile is simply not met. `total` is the count when the listing started.
   * @throws StrapiError when a page cannot be fetched.
   */
  publishedArticles(): AsyncGenerator<ArticlePage> {
    return this.listing.keyset(async (after) => {
      const query = new URLSearchParams({ after: String(after), limit: String(this.pageSizes.documents) });
      const body = await this.listing.getJson<FeedArticlesAnswer>(INDEX_FEED.ARTICLES_PATH, query);
      return { items: body?.data ?? [], total: body?.meta.total };
    }, this.pageSizes.documents);
  }

  /**
   * (documentId, updatedAt) of every published article, in one request to the index feed.
   * @throws StrapiError when it cannot be fetched.
   */
  async publishedStamps(): Promise<ArticleStamp[]> {
    return (await this.listing.getJson<FeedStampsAnswer>(INDEX_FEED.STAMPS_PATH))?.data ?? [];
  }

  /**
   * documentIds of published articles that reference the role or skill with this documentId.
   * @throws StrapiError when Strapi fails.
   */
  async articlesReferencing(kind: 'role' | 'skill', documentId: string): Promise<string[]> {
    const relation = kind === 'role' ? 'roles' : 'skills';
    const filters = new URLSearchParams({ [`filters[${relation}][documentId][$eq]`]: documentId, 'fields[0]': 'updatedAt' });
    const pageSize = this.pageSizes.stamps;
    const pages = this.client.keyset(async (after) => {
      const body = await this.client.getJson<Page<{ id: number; documentId: string }>>(
        '/api/articles',
        keysetPageQuery(filters, after, pageSize),
      );
      return { items: body?.data ?? [], total: body?.meta?.pagination?.total };
    }, pageSize);
    const ids: string[] = [];
    for await (const { items } of pages) ids.push(...items.map((a) => a.documentId));
    return ids;
  }

  /**
   * The published roles or skills among these documentIds (a missing one is gone or unpublished).
   * @throws StrapiError when Strapi fails or answers an entry of another shape.
   */
  async getPublishedPages<K extends PageKind>(kind: K, documentIds: string[]): Promise<Map<string, PageEntry<K>>> {
    const found = new Map<string, PageEntry<K>>();
    for (const filters of documentIdFilters(documentIds)) {
      const query = new URLSearchParams({ ...PAGE_READS[kind].query, ...Object.fromEntries(filters) });
      query.set('pagination[pageSize]', String([...filters.keys()].length));
      const body = await this.client.getJson<Page<unknown>>(PAGE_READS[kind].path, query);
      for (const entry of this.parsePages(kind, body?.data ?? [], query)) found.set(entry.documentId, entry);
    }
    return found;
  }

  /**
   * Every published role or skill, a page at a time in id order.
   * @throws StrapiError when Strapi fails or answers an entry of another shape.
   */
  async publishedPages<K extends PageKind>(kind: K): Promise<PageEntry<K>[]> {
    const filters = new URLSearchParams(PAGE_READS[kind].query);
    const pageSize = this.pageSizes.documents;
    const pages = this.listing.keyset(async (after) => {
      const query = keysetPageQuery(filters, after, pageSize);
      const body = await this.listing.getJson<Page<{ id: number }>>(PAGE_READS[kind].path, query);
      return { items: body?.data ?? [], total: body?.meta?.pagination?.total };
    }, pageSize);
    const all: PageEntry<K>[] = [];
    for await (const { items } of pages) all.push(...this.parsePages(kind, items, filters));
    return all;
  }

  private parsePages<K extends PageKind>(kind: K, entries: unknown[], query: URLSearchParams): PageEntry<K>[] {
    return entries.map((entry) => {
      const parsed = PAGE_READS[kind].schema.safeParse(entry);
      if (parsed.success) return parsed.data as PageEntry<K>;
      const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new StrapiError(this.client.url(PAGE_READS[kind].path, query), `a ${kind} of an unexpected shape (${where})`, 200, 1);
    });
  }

  /** True when Strapi answers its health endpoint. */
  healthy(): Promise<boolean> {
    return this.client.healthy();
  }
}
