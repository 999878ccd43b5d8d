import type { Core } from '@strapi/strapi';

type Populate = Record<string, unknown>;

/**
 * Route middleware for the public content API.
 *
 * It removes `status` from the query: Strapi 5 serves drafts to anyone allowed to `find` when asked
 * with `status=draft`, and our public role and read-only token must only ever see published
 * content. It also applies a fixed populate when the caller chooses neither `populate` nor
 * `fields`, so the site gets the full JSON shape without repeating populate parameters, while a
 * caller that picks its fields (search-sync's reconcile) gets only those, without the joins.
 */
export function contentQuery(defaultPopulate?: Populate) {
  return (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
    async (ctx: { query: Record<string, unknown> }, next: () => Promise<void>) => {
      const query = { ...ctx.query };
      delete query.status;
      if (defaultPopulate && query.populate === undefined && query.fields === undefined) query.populate = defaultPopulate;
      ctx.query = query;
      await next();
    };
}

export const ARTICLE_POPULATE: Populate = {
  cover: { fields: ['url', 'alternativeText', 'width', 'height', 'mime'] },
  seo: { fields: ['metaTitle', 'metaDescription'] },
  roles: { fields: ['name', 'slug'] },
  skills: { fields: ['name', 'slug', 'category'] },
};

export const ROLE_POPULATE: Populate = {
  responsibilities: true,
  salaryBands: true,
  skills: { fields: ['name', 'slug', 'category', 'description'] },
};
