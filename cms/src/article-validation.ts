import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type MediaRef = number | string | { id?: number | string; documentId?: string } | null | undefined;

/**
 * Rejects an article whose cover image has no alternative text: the site renders every image with
 * alt text, and an empty one would make the cover invisible to screen-reader users.
 */
export function registerArticleValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid === 'api::article.article' && (ctx.action === 'create' || ctx.action === 'update')) {
      const data = (ctx.params as { data?: { cover?: MediaRef } }).data;
      if (data && data.cover !== undefined) await assertCoverHasAlt(strapi, data.cover);
    }
    return next();
  });
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
