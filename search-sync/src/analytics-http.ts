import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from '@stackguide/runtime';
import { z } from 'zod';
import {
  ANALYTICS_PATH,
  MAX_EVENT_BYTES,
  MAX_POSITION,
  MAX_QUERY_CHARS,
  POPULAR_PATH,
  SEARCH_TERMS_PATH,
  type SearchTerms,
} from '@stackguide/contracts/analytics';
import type { AnalyticsStore } from './analytics-store.ts';
import { clientAddress, visitorKey } from './client-address.ts';
import type { Logger } from './logger.ts';
import { MAX_POPULAR, type PopularSearches } from './popular-searches.ts';
import type { RateLimiter } from './rate-limit.ts';
import { intParam } from './server.ts';

export type AnalyticsDeps = {
  store: AnalyticsStore;
  popular: PopularSearches;
  limiter: RateLimiter;
  /** Origin of SITE_URL: the only origin browsers may call these routes from. */
  siteOrigin: string;
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
  const visitor = visitorKey(clientAddress(req));
  if (!deps.limiter.allow(visitor)) {
    req.resume();
    res.setHeader('retry-after', '60');
    return reply(res, 429, { error: 'too many reports; try again in a minute' });
  }
  const read = await readJsonBody(req, MAX_EVENT_BYTES);
  if (read.kind === 'aborted') return;
  if (read.kind === 'refused') return reply(res, read.status, { error: read.error });
  const parsed = eventSchema.safeParse(read.value);
  if (!parsed.success) return reply(res, 400, { error: 'expected {type: "search", q, results} or {type: "click", q, results, position}' });
  const outcome = deps.store.record(parsed.data, visitor);
  if (outcome === 'over-cap') deps.log.debug('analytics: distinct queries per day at the cap; counted in the totals only');
  reply(res, 204);
}

/**
 * Serves the public analytics routes (see contracts/analytics.ts) and the search terms. Returns
 * false for any other path, so the caller routes it.
 */
export async function handleAnalytics(req: IncomingMessage, res: ServerResponse, path: string, deps: AnalyticsDeps): Promise<boolean> {
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
    const limit = intParam(new URL(req.url ?? '/', 'http://x'), 'limit', 1, MAX_POPULAR, 5);
    if (limit === null) reply(res, 400, { error: `limit must be a whole number from 1 to ${MAX_POPULAR}` });
    else reply(res, 200, await deps.popular.list(limit), CACHEABLE);
  }
  return true;
}
