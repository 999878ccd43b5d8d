import type { Block } from '@stackguide/contracts/blocks';
import { type ArticleEntry, articleEntrySchema, roleSchema, skillSchema } from '@stackguide/contracts/entries';

/** An article as the CMS answers it, dated by when it first went live, with its whole body. */
export type FetchedArticle = Omit<ArticleEntry, 'firstPublishedAt'>;

/**
 * Where an article's body is, and what lists need of it. Builds keep bodies out of memory (a body
 * store on disk, see server/body-store.ts): a large site's bodies would not fit. `key` is the
 * digest of the body, so an entry's digest changes with its body.
 */
export type BodyRef = { key: string; minutes: number; images: string[] };

/** An article as builds hold it: everything but the body, which is read when its page renders. */
export type Article = Omit<FetchedArticle, 'body'> & { body: BodyRef };

/** Reads the body an article's BodyRef points at (the article page is the one reader). */
export type BodyReader = { read(ref: BodyRef): Block[] };

/**
 * Strapi stamps publishedAt anew on every publish (an edit would make an old article the newest):
 * the site dates and orders an article by when it first went live (cms/src/first-published.ts).
 */
export const articleSchema = articleEntrySchema.transform(
  ({ firstPublishedAt, ...article }): FetchedArticle => ({ ...article, publishedAt: firstPublishedAt ?? article.publishedAt }),
);

export const collectionSchemas = { articles: articleSchema, roles: roleSchema, skills: skillSchema } as const;
export type CollectionName = keyof typeof collectionSchemas;
