import { StrapiClient, StrapiError } from '@stackguide/runtime';
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { Logger } from 'pino';
import { articlePath } from '../src/lib/paths.ts';
import type { RenderConfig } from '../src/lib/render-config.ts';
import { ROUTES } from '../src/lib/site-pages.ts';
import { siteModel } from '../src/lib/site-model.ts';
import { withChanges } from '../src/lib/snapshot.ts';
import { absolutizeMedia } from '../src/strapi/media-urls.ts';
import { articleSchema, type FetchedArticle } from '../src/strapi/schemas.ts';
import { withBody } from './body-store.ts';
import { loadCompiled, renderPage } from './page-renderer.ts';
import { previewDocument } from './preview-page.ts';
import { PREVIEW_PATH, type PreviewGrant, renewedGrant, signedPath, verifyPreview } from '@stackguide/contracts/preview-link';
import { previewHeaders } from './security-headers.ts';
import type { SiteState } from './site-build.ts';

/** Where the open preview renews its link: the same signed query under this path. */
export const RENEW_PATH = '/__preview/renew/articles/';

export type PreviewOptions = {
  /** PREVIEW_SECRET: the CMS signs links with it. */
  secret: string;
  strapiUrl: string;
  /**
   * The CMS as editors' browsers reach it (STRAPI_PUBLIC_URL, else STRAPI_URL): the only origin
   * that may frame a preview, and where the draft's images load from.
   */
  publicStrapiUrl: string;
  /** PREVIEW_READ_TOKEN: the only credential the CMS lets read drafts. */
  token: string;
  /** The build being served: its snapshot and compiled pages. */
  state: () => SiteState | null;
  config: RenderConfig;
  log: Logger;
  now?: () => number;
};

/** Preview responses are never stored (by browsers or proxies) nor indexed (previewHeaders keeps their link from leaking as a referrer). */
const PRIVATE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

const text = (res: http.ServerResponse, status: number, message: string): void =>
  void res.writeHead(status, { ...PRIVATE, 'content-type': 'text/plain; charset=utf-8' }).end(`${message}\n`);

/** Why an article cannot be previewed, with the status the preview answers. */
class PreviewError extends Error {
  override name = 'PreviewError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One article in the grant's status, read with the preview token, in the shape the site renders. */
async function fetchArticle(opts: PreviewOptions, grant: PreviewGrant): Promise<FetchedArticle> {
  const query = new URLSearchParams({ 'filters[documentId][$eq]': grant.documentId, status: grant.status });
  // An editor waits on this: one quick retry, then say so.
  const client = new StrapiClient({ baseUrl: opts.strapiUrl, token: opts.token, retry: { attempts: 2, baseDelayMs: 200 } });
  let body: unknown;
  try {
    body = await client.getJson('/api/articles', query);
  } catch (err) {
    if (err instanceof StrapiError) throw new PreviewError(502, `The CMS did not answer the preview: ${err.message}`);
    throw err;
  }
  const item = (body as { data?: unknown[] }).data?.[0];
  if (!item || typeof item !== 'object')
    throw new PreviewError(404, `This article has no ${grant.status} version (it may have been deleted or unpublished).`);
  // A draft has never been published: it shows the date it was last saved instead.
  const entry = item as Record<string, unknown>;
  const parsed = articleSchema.safeParse({ ...entry, publishedAt: entry.publishedAt ?? entry.updatedAt });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new PreviewError(422, `This ${grant.status} cannot be shown as a page yet (${issues}).`);
  }
  // Images stay on the CMS: the served build holds only the published articles' prepared images.
  return absolutizeMedia(parsed.data, opts.publicStrapiUrl);
}

/** The article page as the served build would render it with this article in it. */
async function renderPreview(
  opts: PreviewOptions,
  state: SiteState,
  grant: PreviewGrant,
  fetched: FetchedArticle,
  now: number,
  nonce: string,
): Promise<string> {
  // The draft's body is served from memory: a preview writes nothing, not even to the body store.
  const { ref, reader } = withBody(state.bodies, fetched.body);
  const article = { ...fetched, body: ref };
  const snapshot = { ...state.snapshot, articles: withChanges(state.snapshot.articles, [[article.documentId, article]], []) };
  const site = await loadCompiled(state);
  const path = articlePath(article.slug);
  const page = { route: ROUTES.article, params: { slug: article.slug }, path, file: `${path.slice(1)}index.html` };
  const html = (
    await renderPage(site, page, opts.config.siteUrl, { model: siteModel(snapshot), config: opts.config, bodies: reader })
  ).toString('utf8');
  const next = signedPath(opts.secret, renewedGrant(grant, now) ?? grant);
  return previewDocument(html, grant.status, { next, renew: next.replace(PREVIEW_PATH, RENEW_PATH) }, nonce);
}

/**
 * Answers `GET /__preview/articles/<documentId>?status&expires&until&signature` (a link the CMS
 * signed) with the article page rendered through the site's compiled pages and the served
 * build's content, this one article replaced by its draft (or published) version. Nothing is
 * written anywhere. `GET /__preview/renew/articles/…` with a valid link answers `{ next, renew }`,
 * fresh links for the same article and status while the editing session lasts. Every answer carries
 * previewHeaders: only the admin may frame it.
 */
export async function answerPreview(opts: PreviewOptions, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  const headers = previewHeaders(opts.config, { adminUrl: opts.publicStrapiUrl, mediaUrl: opts.publicStrapiUrl, nonce });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { ...PRIVATE, allow: 'GET, HEAD' }).end();
  const renew = url.pathname.startsWith(RENEW_PATH);
  const prefix = renew ? RENEW_PATH : PREVIEW_PATH;
  if (!url.pathname.startsWith(prefix)) return text(res, 404, 'Not found');
  let documentId: string;
  try {
    documentId = decodeURIComponent(url.pathname.slice(prefix.length));
  } catch {
    return text(res, 400, 'The document id in this preview link is not valid URL encoding.');
  }
  const now = opts.now?.() ?? Date.now();
  const grant = verifyPreview(opts.secret, documentId, url.searchParams, now);
  if (!('documentId' in grant)) {
    opts.log.warn({ path: url.pathname, status: grant.status }, 'preview refused');
    return text(res, grant.status, grant.message);
  }
  if (renew) {
    const fresh = renewedGrant(grant, now);
    if (!fresh) return text(res, 403, 'This editing session has ended. Open the preview again from the article in the admin.');
    const next = signedPath(opts.secret, fresh);
    return void res
      .writeHead(200, { ...PRIVATE, 'content-type': 'application/json' })
      .end(JSON.stringify({ next, renew: next.replace(PREVIEW_PATH, RENEW_PATH) }));
  }
  const state = opts.state();
  if (!state)
    return void res
      .writeHead(503, { ...PRIVATE, 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' })
      .end('The site is being built.\n');
  try {
    const started = Date.now();
    const html = await renderPreview(opts, state, grant, await fetchArticle(opts, grant), now, nonce);
    opts.log.info({ documentId, status: grant.status, ms: Date.now() - started }, 'preview rendered');
    res.writeHead(200, { ...PRIVATE, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(req.method === 'HEAD' ? undefined : html);
  } catch (err) {
    if (err instanceof PreviewError) return text(res, err.status, err.message);
    opts.log.error({ err, documentId, status: grant.status }, 'preview failed');
    return text(res, 500, `The preview could not be rendered: ${err instanceof Error ? err.message : String(err)}`);
  }
}
