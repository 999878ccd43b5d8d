import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startFakeStrapi, waitFor, type FakeStrapi, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAnalytics, PopularQueries } from '@stackguide/contracts/analytics';
import type { Service } from '../src/service.ts';

import { makeArticle, startService, startTestMeili, tempDir, testConfig } from './helpers.ts';

const SITE = 'http://127.0.0.1:4321';
const ADMIN_SECRET = 'admin-secret-0123456789';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AnalyticsProbe/1.0';
let dir: string;
let meili: MeiliProcess;
let strapi: FakeStrapi<FeedArticle>;
let service: Service;
let base: string;

const config = () =>
  testConfig({
    strapiUrl: strapi.url,
    strapiToken: strapi.token,
    meiliUrl: meili.url,
    dataDir: path.join(dir, 'data'),
    siteOrigin: SITE,
    adminSecret: ADMIN_SECRET,
  });

beforeAll(async () => {
  dir = tempDir('analytics');
  // The index holds "Zebra handbook article 1" and "… 2", about queues: what real searches find.
  strapi = await startFakeStrapi<FeedArticle>({ articles: [makeArticle(1), makeArticle(2)] });
  meili = await startTestMeili(dir);
  ({ service, base } = await startService(config()));
  await waitFor('the index filled', () => service.ready(), { timeoutMs: 30_000 });
});
afterAll(async () => {
  await service?.stop();
  await meili?.stop();
  await strapi?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Init = { body?: string; headers?: Record<string, string>; method?: string };
const post = (body: unknown, headers: Record<string, string> = {}) =>
  send('/analytics', {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: SITE, ...headers },
  });
const send = (route: string, init: Init = {}) =>
  fetch(`${base}${route}`, { method: init.body === undefined ? (init.method ?? 'GET') : 'POST', ...init });
const admin = async (days = 30): Promise<AdminAnalytics> =>
  (await send(`/admin/analytics?days=${days}`, { headers: { authorization: `Bearer ${ADMIN_SECRET}` } })).json() as Promise<AdminAnalytics>;
const searchEvent = (q: string, results = 3) => ({ type: 'search', q, results });
const popular = async (): Promise<string[]> =>
  ((await (await send('/analytics/popular?limit=20')).json()) as PopularQueries).queries.map((q) => q.query);
/** Reports `q` once from each of `visitors` distinct addresses (as the site's nginx forwards them). */
async function searchedBy(q: string, visitors: number, results = 3): Promise<void> {
  for (let i = 1; i <= visitors; i++)
    expect((await post(searchEvent(q, results), { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(204);
}

describe('POST /analytics refuses what it must', () => {
  it('answers a preflight from SITE_URL with CORS headers, and refuses other origins', async () => {
    const preflight = await send('/analytics', {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    const foreign = await send('/analytics', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(searchEvent('foreign origin'), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await send('/analytics/popular', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('413 for a body over 1 KB, 415 for another content type, 400 for bad JSON or unknown fields', async () => {
    expect((await post({ type: 'search', q: 'x'.repeat(2000), results: 1 })).status).toBe(413);
    expect((await post(JSON.stringify(searchEvent('text plain')), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('{"type": "search",')).status).toBe(400);
    expect((await post({ ...searchEvent('with a visitor id'), visitorId: 'abc' })).status).toBe(400);
    expect((await post({ type: 'click', q: 'no position', results: 2 })).status).toBe(400);
    expect((await post({ type: 'search', q: '', results: 2 })).status).toBe(400);
    expect((await send('/analytics')).status).toBe(405);
  });

  it('stores nothing when the browser sends DNT: 1 or Sec-GPC: 1', async () => {
    expect((await post(searchEvent('do not track me'), { dnt: '1' })).status).toBe(204);
    expect((await post(searchEvent('global privacy control'), { 'sec-gpc': '1' })).status).toBe(204);
    const rows = service.analytics.db
      .prepare("SELECT query FROM query_days WHERE query IN ('do not track me', 'global privacy control')")
      .all();
    expect(rows).toEqual([]);
  });
});

describe('aggregates', () => {
  it('shows a query publicly and to the admin only once 3 visitors searched it; clicks make the click-through', async () => {
    await searchedBy('Zebra Handbook', 2, 4);
    expect(await popular()).toEqual([]);
    expect((await admin()).topQueries).toEqual([]);
    await post(searchEvent('zebra handbook', 6), { 'x-forwarded-for': '198.51.100.3' });
    await post({ type: 'click', q: 'zebra handbook', results: 6, position: 2 });
    const answer = await send('/analytics/popular?limit=3', { headers: { origin: SITE } });
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await answer.json()).toEqual({ queries: [{ query: 'zebra handbook', visitors: 3 }] });
    const report = await admin();
    expect(report.topQueries).toEqual([{ query: 'zebra handbook', searches: 3, avgResults: 4.7, clicks: 1 }]);
    expect(report.clickThrough).toMatchObject({ clicks: 1, byPosition: [0, 1] });
    expect(report.clickThrough.searches).toBeGreaterThanOrEqual(3);
  });

  it('never shows what one client reports, however many reports it sends', async () => {
    for (let i = 0; i < 30; i++)
      expect((await post(searchEvent('queues zebra', 7), { 'x-forwarded-for': '203.0.113.66' })).status).toBe(204);
    // Nor from other addresses of its IPv6 network.
    for (let i = 1; i <= 5; i++) await post(searchEvent('queues zebra', 7), { 'x-forwarded-for': `2001:db8:5:6::${i}` });
    expect(await popular()).not.toContain('queues zebra');
    expect((await admin()).topQueries.map((q) => q.query)).not.toContain('queues zebra');
  });

  it('never shows a query that finds nothing in the index, whatever result count the visitors claimed', async () => {
    await searchedBy('buy cheap pills at spam example', 5, 7);
    await searchedBy('zebra pills', 5, 7);
    const shown = await popular();
    expect(shown).toContain('zebra handbook');
    expect(shown).not.toContain('buy cheap pills at spam example');
    expect(shown, 'every word must find something, not just one').not.toContain('zebra pills');
  });

  it('hides a query an editor hid, also after a restart, and shows it again when asked', async () => {
    await searchedBy('handbook article', 3);
    expect(await popular()).toContain('handbook article');
    const hide = (method: string) =>
      send('/admin/analytics/hidden/Handbook%20Article', { method, headers: { authorization: `Bearer ${ADMIN_SECRET}` } });
    expect((await hide('PUT')).status).toBe(200);
    expect(await popular()).not.toContain('handbook article');
    await service.stop();
    ({ service, base } = await startService(config()));
    await searchedBy('handbook article', 4);
    expect(await popular()).not.toContain('handbook article');
    const report = await admin();
    expect(report.hiddenQueries).toEqual(['handbook article']);
    expect(report.topQueries.map((q) => q.query)).not.toContain('handbook article');
    expect((await hide('DELETE')).status).toBe(200);
    expect(await popular()).toContain('handbook article');
  });

  it('never stores an address, user agent, cookie or visitor id (the database holds days, queries and counts)', async () => {
    const headers = { 'user-agent': USER_AGENT, cookie: 'session=cookie-value-123', 'x-forwarded-for': '198.51.100.23' };
    for (let i = 0; i < 3; i++) await post(searchEvent('privacy probe'), headers);
    await post(searchEvent('write to jane.doe@example.com'), headers);
    await post(searchEvent('iban 4111 1111 1111 1111'), headers);
    const db = new Database(path.join(dir, 'data', 'analytics.db'), { readonly: true });
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
        (t) => t.name,
      );
      expect(tables).toEqual(['click_positions', 'day_totals', 'hidden_queries', 'query_days']);
      const columns = Object.fromEntries(
        tables.map((t) => [t, (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name)]),
      );
      expect(columns).toEqual({
        click_positions: ['day', 'position', 'clicks'],
        day_totals: ['day', 'searches', 'clicks', 'queries_over_cap'],
        hidden_queries: ['query'],
        query_days: ['day', 'query', 'searches', 'zero_results', 'results', 'clicks', 'visitors'],
      });
      const everything = JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all()));
      expect(everything).toContain('privacy probe');
      for (const secret of ['127.0.0.1', '198.51.100.23', 'AnalyticsProbe', 'cookie-value', 'jane.doe', 'example.com', '4111'])
        expect(everything).not.toContain(secret);
    } finally {
      db.close();
    }
  });

  it('serves the search terms to the site, cacheable', async () => {
    await waitFor('the vocabulary was read', async () => (await send('/search-terms')).status === 200);
    const res = await send('/search-terms', { headers: { origin: SITE } });
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.json()).toEqual({ terms: [], stopWords: [] });
  });
});

describe('GET /admin/analytics', () => {
  it('needs the admin bearer secret and a sensible number of days', async () => {
    expect((await send('/admin/analytics')).status).toBe(401);
    expect((await send('/admin/analytics', { headers: { authorization: 'Bearer wrong-secret-0123456' } })).status).toBe(401);
    expect((await send('/admin/analytics?days=91', { headers: { authorization: `Bearer ${ADMIN_SECRET}` } })).status).toBe(400);
    expect(await admin(7)).toMatchObject({ days: 7 });
  });

  it('is not there at all without SEARCH_SYNC_ADMIN_SECRET', async () => {
    const { service: off, base: offBase } = await startService(
      testConfig({ strapiUrl: strapi.url, strapiToken: strapi.token, meiliUrl: meili.url, dataDir: path.join(dir, 'off') }),
    );
    try {
      const res = await fetch(`${offBase}/admin/analytics`, { headers: { authorization: 'Bearer anything-at-all-0123' } });
      expect(res.status).toBe(404);
    } finally {
      await off.stop();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 once one client sent 30 reports in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(searchEvent(`burst ${i}`))).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 204).length).toBeLessThanOrEqual(30);
    const refused = await post(searchEvent('after the burst'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
  });
});
