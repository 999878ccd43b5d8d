import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncApi, trackingRefused } from './sync-api.ts';

const nav = (over: Record<string, unknown>) => over as unknown as Navigator;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sync api', () => {
  it('knows Do Not Track and Global Privacy Control', () => {
    expect(trackingRefused(nav({ doNotTrack: '1' }))).toBe(true);
    expect(trackingRefused(nav({ globalPrivacyControl: true }))).toBe(true);
    expect(trackingRefused(nav({ doNotTrack: null }))).toBe(false);
  });

  it('sends a report as JSON, kept alive, without credentials, and none when tracking is refused or there is no URL', () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    createSyncApi('https://sync.test/', nav({})).report({ type: 'click', q: ' react ', results: 3, position: 1 });
    createSyncApi('https://sync.test', nav({ globalPrivacyControl: true })).report({ type: 'search', q: 'x', results: 1 });
    createSyncApi(undefined, nav({})).report({ type: 'search', q: 'x', results: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('https://sync.test/analytics', {
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"click","q":"react","results":3,"position":1}',
    });
  });

  it('fetches terms and popular queries once, and copes with search-sync being away', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.includes('popular') ? Response.json({ queries: [{ query: 'docker', visitors: 4 }] }) : new Response('{}', { status: 503 }),
    );
    vi.stubGlobal('fetch', fetch);
    const api = createSyncApi('https://sync.test', nav({}));
    await expect(api.popular()).resolves.toEqual(['docker']);
    await expect(api.popular()).resolves.toEqual(['docker']);
    await expect(api.terms()).resolves.toEqual({ terms: [], stopWords: [] });
    expect(fetch).toHaveBeenCalledTimes(2);
    await expect(createSyncApi(undefined, nav({})).popular()).resolves.toEqual([]);
  });
});
