import http from 'node:http';
import { bearerMatches, readBody } from '@stackguide/runtime';
import type { Logger } from 'pino';
import type { SiteBuilder } from './builder.ts';
import { serveStatic } from './static-files.ts';

export const HOOK_PATH = '/__hooks/build';
/** A hook body is one small JSON object; anything larger is not from search-sync. */
const MAX_HOOK_BODY_BYTES = 4096;

type HookBody = { changedAt?: number } | { error: string; status: number };

/** Reads the optional JSON body `{ changedAt: ISO date }` of a hook call. */
async function readHookBody(req: http.IncomingMessage): Promise<HookBody> {
  const read = await readBody(req, MAX_HOOK_BODY_BYTES);
  if (read.kind === 'too-large') return { error: `body larger than ${MAX_HOOK_BODY_BYTES} bytes`, status: 413 };
  if (read.kind === 'aborted') return { error: 'request aborted', status: 400 };
  const text = read.body.toString('utf8');
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: 'body must be JSON, e.g. {"changedAt":"2030-01-01T00:00:00.000Z"}', status: 400 };
  }
  const changedAt = (body as { changedAt?: unknown } | null)?.changedAt;
  if (changedAt === undefined) return {};
  const time = typeof changedAt === 'string' ? Date.parse(changedAt) : Number.NaN;
  if (Number.isNaN(time)) return { error: 'changedAt must be an ISO date', status: 400 };
  return { changedAt: time };
}

/**
 * The site's HTTP server: the current build as static files, and POST /__hooks/build
 * (Authorization: Bearer BUILD_HOOK_SECRET) to queue a rebuild. When the body says when the
 * content changed (`changedAt`) and the served build started after that, there is nothing to do.
 */
export function createSiteServer(builder: SiteBuilder, hookSecret: string, logger: Logger): http.Server {
  return http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://site').pathname;
    if (pathname === HOOK_PATH) {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      if (!bearerMatches(req.headers.authorization, hookSecret)) {
        req.resume();
        logger.warn({ remote: req.socket.remoteAddress }, 'build hook refused: bad or missing bearer token');
        return void res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end('{"error":"unauthorized"}');
      }
      return void readHookBody(req).then((body) => {
        const json = (status: number, value: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
        if ('error' in body) return json(body.status, { error: body.error });
        if (body.changedAt !== undefined && builder.coversChangesUpTo(body.changedAt)) {
          logger.info({ changedAt: new Date(body.changedAt).toISOString() }, 'build hook: the served build already has these changes');
          return json(200, { status: 'up to date' });
        }
        builder.trigger('build hook');
        return json(202, { status: 'queued' });
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    const root = builder.current();
    if (!root) return void res.writeHead(503, { 'retry-after': '5' }).end('The site is being built.\n');
    serveStatic(root, req, res);
  });
}
