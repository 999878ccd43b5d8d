import { SEARCH_KEY_PATH, type SearchKeyAnswer } from '@stackguide/contracts/search-key';
import http from 'node:http';
import { API_SECURITY_HEADERS } from '@stackguide/contracts/security-headers';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { SyncStatus } from './status.ts';

export type Routes = {
  webhook(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  /** Search analytics and the public search terms; false when the path is not one of theirs. */
  analytics(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<boolean>;
  health(): Promise<{ ok: boolean; detail: Record<string, unknown> }>;
  status(): SyncStatus;
  /** The public search settings for browsers, or null until the key has been ensured. */
  searchKey(): SearchKeyAnswer | null;
  metrics(): string;
  /** Everything under `/admin/` (bearer-protected; see admin-api.ts). */
  admin(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void>;
};

/** Answers with a JSON body that no cache keeps. */
export function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/** A whole number from the query string within [min, max], the default when absent, null when malformed. */
export function intParam(url: URL, name: string, min: number, max: number, fallback: number): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  return /^\d+$/.test(raw) && n >= min && n <= max ? n : null;
}

/**
 * HTTP surface: webhook intake, search analytics, health, status, the public search key, Prometheus
 * metrics and the admin API. Every answer carries API_SECURITY_HEADERS (browsers call the public
 * routes, directly or through the site's nginx).
 */
export function createHttpServer(routes: Routes, log: Logger): http.Server {
  return http.createServer((req, res) => {
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = async () => {
      if (await routes.analytics(req, res, path)) return;
      if (path === '/webhooks/strapi') {
        if (req.method !== 'POST') return json(res, 405, { error: 'use POST' });
        return routes.webhook(req, res);
      }
      if (path.startsWith('/admin/')) return routes.admin(req, res, path);
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'use GET' });
      if (path === '/health') {
        const health = await routes.health();
        return json(res, health.ok ? 200 : 503, health.detail);
      }
      if (path === '/status') return json(res, 200, routes.status());
      if (path === SEARCH_KEY_PATH) {
        // The search-only key is public by design (every page carries it); this lets a site build
        // that must not hold the master key pick it up.
        const key = routes.searchKey();
        return key ? json(res, 200, key) : json(res, 503, { error: 'search key not ensured yet; Meilisearch may be unreachable' });
      }
      if (path === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(routes.metrics());
        return;
      }
      return json(res, 404, { error: 'not found' });
    };
    route().catch((err: unknown) => {
      log.error({ err: describeError(err), path }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
}

/** Starts listening; resolves with the bound port. @throws when the port is taken. */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
