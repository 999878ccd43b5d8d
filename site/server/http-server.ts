import http from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { SiteBuilder } from './builder.ts';
import { serveStatic } from './static-files.ts';

export const HOOK_PATH = '/__hooks/build';

function bearerMatches(header: string | undefined, secret: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * The site's HTTP server: the current build as static files, and POST /__hooks/build
 * (Authorization: Bearer BUILD_HOOK_SECRET) to queue a rebuild.
 */
export function createSiteServer(builder: SiteBuilder, hookSecret: string, logger: Logger): http.Server {
  return http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://site').pathname;
    if (pathname === HOOK_PATH) {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      req.resume();
      if (!bearerMatches(req.headers.authorization, hookSecret)) {
        logger.warn({ remote: req.socket.remoteAddress }, 'build hook refused: bad or missing bearer token');
        return void res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end('{"error":"unauthorized"}');
      }
      builder.trigger('build hook');
      return void res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"queued"}');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    const root = builder.current();
    if (!root) return void res.writeHead(503, { 'retry-after': '5' }).end('The site is being built.\n');
    serveStatic(root, req, res);
  });
}
