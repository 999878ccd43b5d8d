import { createHmac } from 'node:crypto';

/** How long a link works, and how long the open preview may keep renewing it (site/server/preview-signature.ts). */
const LINK_TTL_MS = 10 * 60_000;
const SESSION_MS = 8 * 60 * 60_000;

export const ARTICLE_UID = 'api::article.article';

export type PreviewLinkOptions = { previewUrl: string; secret: string; now?: number };

/**
 * The signed link to the site server's preview of one article in one status (draft or
 * published), valid for 10 minutes. The HMAC covers exactly what the site server checks
 * (site/server/preview-signature.ts signs the same text; site/test/preview.test.ts verifies a link
 * this made). Other content types have no page of their own to preview: null.
 */
export function previewLink(uid: string, params: { documentId?: string | undefined; status?: string | undefined }, opts: PreviewLinkOptions): string | null {
  if (uid !== ARTICLE_UID || !params.documentId) return null;
  const now = opts.now ?? Date.now();
  const status = params.status === 'published' ? 'published' : 'draft';
  const expires = now + LINK_TTL_MS;
  const until = now + SESSION_MS;
  const signature = createHmac('sha256', opts.secret).update(['article', params.documentId, status, expires, until].join('\n')).digest('base64url');
  const query = new URLSearchParams({ status, expires: String(expires), until: String(until), signature });
  return `${opts.previewUrl}/__preview/articles/${encodeURIComponent(params.documentId)}?${query}`;
}
