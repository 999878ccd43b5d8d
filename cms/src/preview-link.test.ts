import { PREVIEW_PATH, verifyPreview } from '@stackguide/contracts/preview-link';
import { describe, expect, it } from 'vitest';
import { ARTICLE_UID, previewLink } from './preview-link';

const OPTS = { previewUrl: 'http://127.0.0.1:4321', secret: 'preview-secret-0123456789abcdef', now: Date.UTC(2030, 0, 1) };

describe('previewLink', () => {
  it("links to the site server's preview of the document, signed for ten minutes", () => {
    const link = new URL(previewLink(ARTICLE_UID, { documentId: 'abc', status: 'published' }, OPTS)!);
    expect(link.origin + link.pathname).toBe(`http://127.0.0.1:4321${PREVIEW_PATH}abc`);
    expect(verifyPreview(OPTS.secret, 'abc', link.searchParams, OPTS.now)).toMatchObject({
      documentId: 'abc',
      status: 'published',
      expires: OPTS.now + 10 * 60_000,
    });
  });

  it('previews the draft unless the published version is asked for', () => {
    expect(new URL(previewLink(ARTICLE_UID, { documentId: 'abc' }, OPTS)!).searchParams.get('status')).toBe('draft');
  });

  it('has nothing to show for other content types or without a document', () => {
    expect(previewLink('api::role.role', { documentId: 'abc' }, OPTS)).toBeNull();
    expect(previewLink(ARTICLE_UID, {}, OPTS)).toBeNull();
  });
});
