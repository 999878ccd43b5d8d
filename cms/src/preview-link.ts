import { newGrant, signedPath } from '@stackguide/contracts/preview-link';

export const ARTICLE_UID = 'api::article.article';

export type PreviewLinkOptions = { previewUrl: string; secret: string; now?: number };

/**
 * The signed link to the site server's preview of one article in one status (draft or
 * published). Other content types have no page of their own to preview: null.
 */
export function previewLink(
  uid: string,
  params: { documentId?: string | undefined; status?: string | undefined },
  opts: PreviewLinkOptions,
): string | null {
  if (uid !== ARTICLE_UID || !params.documentId) return null;
  const status = params.status === 'published' ? 'published' : 'draft';
  return `${opts.previewUrl}${signedPath(opts.secret, newGrant(params.documentId, status, opts.now ?? Date.now()))}`;
}
