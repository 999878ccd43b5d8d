import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSearchKey, SearchKeyError, searchKeyUrl } from './search-key.ts';

const KEY = { indexUid: 'articles', searchKey: 'search-only', url: 'http://127.0.0.1:7700' };
/** A stand-in for search-sync's `GET /search-key`: each path answers one way; `/later` is not ready at first. */
const ANSWERS: Record<string, [number, string]> = {
  '/ok': [200, JSON.stringify(KEY)],
  '/not-ready': [503, JSON.stringify({ error: 'search key not ensured yet; Meilisearch may be unreachable' })],
  '/not-json': [200, '<html>a proxy page</html>'],
  '/no-key': [200, JSON.stringify({ indexUid: 'articles', url: 'http://127.0.0.1:7700' })],
};
let server: http.Server;
let base = '';
let laterAsked = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const later = req.url === '/later' && ++laterAsked > 1;
    const [status, body] = later ? ANSWERS['/ok']! : (ANSWERS[req.url === '/later' ? '/not-ready' : (req.url ?? '')] ?? [404, '']);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('searchKeyUrl', () => {
  it("is search-sync's address, with wildcard listen addresses reached on loopback", () => {
    expect(searchKeyUrl('127.0.0.1', 7710)).toBe('http://127.0.0.1:7710/search-key');
    expect(searchKeyUrl('0.0.0.0', 7711)).toBe('http://127.0.0.1:7711/search-key');
    expect(searchKeyUrl('::', 7710)).toBe('http://[::1]:7710/search-key');
    expect(searchKeyUrl('sync.internal', 80)).toBe('http://sync.internal:80/search-key');
  });
});

describe('fetchSearchKey', () => {
  it('returns the search-only key and the URL browsers reach Meilisearch at', async () => {
    expect(await fetchSearchKey(`${base}/ok`)).toEqual(KEY);
  });

  it('asks again while the key is not ready, when told to wait', async () => {
    expect(await fetchSearchKey(`${base}/later`, 5_000)).toEqual(KEY);
    expect(laterAsked).toBe(2);
  });

  it('fails naming the URL and what search-sync said', async () => {
    for (const [path, detail] of [
      ['/not-ready', 'HTTP 503 {"error":"search key not ensured yet'],
      ['/not-json', 'not JSON'],
      ['/no-key', 'not a search key'],
    ]) {
      const err = await fetchSearchKey(`${base}${path}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SearchKeyError);
      expect((err as Error).message).toContain(`search-sync did not hand out the search key at ${base}${path}: ${detail}`);
    }
    await expect(fetchSearchKey(`${base}/not-ready`, 600)).rejects.toThrow(
      /still not ready after 1 s \(HTTP 503 .*Meilisearch may be unreachable/,
    );
  });

  it('fails the same way when nothing listens there', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/search-key`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchSearchKey(url)).rejects.toThrow(new RegExp(`search key at ${url}: no answer \\(.*ECONNREFUSED`));
  });
});
