import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { solidPng } from './png.ts';

export type FakeCollections = { articles: unknown[]; roles: unknown[]; skills: unknown[] };

export type FakeStrapi = {
  url: string;
  token: string;
  collections: FakeCollections;
  /** Answer the next `count` API requests with `status` (0 = drop the connection). */
  failNext(count: number, status: number): void;
  /** Paths of every API request, in order. */
  requests: string[];
  close(): Promise<void>;
};

const COVER_PNG = solidPng(120, 63, [40, 90, 160]);

/**
 * A small stand-in for Strapi's REST API: the flat v5 list shape, page-based pagination capped at
 * 100 like the real public API, bearer-token checks, and one upload image.
 */
export async function startFakeStrapi(collections: FakeCollections, token = 'test-read-token'): Promise<FakeStrapi> {
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/uploads/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': COVER_PNG.length }).end(COVER_PNG);
      return;
    }
    requests.push(`${url.pathname}${url.search}`);
    if (failures.count > 0) {
      failures.count--;
      if (failures.status === 0) return void req.socket.destroy();
      return void res.writeHead(failures.status, { 'content-type': 'application/json' }).end('{"error":{"status":503}}');
    }
    if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end('{"error":{"status":401}}');
    const name = /^\/api\/(articles|roles|skills)$/.exec(url.pathname)?.[1] as keyof FakeCollections | undefined;
    if (!name) return void res.writeHead(404).end('{"error":{"status":404}}');
    const items = collections[name];
    const page = Number(url.searchParams.get('pagination[page]') ?? '1');
    const pageSize = Math.min(100, Number(url.searchParams.get('pagination[pageSize]') ?? '25'));
    const body = {
      data: items.slice((page - 1) * pageSize, page * pageSize),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(items.length / pageSize), total: items.length } },
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    collections,
    requests,
    failNext: (count, status) => {
      failures = { count, status };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
