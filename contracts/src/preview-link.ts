/**
 * Draft preview links: the CMS signs them (HMAC-SHA256 with PREVIEW_SECRET) for editors' browsers,
 * the site server checks them before it renders a draft.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Which version of an article a preview link shows. */
export type PreviewStatus = 'draft' | 'published';

/**
 * What a signed preview link grants: one article in one status, until `expires` (ms since the
 * epoch). `until` caps how long the open preview may renew its link (see renewedGrant).
 */
export type PreviewGrant = { documentId: string; status: PreviewStatus; expires: number; until: number };

export const PREVIEW_PATH = '/__preview/articles/';
/** How long one link works: long enough to open it, short enough that a leaked one soon dies. */
export const LINK_TTL_MS = 10 * 60_000;
/** How long an open preview may keep renewing its link (one editing session). */
export const SESSION_MS = 8 * 60 * 60_000;

/** The signed text: everything a link grants. */
const payload = (g: PreviewGrant) => ['article', g.documentId, g.status, g.expires, g.until].join('\n');

const mac = (secret: string, g: PreviewGrant) => createHmac('sha256', secret).update(payload(g)).digest('base64url');

/** A fresh link's grant: one article in one status, from `now` for one link's and one session's time. */
export function newGrant(documentId: string, status: PreviewStatus, now: number): PreviewGrant {
  return { documentId, status, expires: now + LINK_TTL_MS, until: now + SESSION_MS };
}

/** The link's path and query (relative to the preview origin) for a grant. */
export function signedPath(secret: string, g: PreviewGrant): string {
  const query = new URLSearchParams({ status: g.status, expires: String(g.expires), until: String(g.until), signature: mac(secret, g) });
  return `${PREVIEW_PATH}${encodeURIComponent(g.documentId)}?${query}`;
}

/** Why a link is refused: a missing or malformed part is 401, a wrong or stale signature 403. */
export type Refusal = { status: 401 | 403; message: string };

const INTEGER = /^\d{1,15}$/;

/**
 * Checks a preview link: every part present, the HMAC-SHA256 over document, status and times
 * equal (compared in constant time), and not expired at `now`.
 */
export function verifyPreview(secret: string, documentId: string, query: URLSearchParams, now: number): PreviewGrant | Refusal {
  const status = query.get('status');
  const expires = query.get('expires') ?? '';
  const until = query.get('until') ?? '';
  const signature = query.get('signature');
  if (!signature || (status !== 'draft' && status !== 'published') || !INTEGER.test(expires) || !INTEGER.test(until) || documentId === '')
    return { status: 401, message: 'This preview link is not signed. Open the preview from the article in the admin.' };
  const grant: PreviewGrant = { documentId, status, expires: Number(expires), until: Number(until) };
  const expected = Buffer.from(mac(secret, grant));
  const presented = Buffer.from(signature);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
    return { status: 403, message: 'This preview link is not valid. Open the preview from the article in the admin.' };
  if (grant.expires <= now || grant.until <= now)
    return { status: 403, message: 'This preview link has expired. Open the preview again from the article in the admin.' };
  return grant;
}

/** A fresh grant for the same article and status, while the session lasts; null once it is over. */
export function renewedGrant(g: PreviewGrant, now: number): PreviewGrant | null {
  if (g.until <= now) return null;
  return { ...g, expires: Math.min(now + LINK_TTL_MS, g.until) };
}
