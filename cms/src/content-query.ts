import { PUBLIC_MAX_PAGE_SIZE } from '@stackguide/contracts/rest-api';
import type { Core } from '@strapi/strapi';

type Populate = Record<string, unknown>;

export type Auth = { strategy?: { name?: string }; credentials?: { name?: unknown } };

/** Strapi's strategy for content API tokens (@strapi/admin strategies/content-api-token). */
const API_TOKEN_STRATEGY = 'content-api-token';

// API tokens may ask for pages up to `rest.maxLimit`: those are for bulk readers, not a way for
// anyone to make Strapi serialise a thousand bodies a call.

/** `pagination` with `pageSize` and `limit` capped at PUBLIC_MAX_PAGE_SIZE. */
function capPagination(pagination: unknown): unknown {
  if (!pagination || typeof pagination !== 'object') return pagination;
  const capped: Record<string, unknown> = { ...pagination };
  for (const key of ['pageSize', 'limit']) {
    if (Number(capped[key]) > PUBLIC_MAX_PAGE_SIZE) capped[key] = String(PUBLIC_MAX_PAGE_SIZE);
  }
  return capped;
}

/** True when the request carries a content API token (not a user, not anonymous). */
export function isApiToken(auth: Auth | undefined): boolean {
  return auth?.strategy?.name === API_TOKEN_STRATEGY;
}

/** True when the request carries the API token named `tokenName` (not a user, not another token). */
function isToken(auth: Auth | undefined, tokenName: string): boolean {
  return isApiToken(auth) && auth?.credentials?.name === tokenName;
}

/**
 * Route middleware for the public content API.
 *
 * It removes `status` from the query: Strapi 5 serves drafts to anyone allowed to `find` when asked
 * with `status=draft`, and our public role and read-only token must only ever see published
 * content. Only the API token named `draftReader` (the site server's preview, PREVIEW_READ_TOKEN)
 * keeps a `status` of exactly `draft` or `published`. It also applies a fixed populate when the caller chooses neither `populate` nor
 * `fields`, so the site gets the full JSON shape without repeating populate parameters, while a
 * caller that picks its fields (search-sync's reconcile) gets only those, without the joins.
 * Anonymous callers' pages are capped at PUBLIC_MAX_PAGE_SIZE.
 */
export function contentQuery(defaultPopulate?: Populate, draftReader?: string) {
  return (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
    async (ctx: { query: Record<string, unknown>; state: { auth?: Auth } }, next: () => Promise<void>) => {
      const query = { ...ctx.query };
      const mayChoose =
        draftReader !== undefined && isToken(ctx.state.auth, draftReader) && (query.status === 'draft' || query.status === 'published');
      if (!mayChoose) delete query.status;
      if (defaultPopulate && query.populate === undefined && query.fields === undefined) query.populate = defaultPopulate;
      if (!isApiToken(ctx.state.auth)) query.pagination = capPagination(query.pagination);
      ctx.query = query;
      await next();
    };
}
