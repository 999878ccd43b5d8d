import { type Block, documentIdChunks, keysetPageQuery, LISTING_PAGE } from '@stackguide/content';
import { StrapiError } from './errors.ts';

export type StrapiArticle = {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  excerpt?: string | null;
  /** As Strapi sends it, not validated: blocksText copes with block types it does not know. */
  body?: Block[] | null;
  updatedAt: string;
  publishedAt: string;
  /** When it first went live; Strapi's `publishedAt` moves on every publish (cms/src/first-published.ts). */
  firstPublishedAt?: string | null;
  roles?: { documentId: string; name: string; slug: string }[] | null;
  skills?: { documentId: string; name: string; slug: string }[] | null;
};

/** The "Search settings" single type as the REST API returns it. */
export type StrapiSearchSettings = { synonymGroups?: { words?: string | null }[] | null; stopWords?: string | null };

/** What reconcile compares: the document and when it last changed. */
export type ArticleStamp = { documentId: string; updatedAt: string };
export type ArticlePage = { items: StrapiArticle[]; total: number };

type Page<T> = { data: T[]; meta?: { pagination?: { total?: number } } };

/** Requests bulk work (reindex, a deep queue) keeps in flight to Strapi at once. */
export const MAX_IN_FLIGHT = 4;

/** Read-only client for the parts of Strapi's REST API search-sync needs. */
export class StrapiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 15_000,
    private readonly pageSizes: typeof LISTING_PAGE = LISTING_PAGE,
  ) {}

  /**
   * The published article with this documentId, or null when it is not published (or gone).
   * @throws StrapiError on any status but 200 or when Strapi is unreachable.
   */
  async getPublishedArticle(documentId: string): Promise<StrapiArticle | null> {
    return (await this.getPublishedArticles([documentId])).get(documentId) ?? null;
  }

  /**
   * The published state of many articles from the CMS's index feed, IDS_PER_REQUEST per request,
   * MAX_IN_FLIGHT at once: the map holds those that are published; an id missing from it is
   * unpublished or gone. The feed skips the REST layer's per-request work, which a publish waits on.
   * @throws StrapiError on any status but 200 or when Strapi is unreachable.
   */
  async getPublishedArticles(documentIds: string[]): Promise<Map<string, StrapiArticle>> {
    const requests = documentIdChunks(documentIds);
    const found = new Map<string, StrapiArticle>();
    for (let i = 0; i < requests.length; i += MAX_IN_FLIGHT) {
      const pages = await Promise.all(requests.slice(i, i + MAX_IN_FLIGHT).map((ids) => this.articlesById(ids)));
      for (const article of pages.flatMap((page) => page?.data ?? [])) found.set(article.documentId, article);
    }
    return found;
  }

  private async articlesById(ids: string[]): Promise<{ data: StrapiArticle[] } | null> {
    const path = '/api/index-feed/articles';
    const body = await this.get<{ data: StrapiArticle[] }>(path, new URLSearchParams({ ids: ids.join(',') }));
    const asked = new Set(ids);
    const stray = body?.data.find((article) => !asked.has(article.documentId));
    // A CMS older than `?ids=` answers its first page instead: read as "the rest is unpublished", that
    // would delete published articles from the index.
    if (stray) throw new StrapiError(`Strapi's index feed answered article ${stray.documentId}, which was not asked for: the CMS predates ?ids= (upgrade it first)`, `${this.baseUrl}${path}`);
    return body;
  }

  /**
   * The editors' search vocabulary, or null when the CMS has no "Search settings" entry.
   * @throws StrapiError on any other status or when Strapi is unreachable.
   */
  async getSearchSettings(): Promise<StrapiSearchSettings | null> {
    const body = await this.get<{ data: StrapiSearchSettings | null }>('/api/search-setting', new URLSearchParams({ 'populate[synonymGroups]': 'true' }), true);
    return body?.data ?? null;
  }

  /**
   * Every published article with what a search document needs, a page at a time in id order, from
   * the CMS's index feed (cms/src/api/article/controllers/index-feed.ts); the next page is requested
   * while the caller works on the current one, each asking for the articles after the last id seen.
   * An article republished meanwhile gets a new id, so it comes again later with its new content; one
   * deleted meanwhile is simply not met. `total` is the count when the listing started.
   * @throws StrapiError when a page cannot be fetched.
   */
  publishedArticles(): AsyncGenerator<ArticlePage> {
    return this.keyset(async (after) => {
      const query = new URLSearchParams({ after: String(after), limit: String(this.pageSizes.documents) });
      const body = await this.get<{ data: StrapiArticle[]; meta?: { total?: number } }>('/api/index-feed/articles', query);
      return { items: body?.data ?? [], total: body?.meta?.total };
    }, this.pageSizes.documents);
  }

  /**
   * (documentId, updatedAt) of every published article, in one request to the index feed.
   * @throws StrapiError when it cannot be fetched.
   */
  async publishedStamps(): Promise<ArticleStamp[]> {
    const body = await this.get<{ data: ArticleStamp[] }>('/api/index-feed/stamps', new URLSearchParams());
    return body?.data ?? [];
  }

  /**
   * documentIds of published articles that reference the role or skill with this documentId.
   * @throws StrapiError when Strapi fails.
   */
  async articlesReferencing(kind: 'role' | 'skill', documentId: string): Promise<string[]> {
    const relation = kind === 'role' ? 'roles' : 'skills';
    const filters = new URLSearchParams({ [`filters[${relation}][documentId][$eq]`]: documentId, 'fields[0]': 'updatedAt' });
    const pageSize = this.pageSizes.stamps;
    const pages = this.keyset(async (after) => {
      const body = await this.get<Page<StrapiArticle>>('/api/articles', keysetPageQuery(filters, after, pageSize));
      return { items: body?.data ?? [], total: body?.meta?.pagination?.total };
    }, pageSize);
    const ids: string[] = [];
    for await (const { items } of pages) ids.push(...items.map((a) => a.documentId));
    return ids;
  }

  /**
   * Pages of `fetchPage(afterId)` until one comes back short, the next requested while the caller
   * works on the current one (keyset paging: an offset would shift when rows come and go).
   */
  private async *keyset<T extends { id: number }>(fetchPage: (afterId: number) => Promise<{ items: T[]; total?: number }>, pageSize: number): AsyncGenerator<{ items: T[]; total: number }> {
    const first = await fetchPage(0);
    const total = first.total ?? first.items.length;
    let page = first;
    while (true) {
      const last = page.items.at(-1);
      const next = last && page.items.length === pageSize ? fetchPage(last.id) : undefined;
      // A failure surfaces when the caller gets to that page; this only keeps an abandoned one quiet.
      next?.catch(() => undefined);
      yield { items: page.items, total };
      if (!next) return;
      page = await next;
    }
  }

  /** True when Strapi answers its health endpoint. */
  async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.baseUrl}/_health`, { signal: AbortSignal.timeout(3_000) });
      await res.body?.cancel();
      return res.status < 500;
    } catch {
      return false;
    }
  }

  private async get<T>(path: string, query: URLSearchParams, allow404 = false): Promise<T | null> {
    const url = `${this.baseUrl}${path}?${query.toString()}`;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new StrapiError(`Strapi unreachable at ${this.baseUrl}`, url, undefined, { cause: err });
    }
    if (allow404 && res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      const text = (await res.text().catch(() => '')).slice(0, 300);
      throw new StrapiError(`Strapi answered ${res.status} for ${path}: ${text}`, url, res.status);
    }
    return (await res.json()) as T;
  }
}
