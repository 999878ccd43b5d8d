import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

/**
 * Strapi 5 stamps `publishedAt` anew on every publish, so an edit of a years-old article would make
 * it the newest one on the site and in search. `firstPublishedAt` keeps the date it first went live:
 * once a first publish has succeeded, both versions get that publish's `publishedAt`; later publishes
 * leave it alone, and so does a publish that fails. Editors can still correct it by hand. Readers
 * that see the article before the stamp lands (a webhook's re-fetch) fall back to `publishedAt`,
 * which is the same date then.
 */
export function registerFirstPublished(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== ARTICLE) return next();
    const params = ctx.params as { documentId?: string; status?: string };
    // A create or update with status "published" publishes too, without passing through "publish".
    const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (publishing && documentId) await stampFirstPublished(strapi, documentId);
    return result;
  });
}

/**
 * Sets `firstPublishedAt` where it is missing on published articles (only `documentId`'s rows when
 * given) to the earliest `publishedAt` they have: right after a first publish that is its date; for
 * articles published before the field existed, it is the best date there is. One statement.
 * @returns the number of rows changed.
 */
export async function stampFirstPublished(strapi: Core.Strapi, documentId?: string): Promise<number> {
  const table = strapi.db.metadata.get(ARTICLE).tableName;
  // Inside the publish's transaction when there is one: SQLite has a single connection, which it holds.
  return strapi.db.transaction(async ({ trx }) => {
    const published = trx(table).select('document_id').whereNotNull('published_at');
    return trx(table)
      .whereNull('first_published_at')
      .whereIn('document_id', documentId ? published.where('document_id', documentId) : published)
      .update({
        first_published_at: trx(`${table} as published`)
          .min('published.published_at')
          .whereRaw('?? = ??', ['published.document_id', `${table}.document_id`])
          .whereNotNull('published.published_at'),
      });
  });
}

/**
 * Dates a just-created published article `daysAgo` in the past, as first published and as last
 * published (demo and generated content, so "latest articles" has a meaningful order).
 */
export async function backdatePublished(strapi: Core.Strapi, documentId: string, daysAgo: number): Promise<void> {
  const when = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000);
  await strapi.db.query(ARTICLE).updateMany({ where: { documentId }, data: { firstPublishedAt: when } });
  await strapi.db.query(ARTICLE).updateMany({ where: { documentId, publishedAt: { $notNull: true } }, data: { publishedAt: when } });
}
