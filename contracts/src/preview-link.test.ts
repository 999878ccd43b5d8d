import { describe, expect, it } from 'vitest';
import { LINK_TTL_MS, PREVIEW_PATH, renewedGrant, signedPath, verifyPreview, type PreviewGrant } from './preview-link.ts';

const SECRET = 'preview-secret-0123456789abcdef0123456789';
const NOW = Date.UTC(2030, 0, 2, 3, 4, 5);
const GRANT: PreviewGrant = { documentId: 'doc-1', status: 'draft', expires: NOW + LINK_TTL_MS, until: NOW + 3_600_000 };

/** The document id and query of a signed path, as the server reads them. */
function parts(pathAndQuery: string): { documentId: string; query: URLSearchParams } {
  const url = new URL(pathAndQuery, 'http://preview');
  return { documentId: decodeURIComponent(url.pathname.slice(PREVIEW_PATH.length)), query: url.searchParams };
}

const verify = (pathAndQuery: string, now = NOW, secret = SECRET) => {
  const { documentId, query } = parts(pathAndQuery);
  return verifyPreview(secret, documentId, query, now);
};

describe('preview link signatures', () => {
  it('accept a link signed for the document and status, until it expires', () => {
    const link = signedPath(SECRET, GRANT);
    expect(verify(link)).toEqual(GRANT);
    expect(verify(link, GRANT.expires - 1)).toEqual(GRANT);
    expect(verify(link, GRANT.expires)).toMatchObject({ status: 403, message: expect.stringContaining('expired') });
  });

  it('refuse a link signed with another secret (forged)', () => {
    expect(verify(signedPath('another-secret-0123456789abcdef0123', GRANT))).toMatchObject({
      status: 403,
      message: expect.stringContaining('not valid'),
    });
  });

  it('refuse a signature moved to another document or status', () => {
    const { query } = parts(signedPath(SECRET, GRANT));
    expect(verifyPreview(SECRET, 'doc-2', query, NOW)).toMatchObject({ status: 403 });
    query.set('status', 'published');
    expect(verifyPreview(SECRET, 'doc-1', query, NOW)).toMatchObject({ status: 403 });
  });

  it('refuse a link whose expiry or session end was pushed back', () => {
    const { query } = parts(signedPath(SECRET, GRANT));
    query.set('expires', String(GRANT.expires + 60_000));
    expect(verifyPreview(SECRET, 'doc-1', query, NOW)).toMatchObject({ status: 403 });
    const other = parts(signedPath(SECRET, GRANT)).query;
    other.set('until', String(GRANT.until + 60_000));
    expect(verifyPreview(SECRET, 'doc-1', other, NOW)).toMatchObject({ status: 403 });
  });

  it.each(['signature', 'status', 'expires', 'until'])('refuse a link without its %s as unsigned (401)', (name) => {
    const { query } = parts(signedPath(SECRET, GRANT));
    query.delete(name);
    expect(verifyPreview(SECRET, 'doc-1', query, NOW)).toMatchObject({ status: 401, message: expect.stringContaining('not signed') });
  });

  it('refuse a bare link, an unknown status and a signature of another length', () => {
    expect(verifyPreview(SECRET, 'doc-1', new URLSearchParams(), NOW)).toMatchObject({ status: 401 });
    const { query } = parts(signedPath(SECRET, GRANT));
    query.set('status', 'any');
    expect(verifyPreview(SECRET, 'doc-1', query, NOW)).toMatchObject({ status: 401 });
    query.set('status', 'draft');
    query.set('signature', 'short');
    expect(verifyPreview(SECRET, 'doc-1', query, NOW)).toMatchObject({ status: 403 });
  });

  it('renew a link for ten more minutes, never past the end of the session', () => {
    expect(renewedGrant(GRANT, NOW + 5 * 60_000)).toEqual({ ...GRANT, expires: NOW + 5 * 60_000 + LINK_TTL_MS });
    expect(renewedGrant(GRANT, GRANT.until - 1_000)?.expires).toBe(GRANT.until);
    expect(renewedGrant(GRANT, GRANT.until)).toBeNull();
  });
});
