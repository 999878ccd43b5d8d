import type { Core } from '@strapi/strapi';
import { type Auth, isApiToken } from '../../../content-query';

const ARTICLE = 'api::article.article';
const PUBLISHED = { publishedAt: { $notNull: true } };
const DEFAULT_PAGE = 250;

/**
 * What a search document is made of (search-sync's StrapiArticle), the same fields and relations
 * its REST query asks for; search-sync's end-to-end test checks both answers are equal.
 */
const DOCUMENT_FIELDS = ['id', 'documentId', 'title', 'slug', 'excerpt', 'body', 'updatedAt', 'publishedAt', 'firstPublishedAt'];
const RELATION = { select: ['id', 'documentId', 'name', 'slug'] };

type Ctx = {
  query: Record<string, unknown>;
  state: { auth?: Auth };
  body: unknown;
  badRequest(message: string): void;
  forbidden(message: string): void;
};

/** A whole number in [min, max] from a query value; `fallback` when absent, null when invalid. */
function wholeNumber(value: unknown, fallback: number, min: number, max: number): number | null {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * Reads the database directly: for 10,000 articles, Strapi's REST listing spends most of its time on
 * permission-aware query building, output sanitizing and response shaping per entry, on the same
 * cores Meilisearch indexes on during a reindex. Only published rows are read: drafts never leave.
 * Bulk answers are for API tokens only (search-sync, the site build), as pages over 100 are.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The most articles one page may hold: the REST API's own `rest.maxLimit` (config/api.ts). */
  const maxPage = strapi.config.get<number>('api.rest.maxLimit');
  return {
    /** `?after=<id>&limit=<n>`: published articles with an id above `after`, in id order; `meta.total` on the first page. */
    async articles(ctx: Ctx) {
      if (!isApiToken(ctx.state.auth)) return ctx.forbidden('the index feed is for API tokens');
      const after = wholeNumber(ctx.query.after, 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = wholeNumber(ctx.query.limit, DEFAULT_PAGE, 1, maxPage);
      if (after === null || limit === null) return ctx.badRequest(`after must be a whole number ≥ 0 and limit one from 1 to ${maxPage}`);
      const query = strapi.db.query(ARTICLE);
      const [data, total] = await Promise.all([
        query.findMany({
          select: DOCUMENT_FIELDS,
          where: { ...PUBLISHED, id: { $gt: after } },
          orderBy: { id: 'asc' },
          limit,
          populate: { roles: RELATION, skills: RELATION },
        }),
        after === 0 ? query.count({ where: PUBLISHED }) : undefined,
      ]);
      ctx.body = { data, meta: total === undefined ? {} : { total } };
    },

    /** (documentId, updatedAt) of every published article, in id order, in one answer. */
    async stamps(ctx: Ctx) {
      if (!isApiToken(ctx.state.auth)) return ctx.forbidden('the index feed is for API tokens');
      const data = await strapi.db.query(ARTICLE).findMany({
        select: ['documentId', 'updatedAt'],
        where: PUBLISHED,
        orderBy: { id: 'asc' },
      });
      ctx.body = { data };
    },
  };
};
