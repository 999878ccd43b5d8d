import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ARTICLE_UID, previewLink } from './preview-link';

const OPTS = { previewUrl: 'http://127.0.0.1:4321', secret: 'preview-secret-0123456789abcdef', now: Date.UTC(2030, 0, 1) };

describe('previewLink', () => {
  it('signs the document, status and times for the site server, valid for ten minutes', () => {
    const link = new URL(previewLink(ARTICLE_UID, { documentId: 'abc', status: 'published' }, OPTS)!);
    expect(link.origin + link.pathname).toBe('http://127.0.0.1:4321/__preview/articles/abc');
    const q = link.searchParams;
    expect(q.get('status')).toBe('published');
    expect(Number(q.get('expires'))).toBe(OPTS.now + 10 * 60_000);
    const text = ['article', 'abc', 'published', q.get('expires'), q.get('until')].join('\n');
    expect(q.get('signature')).toBe(createHmac('sha256', OPTS.secret).update(text).digest('base64url'));
  });

  it('previews the draft unless the published version is asked for', () => {
    expect(new URL(previewLink(ARTICLE_UID, { documentId: 'abc' }, OPTS)!).searchParams.get('status')).toBe('draft');
  });

  it('has nothing to show for other content types or without a document', () => {
    expect(previewLink('api::role.role', { documentId: 'abc' }, OPTS)).toBeNull();
    expect(previewLink(ARTICLE_UID, {}, OPTS)).toBeNull();
  });
});
