import { describe, expect, it } from 'vitest';
import type { StackConfig } from './config.ts';
import { urlPortWarnings } from './url-check.ts';

const config = { STRAPI_PORT: 1400, SEARCH_SYNC_PORT: 7710, SITE_PORT: 4321 } as StackConfig;

describe('urlPortWarnings', () => {
  it('warns about a local URL on another port than its part', () => {
    const warnings = urlPortWarnings(
      {
        STRAPI_URL: 'http://127.0.0.1:1337',
        SEARCH_SYNC_URL: 'http://127.0.0.1:7710/webhooks/strapi',
        SITE_BUILD_HOOK_URL: 'http://localhost:4321/__hooks/build',
      },
      config,
    );
    expect(warnings).toEqual(['STRAPI_URL (http://127.0.0.1:1337) does not use STRAPI_PORT (1400); update one of them so they match']);
  });

  it('leaves public URLs (behind a proxy) and empty values alone', () => {
    expect(urlPortWarnings({ STRAPI_URL: 'https://cms.example.com', SITE_BUILD_HOOK_URL: '' }, config)).toEqual([]);
  });
});
