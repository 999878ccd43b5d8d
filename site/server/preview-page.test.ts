import { describe, expect, it } from 'vitest';
import { previewDocument } from './preview-page.ts';

const PAGE = '<!doctype html><html lang="en"><head><title>A</title></head><body class="x"><h1>A</h1></body></html>';
const LINKS = { next: '/__preview/articles/a?status=draft&signature=$&x</script>', renew: '/__preview/renew/articles/a?status=draft' };

describe('previewDocument', () => {
  it('adds noindex, the version banner and the reload script, taking links as text', () => {
    const html = previewDocument(PAGE, 'draft', LINKS);
    expect(html).toContain('<head><meta name="robots" content="noindex, nofollow">');
    expect(html).toMatch(/<body class="x"><p role="note" data-preview-banner [^>]*>Preview of the draft/);
    expect(html).toContain("event.data.type === 'strapiUpdate'");
    expect(html).toContain('event.source === window.parent');
    expect(html).toContain('signature=$\\u0026x\\u003c/script\\u003e');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(previewDocument(PAGE, 'published', LINKS)).toContain('Preview of the published version');
  });
});
