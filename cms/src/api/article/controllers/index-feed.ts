import { FEED_ARTICLE_FIELDS, FEED_RELATION_FIELDS, INDEX_FEED } from '@stackguide/contracts/index-feed';
import { MAX_IDS_PER_REQUEST } from '@stackguide/contracts/rest-api';
import type { Core } from '@strapi/strapi';
import { type Auth, isApiToken } from '../../../content-query';

const ARTICLE = 'api::article.article';
const PUBLISHED = { publishedAt: { $notNull: true } };
/** Strapi's documentIds are cuid2 strings; anything else cannot name an article. */
const DOCUMENT_ID = /^[A-Za-z0-9]{1,64}$/;
const DOCUMENT_FIELDS = [...FEED_ARTICLE_FIELDS];
const RELATION = { select: [...FEED_RELATION_FIELDS] };

type Ctx = {
  query: Record<string, unknown>;
  state: { auth?: Auth };
  body: unknown;
  badRequest(message: string): void;
  forbidden(message: string): void;
};

/** The documentIds of a comma-separated `ids` value, or null when one is malformed or there are too many. */
function documentIds(value: unknown): string[] | null {
  if (typeof value !== 'string') return null;
  const ids = value.split(',');
  return ids.length <= MAX_IDS_PER_REQUEST && ids.every((id) => DOCUMENT_ID.test(id)) ? ids : null;
}

/** A whole number in [min, max] from a query value; `fallback` when absent, null when invalid. */
function wholeNumber(value: unknown, fallback: number, min: number, max: number): number | null {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * Reads the database directly: for a bulk read, Strapi's REST listing spends most of its time on
 * permission-aware query building, output sanitizing and response shaping per entry, on the same
 * cores Meilisearch indexes on during a reindex. Only published rows are read: drafts never leave.
 * Bulk answers are for API tokens only (search-sync, the site build), as pages over 100 are.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The most articles one page may hold: the REST API's own `rest.maxLimit` (config/api.ts). */
  const maxPage = strapi.config.get<number>('api.rest.maxLimit');
  return {
    /**
     * `?after=<id>&limit=<n>`: published articles with an id above `after`, in id order; `meta.total`
     * on the first page. `?ids=<documentId>,…`: the published ones among those articles (a missing one
     * is unpublished or gone), as a publish or a reconcile re-reads them.
     */
    async articles(ctx: Ctx) {
      if (!isApiToken(ctx.state.auth)) return ctx.forbidden('the index feed is for API tokens');
      const query = strapi.db.query(ARTICLE);
      const populate = { roles: RELATION, skills: RELATION };
      if (ctx.query.ids !== undefined) {
        const ids = documentIds(ctx.query.ids);
        if (ids === null) return ctx.badRequest(`ids must be 1 to ${MAX_IDS_PER_REQUEST} comma-separated documentIds`);
        const data = await query.findMany({
          select: DOCUMENT_FIELDS,
          where: { ...PUBLISHED, documentId: { $in: ids } },
          orderBy: { id: 'asc' },
          populate,
        });
        ctx.body = { data, meta: {} };
        return;
      }
      const after = wholeNumber(ctx.query.after, 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = wholeNumber(ctx.query.limit, INDEX_FEED.DEFAULT_PAGE, 1, maxPage);
      if (after === null || limit === null) return ctx.badRequest(`after must be a whole number ≥ 0 and limit one from 1 to ${maxPage}`);
      const [data, total] = await Promise.all([
        query.findMany({ select: DOCUMENT_FIELDS, where: { ...PUBLISHED, id: { $gt: after } }, orderBy: { id: 'asc' }, limit, populate }),
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
