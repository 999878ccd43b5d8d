import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerMatches, readJsonBody } from '@stackguide/runtime';
import { z } from 'zod';
import {
  ADMIN_ANALYTICS_PATH,
  ANALYTICS_PATH,
  MAX_EVENT_BYTES,
  MAX_POSITION,
  MAX_QUERY_CHARS,
  POPULAR_PATH,
  SEARCH_TERMS_PATH,
  type SearchTerms,
} from '@stackguide/contracts/analytics';
import type { AnalyticsStore } from './analytics-store.ts';
import { clientAddress } from './client-address.ts';
import type { Logger } from './logger.ts';
import type { RateLimiter } from './rate-limit.ts';

export type AnalyticsDeps = {
  store: AnalyticsStore;
  limiter: RateLimiter;
  /** Origin of SITE_URL: the only origin browsers may call these routes from. */
  siteOrigin: string;
  /** Bearer secret of the admin route; undefined turns the route off (404). */
  adminSecret: string | undefined;
  /** The vocabulary's terms, or null until it has been read from Strapi. */
  terms(): SearchTerms | null;
  log: Logger;
};

const query = z.string().min(1).max(MAX_QUERY_CHARS);
const results = z.number().int().min(0).max(1_000_000);
const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('search'), q: query, results }),
  z.strictObject({ type: z.literal('click'), q: query, results, position: z.number().int().min(1).max(MAX_POSITION) }),
]);

/** Public answers may be cached briefly by browsers and proxies; they change slowly. */
const CACHEABLE = 'public, max-age=300';

function reply(res: ServerResponse, status: number, body?: unknown, cache = 'no-store'): void {
  if (body === undefined) res.writeHead(status, { 'cache-control': cache }).end();
  else res.writeHead(status, { 'content-type': 'application/json', 'cache-control': cache }).end(JSON.stringify(body));
}

/** A whole number from the query string within [min, max], the default when absent, null when malformed. */
function intParam(url: URL, name: string, min: number, max: number, fallback: number): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  return /^\d+$/.test(raw) && n >= min && n <= max ? n : null;
}

/**
 * CORS for the site's origin only: sets the headers and returns true for a request from SITE_URL's
 * origin or without an Origin (not from a browser page); false for any other origin.
 */
function corsAllowed(req: IncomingMessage, res: ServerResponse, siteOrigin: string): boolean {
  res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin !== siteOrigin) return false;
  res.setHeader('access-control-allow-origin', origin);
  return true;
}

/** The visitor asked not to be tracked: Do Not Track or Global Privacy Control. */
const optedOut = (req: IncomingMessage) => req.headers.dnt === '1' || req.headers['sec-gpc'] === '1';

async function receiveEvent(req: IncomingMessage, res: ServerResponse, deps: AnalyticsDeps): Promise<void> {
  if (optedOut(req)) {
    req.resume();
    return reply(res, 204);
  }
  if (!deps.limiter.allow(clientAddress(req))) {
    req.resume();
    res.setHeader('retry-after', '60');
    return reply(res, 429, { error: 'too many reports; try again in a minute' });
  }
  const read = await readJsonBody(req, MAX_EVENT_BYTES);
  if (read.kind === 'aborted') return;
  if (read.kind === 'refused') return reply(res, read.status, { error: read.error });
  const parsed = eventSchema.safeParse(read.value);
  if (!parsed.success) return reply(res, 400, { error: 'expected {type: "search", q, results} or {type: "click", q, results, position}' });
  const outcome = deps.store.record(parsed.data);
  if (outcome === 'over-cap') deps.log.debug('analytics: distinct queries per day at the cap; counted in the totals only');
  reply(res, 204);
}

/**
 * Serves the analytics routes (see analytics-contract.ts) and the public search terms. Returns false
 * for any other path, so the caller routes it.
 */
export async function handleAnalytics(req: IncomingMessage, res: ServerResponse, path: string, deps: AnalyticsDeps): Promise<boolean> {
  if (path === ADMIN_ANALYTICS_PATH) {
    if (!deps.adminSecret) reply(res, 404, { error: 'not found' });
    else if (req.method !== 'GET') reply(res, 405, { error: 'use GET' });
    else if (!bearerMatches(req.headers.authorization, deps.adminSecret)) reply(res, 401, { error: 'missing or wrong bearer token' });
    else {
      const days = intParam(new URL(req.url ?? '/', 'http://x'), 'days', 1, 90, 30);
      if (days === null) reply(res, 400, { error: 'days must be a whole number from 1 to 90' });
      else {
        const { queriesOverCap: _overCap, ...report } = deps.store.report(days);
        reply(res, 200, report);
      }
    }
    return true;
  }
  if (path !== ANALYTICS_PATH && path !== POPULAR_PATH && path !== SEARCH_TERMS_PATH) return false;
  if (!corsAllowed(req, res, deps.siteOrigin)) {
    req.resume();
    reply(res, 403, { error: 'this origin may not call search-sync' });
    return true;
  }
  if (path === ANALYTICS_PATH && req.method === 'OPTIONS') {
    res
      .writeHead(204, {
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '86400',
      })
      .end();
  } else if (path === ANALYTICS_PATH) {
    if (req.method === 'POST') await receiveEvent(req, res, deps);
    else reply(res, 405, { error: 'use POST' });
  } else if (req.method !== 'GET' && req.method !== 'HEAD') {
    reply(res, 405, { error: 'use GET' });
  } else if (path === SEARCH_TERMS_PATH) {
    const terms = deps.terms();
    if (terms) reply(res, 200, terms, CACHEABLE);
    else reply(res, 503, { error: 'the vocabulary has not been read from Strapi yet' });
  } else {
    const limit = intParam(new URL(req.url ?? '/', 'http://x'), 'limit', 1, 20, 5);
    if (limit === null) reply(res, 400, { error: 'limit must be a whole number from 1 to 20' });
    else reply(res, 200, deps.store.popular(limit), CACHEABLE);
  }
  return true;
}
