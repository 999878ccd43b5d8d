import type { Block } from './blocks.ts';

/**
 * The CMS's index feed: published articles with exactly what a search document is made of, read
 * straight from the database for search-sync's bulk reads and re-reads (no cover or SEO joins,
 * which the site needs and the index does not). API tokens with `find` on articles only.
 *
 * `GET ARTICLES_PATH?after=<id>&limit=<1–MAX_PAGE_SIZE>`: articles with an id above `after`, in id
 * order, `meta.total` on the first page. `GET ARTICLES_PATH?ids=<documentId>,…` (up to
 * MAX_IDS_PER_REQUEST): the published ones among them. `GET STAMPS_PATH`: every published
 * article's documentId and updatedAt, in one answer.
 */
export const INDEX_FEED = {
  ARTICLES_PATH: '/api/index-feed/articles',
  STAMPS_PATH: '/api/index-feed/stamps',
  /** Articles a page holds when the reader gives no `limit`. */
  DEFAULT_PAGE: 250,
} as const;

/** The article fields the feed answers, and the fields of each related role and skill (with the id Strapi joins by). */
export const FEED_ARTICLE_FIELDS = [
  'id',
  'documentId',
  'title',
  'slug',
  'excerpt',
  'body',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
] as const;
export const FEED_RELATION_FIELDS = ['id', 'documentId', 'name', 'slug'] as const;

export type FeedRelation = { documentId: string; name: string; slug: string };

export type FeedArticle = {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  excerpt: string | null;
  /** As the CMS stores it, not validated: readers cope with block types they do not know. */
  body: Block[] | null;
  updatedAt: string;
  publishedAt: string;
  /** When it first went live; `publishedAt` moves on every publish. */
  firstPublishedAt: string | null;
  roles: FeedRelation[];
  skills: FeedRelation[];
};

/** What reconcile compares: the document and when it last changed. */
export type ArticleStamp = { documentId: string; updatedAt: string };

export type FeedArticlesAnswer = { data: FeedArticle[]; meta: { total?: number } };
export type FeedStampsAnswer = { data: ArticleStamp[] };
