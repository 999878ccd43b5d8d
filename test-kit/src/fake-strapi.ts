import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FEED_ARTICLE_FIELDS, FEED_RELATION_FIELDS, INDEX_FEED } from '@stackguide/contracts/index-feed';
import { MAX_PAGE_SIZE } from '@stackguide/contracts/rest-api';
import { solidPng } from './png.ts';

/** The published content the fake serves; tests may change these arrays at any time. */
export type FakeCollections<Article = unknown> = { articles: Article[]; roles: unknown[]; skills: unknown[] };

/**
 * A small stand-in for Strapi's REST API (published content only), for tests that must not wait for a
 * CMS to boot. Speaks the real CMS's response shapes (@stackguide/contracts).
 */
export type FakeStrapi<Article = unknown> = {
  url: string;
  token: string;
  collections: FakeCollections<Article>;
  /** Adds an article, or replaces the one with the same documentId; either way it gets the highest id. */
  put(article: Article): void;
  /** Removes the article with this documentId (as unpublishing does). */
  remove(documentId: string): void;
  /** Path and query (decoded) of every API request, in order. */
  requests: string[];
  /** Article documentIds answered with this status instead of the article (also inside a `$in` batch or an `?ids=` re-read). */
  failWith: Map<string, number>;
  /** Answer the next `count` API requests with `status` (0 = drop the connection). */
  failNext(count: number, status: number): void;
  /** While held, authorised API requests wait until `release()`. */
  hold(): void;
  release(): void;
  stop(): Promise<void>;
};

const COVER_PNG = solidPng(120, 63, [40, 90, 160]);

const field = (item: unknown, name: string): unknown =>
  item && typeof item === 'object' ? (item as Record<string, unknown>)[name] : undefined;
const documentId = (item: unknown) => field(item, 'documentId');
const byId = (a: unknown, b: unknown) => Number(field(a, 'id') ?? 0) - Number(field(b, 'id') ?? 0);
const pick = (item: unknown, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => field(item, f) !== undefined).map((f) => [f, field(item, f)]));
const relations = (item: unknown, name: string) => {
  const related = field(item, name);
  return Array.isArray(related) ? related.map((r) => pick(r, FEED_RELATION_FIELDS)) : [];
};
/** An article as the index feed answers it: its fields and its relations' fields, nothing else. */
const fed = (article: unknown) => ({
  ...pick(article, FEED_ARTICLE_FIELDS),
  roles: relations(article, 'roles'),
  skills: relations(article, 'skills'),
});
const relatesTo = (item: unknown, relation: string, id: string) => {
  const related = field(item, relation);
  return Array.isArray(related) && related.some((r) => documentId(r) === id);
};

/**
 * Starts the fake on a free loopback port: `/api/articles|roles|skills` (page-based pagination,
 * `pagination[withCount]`, `filters[id][$gt]`, `filters[documentId][$in]`,
 * `filters[roles|skills][documentId][$eq]`), `/api/articles/:documentId`, the CMS's index feed
 * (`/api/index-feed/articles?after&limit`, `?ids=a,b`, `/api/index-feed/stamps`),
 * `/_health`, and a cover image under `/uploads/`. API requests need `Authorization: Bearer <token>`.
 */
export async function startFakeStrapi<Article = unknown>(
  collections: Partial<FakeCollections<Article>> = {},
  token = 'fake-read-token',
): Promise<FakeStrapi<Article>> {
  const content: FakeCollections<Article> = {
    articles: collections.articles ?? [],
    roles: collections.roles ?? [],
    skills: collections.skills ?? [],
  };
  const failWith = new Map<string, number>();
  const requests: string[] = [];
  let failures = { count: 0, status: 500 };
  let held: Promise<void> | undefined;
  let releaseHeld: (() => void) | undefined;
  const release = () => {
    releaseHeld?.();
    held = undefined;
  };

  /** The status `failWith` sets for the first of these documentIds that has one. */
  const rejection = (ids: string[]) => ids.map((id) => failWith.get(id)).find(Boolean);
  const send = (res: http.ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/_health') return send(res, 204);
    if (url.pathname.startsWith('/uploads/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': COVER_PNG.length }).end(COVER_PNG);
      return;
    }
    requests.push(decodeURIComponent(`${url.pathname}${url.search}`));
    if (failures.count > 0) {
      failures.count--;
      if (failures.status === 0) return void req.socket.destroy();
      return send(res, failures.status, { error: { status: failures.status } });
    }
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: { status: 401 } });
    if (held) await held;

    if (url.pathname === INDEX_FEED.STAMPS_PATH) {
      const data = [...content.articles].sort(byId).map((a) => ({ documentId: documentId(a), updatedAt: field(a, 'updatedAt') }));
      return send(res, 200, { data });
    }
    if (url.pathname === INDEX_FEED.ARTICLES_PATH && url.searchParams.has('ids')) {
      const ids = url.searchParams.get('ids')!.split(',');
      const rejected = rejection(ids);
      if (rejected) return send(res, rejected, { error: { status: rejected } });
      return send(res, 200, {
        data: content.articles
          .filter((a) => ids.includes(String(documentId(a))))
          .sort(byId)
          .map(fed),
        meta: {},
      });
    }
    if (url.pathname === INDEX_FEED.ARTICLES_PATH) {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Math.min(MAX_PAGE_SIZE, Number(url.searchParams.get('limit') ?? INDEX_FEED.DEFAULT_PAGE));
      const all = content.articles.filter((a) => Number(field(a, 'id') ?? 0) > after).sort(byId);
      return send(res, 200, { data: all.slice(0, limit).map(fed), meta: after === 0 ? { total: all.length } : {} });
    }
    const one = /^\/api\/articles\/([^/]+)$/.exec(url.pathname);
    if (one) {
      const id = decodeURIComponent(one[1]!);
      const status = failWith.get(id);
      if (status) return send(res, status, { error: { status } });
      const article = content.articles.find((a) => documentId(a) === id);
      return article ? send(res, 200, { data: article, meta: {} }) : send(res, 404, { data: null, error: { status: 404 } });
    }
    const name = /^\/api\/(articles|roles|skills)$/.exec(url.pathname)?.[1] as keyof FakeCollections | undefined;
    if (!name) return send(res, 404, { error: { status: 404 } });
    const q = url.searchParams;
    const ids = [...q.entries()].filter(([k]) => k.startsWith('filters[documentId][$in]')).map(([, v]) => v);
    const rejected = rejection(ids);
    if (rejected) return send(res, rejected, { error: { status: rejected } });
    const role = q.get('filters[roles][documentId][$eq]');
    const skill = q.get('filters[skills][documentId][$eq]');
    const after = Number(q.get('filters[id][$gt]') ?? Number.NEGATIVE_INFINITY);
    const all = (content[name] as unknown[])
      .filter((item) => Number(field(item, 'id') ?? 0) > after)
      .filter((item) => ids.length === 0 || ids.includes(String(documentId(item))))
      .filter((item) => !role || relatesTo(item, 'roles', role))
      .filter((item) => !skill || relatesTo(item, 'skills', skill))
      .sort(byId);
    const page = Number(q.get('pagination[page]') ?? 1);
    const pageSize = Math.min(MAX_PAGE_SIZE, Number(q.get('pagination[pageSize]') ?? 25));
    const data = all.slice((page - 1) * pageSize, page * pageSize);
    const pageCount = Math.ceil(all.length / pageSize);
    const counted = q.get('pagination[withCount]') !== 'false';
    return send(res, 200, { data, meta: { pagination: counted ? { page, pageSize, pageCount, total: all.length } : { page, pageSize } } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    collections: content,
    put(given) {
      // Like Strapi, which publishes into a new row: a (re)published article gets the highest id.
      const ids = content.articles.map((a) => Number(field(a, 'id') ?? 0));
      const article = { ...given, id: Math.max(0, ...ids) + 1 };
      const at = content.articles.findIndex((a) => documentId(a) === documentId(article));
      if (at === -1) content.articles.push(article);
      else content.articles[at] = article;
    },
    remove(id) {
      const at = content.articles.findIndex((a) => documentId(a) === id);
      if (at !== -1) content.articles.splice(at, 1);
    },
    requests,
    failWith,
    failNext(count, status) {
      failures = { count, status };
    },
    hold() {
      held ??= new Promise((resolve) => (releaseHeld = resolve));
    },
    release,
    async stop() {
      release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
