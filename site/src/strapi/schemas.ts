import { type ArticleEntry, articleEntrySchema, roleSchema, skillSchema } from '@stackguide/contracts/entries';

/** An article as pages use it: dated by when it first went live. */
export type Article = Omit<ArticleEntry, 'firstPublishedAt'>;

/**
 * Strapi stamps publishedAt anew on every publish (an edit would make an old article the newest):
 * the site dates and orders an article by when it first went live (cms/src/first-published.ts).
 */
export const articleSchema = articleEntrySchema.transform(
  ({ firstPublishedAt, ...article }): Article => ({ ...article, publishedAt: firstPublishedAt ?? article.publishedAt }),
);

export const collectionSchemas = { articles: articleSchema, roles: roleSchema, skills: skillSchema } as const;
export type CollectionName = keyof typeof collectionSchemas;
