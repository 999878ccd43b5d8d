import { BUILD_HOOK_PATH } from '@stackguide/contracts/build-hook';
import http from 'node:http';
import { bearerMatches } from '@stackguide/runtime';
import type { Logger } from 'pino';
import type { SiteBuilder } from './builder.ts';
import { readHookBody } from './hook-body.ts';
import { answerPreview, type PreviewOptions } from './preview.ts';
import { apiHeaders, type PageOrigins, siteHeaders } from './security-headers.ts';
import { covers } from './fetch-times.ts';
import type { SiteState } from './site-build.ts';
import { serveStatic } from './static-files.ts';
import { pathPattern } from '@stackguide/contracts/route-path';
import { SITE_STATUS_ROUTES, type SiteArticleStatus } from '@stackguide/contracts/site-status';

export const PREVIEW_ROOT = '/__preview/';
const ARTICLE_STATUS = pathPattern(SITE_STATUS_ROUTES.article);

const json = (res: http.ServerResponse, status: number, value: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value));

/** Whether the article is in the served build, with its published updatedAt there. */
function articleStatus(builder: SiteBuilder<SiteState>, documentId: string): SiteArticleStatus {
  const article = builder.state()?.snapshot.articles.get(documentId);
  return {
    inBuild: article !== undefined,
    updatedAt: article ? article.updatedAt.toISOString() : null,
    buildFinishedAt: builder.status().current?.finishedAt ?? null,
  };
}

function handleHook(req: http.IncomingMessage, res: http.ServerResponse, builder: SiteBuilder<SiteState>, logger: Logger): void {
  void readHookBody(req).then((body) => {
    if ('error' in body) return json(res, body.status, { error: body.error });
    const state = builder.state();
    if (body.changedAt !== undefined && state && covers(state, body.changedAt, body.changes)) {
      logger.info({ changedAt: new Date(body.changedAt).toISOString() }, 'build hook: the served build already has these changes');
      return json(res, 200, { status: 'up to date' });
    }
    builder.trigger('build hook', body.changes);
    return json(res, 202, { status: 'queued' });
  });
}

export type SiteServerOptions = {
  builder: SiteBuilder<SiteState>;
  /** BUILD_HOOK_SECRET: the hook and the status need it as a bearer token. */
  hookSecret: string;
  logger: Logger;
  /** The render configuration's origins: what the pages' Content-Security-Policy allows. */
  origins: PageOrigins;
  /** Draft previews, or null when they are off. */
  preview: PreviewOptions | null;
};

/**
 * The site's HTTP server: the current build as static files; POST /__hooks/build to queue a
 * rebuild (body `{ changedAt, changes: [{ kind, documentId }] }`, both optional); GET /__status
 * and GET /__status/articles/<documentId> for the admin. The hook and the status need
 * `Authorization: Bearer BUILD_HOOK_SECRET`. `/__preview/…` answers signed draft previews
 * (preview.ts) when `preview` is given, 404 otherwise. Every answer carries security headers: the
 * pages' (siteHeaders), a preview's (previewHeaders), or the API's (apiHeaders) for the rest.
 */
export function createSiteServer(opts: SiteServerOptions): http.Server {
  const { builder, hookSecret, logger, preview } = opts;
  const pageHeaders = siteHeaders(opts.origins);
  const otherHeaders = apiHeaders(opts.origins.siteUrl);
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    const { pathname } = url;
    if (pathname.startsWith(PREVIEW_ROOT)) {
      req.resume();
      if (preview) return void answerPreview(preview, req, res, url);
      return void res
        .writeHead(404, { ...otherHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end('Draft preview is off: the site server needs PREVIEW_SECRET and PREVIEW_READ_TOKEN.\n');
    }
    const isHook = pathname === BUILD_HOOK_PATH;
    const isStatus = pathname === SITE_STATUS_ROUTES.builds || ARTICLE_STATUS.test(pathname);
    if (isHook || isStatus) {
      for (const [name, value] of Object.entries(otherHeaders)) res.setHeader(name, value);
      const method = isHook ? 'POST' : 'GET';
      if (req.method !== method) return void res.writeHead(405, { allow: method }).end();
      if (!bearerMatches(req.headers.authorization, hookSecret)) {
        req.resume();
        logger.warn({ remote: req.socket.remoteAddress, path: pathname }, 'refused: bad or missing bearer token');
        return void res
          .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' })
          .end('{"error":"unauthorized"}');
      }
      if (isHook) return handleHook(req, res, builder, logger);
      const id = ARTICLE_STATUS.exec(pathname)?.[1];
      if (id === undefined) return json(res, 200, builder.status());
      let documentId: string;
      try {
        documentId = decodeURIComponent(id);
      } catch {
        return json(res, 400, { error: 'documentId is not valid URL encoding' });
      }
      return json(res, 200, articleStatus(builder, documentId));
    }
    const root = builder.current();
    if (!root) return void res.writeHead(503, { ...otherHeaders, 'retry-after': '5' }).end('The site is being built.\n');
    serveStatic(root, req, res, pageHeaders);
  });
}
