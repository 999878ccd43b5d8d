import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SiteArticleStatus, SiteStatus } from '@stackguide/contracts/site-status';

type Build = NonNullable<SiteStatus['current']>;

export type FakeSite = {
  /** Origin of the fake; the build hook is `${url}/__hooks/build`. */
  url: string;
  /** Builds made so far (one per build hook call), newest last. */
  builds: Build[];
  close(): Promise<void>;
};

/**
 * A stand-in for the site server, speaking its status contract, so the plugin's tests need no site build:
 * `POST /__hooks/build` "builds" by reading every published article's updatedAt from the CMS's
 * REST API, `GET /__status` and `GET /__status/articles/:documentId` report on the build it serves.
 * Every route needs `Authorization: Bearer <secret>`.
 */
export async function startFakeSite(opts: { secret: string; strapiUrl: () => string; readToken: string }): Promise<FakeSite> {
  const builds: Build[] = [];
  let served = new Map<string, string>();
  let building: Promise<void> | undefined;

  async function build(): Promise<void> {
    const startedAt = new Date();
    const next = new Map<string, string>();
    for (let page = 1; ; page++) {
      const res = await fetch(`${opts.strapiUrl()}/api/articles?fields[0]=updatedAt&pagination[pageSize]=100&pagination[page]=${page}`, {
        headers: { authorization: `Bearer ${opts.readToken}` },
      });
      if (!res.ok) throw new Error(`fake site build: HTTP ${res.status} from the CMS`);
      const body = (await res.json()) as { data: { documentId: string; updatedAt: string }[]; meta: { pagination: { pageCount: number } } };
      for (const a of body.data) next.set(a.documentId, a.updatedAt);
      if (page >= body.meta.pagination.pageCount) break;
    }
    served = next;
    const finishedAt = new Date();
    builds.push({
      id: `build-${builds.length + 1}`,
      kind: 'full',
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      ms: finishedAt.getTime() - startedAt.getTime(),
      pages: next.size,
      rendered: next.size,
    });
  }

  const send = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = http.createServer((req, res) => {
    req.resume();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.headers.authorization !== `Bearer ${opts.secret}`) return send(res, 401, { error: 'missing or wrong bearer token' });
    if (req.method === 'POST' && path === '/__hooks/build') {
      building = (building ?? Promise.resolve()).then(build).catch(() => undefined);
      return send(res, 202, { accepted: true });
    }
    if (req.method === 'GET' && path === '/__status') {
      const status: SiteStatus = { current: builds.at(-1) ?? null, building: null, lastFailure: null, pending: false };
      return send(res, 200, status);
    }
    const article = /^\/__status\/articles\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && article) {
      const updatedAt = served.get(decodeURIComponent(article[1]!)) ?? null;
      const status: SiteArticleStatus = {
        inBuild: updatedAt !== null,
        updatedAt,
        buildFinishedAt: updatedAt === null ? null : (builds.at(-1)?.finishedAt ?? null),
      };
      return send(res, 200, status);
    }
    send(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    builds,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
