import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type MediaRef = number | string | { id?: number | string; documentId?: string } | null | undefined;
type ArticleData = { cover?: MediaRef; slug?: unknown };

const ARTICLE = 'api::article.article';

/**
 * Why an article slug cannot be used, or null when it can. `/articles/<n>/` is page n of the
 * article list, so a slug of digits only would collide with a pagination URL.
 */
export function slugProblem(slug: string): string | null {
  if (!/^\d+$/.test(slug)) return null;
  return `The slug "${slug}" is only digits, and /articles/${slug}/ is a page of the article list. Add a word to it, for example "article-${slug}".`;
}

/**
 * Rejects an article whose cover image has no alternative text (the site renders every image with
 * alt text, and an empty one would make the cover invisible to screen-reader users), or whose slug
 * would collide with one of the site's routes. Checked when an article is saved and again when it
 * is published, so a draft saved before these rules cannot go live with a bad slug.
 */
export function registerArticleValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== ARTICLE) return next();
    if (ctx.action === 'create' || ctx.action === 'update') {
      const data = (ctx.params as { data?: ArticleData }).data;
      if (data && data.cover !== undefined) await assertCoverHasAlt(strapi, data.cover);
      if (typeof data?.slug === 'string') assertSlugFree(data.slug);
    }
    if (ctx.action === 'publish') {
      const { documentId } = ctx.params as { documentId?: string };
      const draft = documentId ? await strapi.documents(ARTICLE).findOne({ documentId, status: 'draft', fields: ['slug'] }) : null;
      if (typeof draft?.slug === 'string') assertSlugFree(draft.slug);
    }
    return next();
  });
}

function assertSlugFree(slug: string): void {
  const problem = slugProblem(slug);
  // `path` lets the admin show the message under the Slug field as well as in its notification.
  if (problem) throw new errors.ValidationError(problem, { errors: [{ path: ['slug'], message: problem, name: 'ValidationError' }] });
}

async function assertCoverHasAlt(strapi: Core.Strapi, cover: MediaRef): Promise<void> {
  if (cover === null || cover === undefined) return;
  const where = toWhere(cover);
  if (!where) return;
  const file = await strapi.db.query('plugin::upload.file').findOne({ where, select: ['alternativeText', 'name'] });
  if (file && !String(file.alternativeText ?? '').trim()) {
    throw new errors.ValidationError(`The cover image "${file.name}" needs alternative text: describe it in the media library first.`);
  }
}

function toWhere(cover: Exclude<MediaRef, null | undefined>): Record<string, unknown> | null {
  if (typeof cover === 'number') return { id: cover };
  if (typeof cover === 'string') return /^\d+$/.test(cover) ? { id: Number(cover) } : { documentId: cover };
  if (cover.id !== undefined) return { id: Number(cover.id) };
  if (cover.documentId) return { documentId: cover.documentId };
  return null;
}
