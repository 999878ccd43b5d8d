import { describe, expect, it } from 'vitest';
import { apiHeaders, headersFile, previewHeaders, readHeadersFile, siteHeaders } from './security-headers.ts';

const config = {
  siteUrl: 'https://stackguide.example',
  meiliPublicUrl: 'https://search.stackguide.example/',
  searchSyncPublicUrl: 'https://stackguide.example/search-sync',
};
const directives = (csp: string | undefined) =>
  Object.fromEntries((csp ?? '').split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('siteHeaders', () => {
  it('lets pages run only their own files and talk only to the search origins; nobody may frame them', () => {
    const headers = siteHeaders(config);
    const csp = directives(headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'https://search.stackguide.example', 'https://stackguide.example']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'strict-transport-security': 'max-age=31536000',
    });
    expect(headers['content-security-policy']).not.toContain('unsafe');
  });

  it('promises HTTPS only for a site served over HTTPS, and leaves out search origins that are not set', () => {
    const headers = siteHeaders({ siteUrl: 'http://127.0.0.1:4321', meiliPublicUrl: undefined, searchSyncPublicUrl: undefined });
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(directives(headers['content-security-policy'])['connect-src']).toEqual(["'self'"]);
  });
});

describe('previewHeaders', () => {
  it("lets only the admin's origin frame a preview, and runs its inline script and style by nonce", () => {
    const headers = previewHeaders(config, {
      adminUrl: 'https://cms.stackguide.example/admin',
      mediaUrl: 'https://cms.stackguide.example',
      nonce: 'n0nce',
    });
    const csp = directives(headers['content-security-policy']);
    expect(csp['frame-ancestors']).toEqual(['https://cms.stackguide.example']);
    expect(csp['script-src']).toEqual(["'self'", "'nonce-n0nce'"]);
    expect(csp['style-src']).toEqual(["'self'", "'nonce-n0nce'"]);
    expect(csp['img-src']).toEqual(["'self'", 'https://cms.stackguide.example']);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBeUndefined();
  });
});

describe('apiHeaders', () => {
  it('lets nothing of an API answer run or be framed', () => {
    expect(apiHeaders('http://127.0.0.1:4321')).toEqual({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  });
});

describe('_headers file', () => {
  it('reads back what it wrote, and only the rule for every path', () => {
    const headers = siteHeaders(config);
    expect(readHeadersFile(headersFile(headers))).toEqual(headers);
    expect(readHeadersFile(`/admin/*\n  X-Other: 1\n${headersFile({ 'x-one': 'a: b' })}/x\n  X-Two: 2\n`)).toEqual({ 'x-one': 'a: b' });
  });
});
