import path from 'node:path';
import { ConfigError } from '@stackguide/contracts/parse-config';
import { REPO_ROOT } from '@stackguide/runtime';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = {
  STRAPI_URL: 'http://127.0.0.1:1337/',
  STRAPI_READ_TOKEN: 'token',
  WEBHOOK_SECRET: 'a-long-secret',
  MEILI_URL: 'http://127.0.0.1:7700',
  MEILI_MASTER_KEY: 'master-key-0123456789',
};

describe('loadConfig', () => {
  it('applies defaults and resolves the data dir against the repo root', () => {
    const c = loadConfig({ ...base, MEILI_PUBLIC_URL: '', SITE_BUILD_HOOK_URL: '' });
    expect(c).toMatchObject({
      strapiUrl: 'http://127.0.0.1:1337',
      host: '127.0.0.1',
      port: 7710,
      reconcileIntervalMs: 600_000,
      meiliPublicUrl: 'http://127.0.0.1:7700',
      buildHookUrl: undefined,
      siteOrigin: 'http://127.0.0.1:4321',
      logLevel: 'info',
    });
    expect(c.dataDir).toBe(path.join(REPO_ROOT, '.data/search-sync'));
  });

  it('reads RECONCILE_INTERVAL as a duration', () => {
    expect(loadConfig({ ...base, RECONCILE_INTERVAL: '30s' }).reconcileIntervalMs).toBe(30_000);
    expect(() => loadConfig({ ...base, RECONCILE_INTERVAL: '10' })).toThrow(
      /RECONCILE_INTERVAL must be a positive duration like 30s, 10m or 1h/,
    );
  });

  it('turns semantic search on with EMBEDDER_URL, which then needs EMBEDDER_API_KEY', () => {
    expect(loadConfig(base).embedder).toBeUndefined();
    expect(loadConfig({ ...base, EMBEDDER_URL: 'http://127.0.0.1:7997/', EMBEDDER_API_KEY: 'embedder-key-0123456' }).embedder).toEqual({
      url: 'http://127.0.0.1:7997',
      apiKey: 'embedder-key-0123456',
    });
    expect(() => loadConfig({ ...base, EMBEDDER_URL: 'http://127.0.0.1:7997' })).toThrow(
      /EMBEDDER_API_KEY is required when EMBEDDER_URL is set/,
    );
  });

  it('prefers MEILI_PUBLIC_URL for browsers', () => {
    expect(loadConfig({ ...base, MEILI_PUBLIC_URL: 'https://search.example.com' }).meiliPublicUrl).toBe('https://search.example.com');
  });

  it('takes the origin of SITE_URL as the one origin browsers may report analytics from', () => {
    expect(loadConfig({ ...base, SITE_URL: 'https://stackguide.example/path/' }).siteOrigin).toBe('https://stackguide.example');
    expect(() => loadConfig({ ...base, SITE_URL: 'stackguide.example' })).toThrow(/SITE_URL must be an http\(s\) URL/);
  });

  it('falls back to the bundled Meilisearch on MEILI_PORT when MEILI_URL is empty', () => {
    const c = loadConfig({ ...base, MEILI_URL: '', MEILI_PORT: '7799' });
    expect(c.meiliUrl).toBe('http://127.0.0.1:7799');
    expect(c.meiliPublicUrl).toBe('http://127.0.0.1:7799');
  });

  it('names every missing or malformed variable', () => {
    let error: unknown;
    try {
      loadConfig({ ...base, MEILI_URL: 'localhost:7700', SEARCH_SYNC_PORT: 'x', WEBHOOK_SECRET: undefined });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/MEILI_URL must be an http\(s\) URL like http:\/\/127\.0\.0\.1:7700/);
    expect(message).toMatch(/SEARCH_SYNC_PORT must be a port number/);
    expect(message).toMatch(/WEBHOOK_SECRET is required/);
  });
});
