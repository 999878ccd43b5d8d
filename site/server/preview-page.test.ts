import { describe, expect, it } from 'vitest';
import { previewDocument } from './preview-page.ts';

const PAGE = '<!doctype html><html lang="en"><head><title>A</title></head><body class="x"><h1>A</h1></body></html>';
const LINKS = { next: '/__preview/articles/a?status=draft&signature=$&x</script>', renew: '/__preview/renew/articles/a?status=draft' };

describe('previewDocument', () => {
  it('adds noindex, the version banner and the reload script, taking links as text', () => {
    const html = previewDocument(PAGE, 'draft', LINKS, 'n0nce');
    expect(html).toContain('<head><meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<body class="x"><p role="note" data-preview-banner>Preview of the draft');
    expect(html).toContain("event.data.type === 'strapiUpdate'");
    expect(html).toContain('event.source === window.parent');
    expect(html).toContain('signature=$\\u0026x\\u003c/script\\u003e');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(previewDocument(PAGE, 'published', LINKS, 'n0nce')).toContain('Preview of the published version');
  });

  it('puts its script and style inline only with the nonce the policy allows, and no style attribute', () => {
    const html = previewDocument(PAGE, 'draft', LINKS, 'n0nce');
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script nonce="n0nce">']);
    expect(html.match(/<style[^>]*>/g)).toEqual(['<style nonce="n0nce">']);
    expect(html).not.toContain('style="');
  });
});
