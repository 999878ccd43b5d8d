import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startFakeStrapi, waitFor, type FakeStrapi, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAnalytics } from '@stackguide/contracts/analytics';
import type { Service } from '../src/service.ts';

import { startService, startTestMeili, tempDir, testConfig } from './helpers.ts';

const SITE = 'http://127.0.0.1:4321';
const ADMIN_SECRET = 'admin-secret-0123456789';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AnalyticsProbe/1.0';
let dir: string;
let meili: MeiliProcess;
let strapi: FakeStrapi<FeedArticle>;
let service: Service;
let base: string;

beforeAll(async () => {
  dir = tempDir('analytics');
  strapi = await startFakeStrapi<FeedArticle>();
  meili = await startTestMeili(dir);
  ({ service, base } = await startService(
    testConfig({
      strapiUrl: strapi.url,
      strapiToken: strapi.token,
      meiliUrl: meili.url,
      dataDir: path.join(dir, 'data'),
      siteOrigin: SITE,
      adminSecret: ADMIN_SECRET,
    }),
  ));
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
  it('shows a query publicly and to the admin only after 3 searches; clicks make the click-through', async () => {
    for (let i = 0; i < 2; i++) expect((await post(searchEvent('Docker Salary', 4))).status).toBe(204);
    expect((await (await send('/analytics/popular')).json()) as unknown).toEqual({ queries: [] });
    expect((await admin()).topQueries).toEqual([]);
    await post(searchEvent('docker salary', 6));
    await post({ type: 'click', q: 'docker salary', results: 6, position: 2 });
    const popular = await send('/analytics/popular?limit=3', { headers: { origin: SITE } });
    expect(popular.headers.get('cache-control')).toBe('public, max-age=300');
    expect(popular.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(await popular.json()).toEqual({ queries: [{ query: 'docker salary', searches: 3 }] });
    const report = await admin();
    expect(report.topQueries).toEqual([{ query: 'docker salary', searches: 3, avgResults: 4.7, clicks: 1 }]);
    expect(report.clickThrough).toMatchObject({ clicks: 1, byPosition: [0, 1] });
    expect(report.clickThrough.searches).toBeGreaterThanOrEqual(3);
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
      expect(tables).toEqual(['click_positions', 'day_totals', 'query_days']);
      const columns = Object.fromEntries(
        tables.map((t) => [t, (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name)]),
      );
      expect(columns).toEqual({
        click_positions: ['day', 'position', 'clicks'],
        day_totals: ['day', 'searches', 'clicks', 'queries_over_cap'],
        query_days: ['day', 'query', 'searches', 'zero_results', 'results', 'clicks'],
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
