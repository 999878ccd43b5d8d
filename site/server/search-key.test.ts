import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSearchKey, SearchKeyError, searchKeyUrl } from './search-key.ts';

/** A stand-in for search-sync's `GET /search-key`: each path answers one way. */
const ANSWERS: Record<string, [number, string]> = {
  '/ok': [200, JSON.stringify({ indexUid: 'articles', searchKey: 'search-only', url: 'http://127.0.0.1:7700' })],
  '/not-ready': [503, JSON.stringify({ error: 'search key not ensured yet; Meilisearch may be unreachable' })],
  '/not-json': [200, '<html>a proxy page</html>'],
  '/no-key': [200, JSON.stringify({ indexUid: 'articles', url: 'http://127.0.0.1:7700' })],
};
let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const [status, body] = ANSWERS[req.url ?? ''] ?? [404, ''];
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('searchKeyUrl', () => {
  it("is search-sync's address, with wildcard listen addresses reached on loopback", () => {
    expect(searchKeyUrl({ SEARCH_SYNC_HOST: '127.0.0.1', SEARCH_SYNC_PORT: 7710 })).toBe('http://127.0.0.1:7710/search-key');
    expect(searchKeyUrl({ SEARCH_SYNC_HOST: '0.0.0.0', SEARCH_SYNC_PORT: 7711 })).toBe('http://127.0.0.1:7711/search-key');
    expect(searchKeyUrl({ SEARCH_SYNC_HOST: '::', SEARCH_SYNC_PORT: 7710 })).toBe('http://[::1]:7710/search-key');
    expect(searchKeyUrl({ SEARCH_SYNC_HOST: 'sync.internal', SEARCH_SYNC_PORT: 80 })).toBe('http://sync.internal:80/search-key');
  });
});

describe('fetchSearchKey', () => {
  it('returns the search-only key and the URL browsers reach Meilisearch at', async () => {
    expect(await fetchSearchKey(`${base}/ok`)).toEqual({ searchKey: 'search-only', url: 'http://127.0.0.1:7700' });
  });

  it('fails naming the variable, the URL, what search-sync said and the fix', async () => {
    for (const [path, detail] of [['/not-ready', 'HTTP 503 {"error":"search key not ensured yet'], ['/not-json', 'not JSON'], ['/no-key', 'not a search key']]) {
      const err = await fetchSearchKey(`${base}${path}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SearchKeyError);
      const message = (err as Error).message;
      expect(message).toContain(`MEILI_SEARCH_KEY is not set and search-sync did not hand out the search key at ${base}${path}`);
      expect(message).toContain(detail);
      expect(message).toContain('npm run keys -w search-sync');
    }
  });

  it('fails the same way when nothing listens there', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/search-key`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchSearchKey(url)).rejects.toThrow(new RegExp(`search key at ${url}: no answer \\(.*ECONNREFUSED`));
  });
});
