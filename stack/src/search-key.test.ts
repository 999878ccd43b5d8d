import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSearchKey, parseKey } from './search-key.ts';
import { StartupError } from './startup-error.ts';

const KEY = { indexUid: 'articles', searchKey: 'abc', url: 'http://127.0.0.1:7700' };

describe('parseKey', () => {
  it('reads the body search-sync serves at /search-key', () => {
    expect(parseKey(JSON.stringify(KEY))).toEqual(KEY);
  });

  it('rejects incomplete objects and non-JSON', () => {
    expect(parseKey('{"indexUid":"articles","searchKey":"abc"}')).toBeUndefined();
    expect(parseKey('{"error":"search key not ensured yet"}')).toBeUndefined();
    expect(parseKey('search key: abc')).toBeUndefined();
  });
});

describe('fetchSearchKey', () => {
  let server: http.Server;
  let base: string;
  let answers: { status: number; body: string }[] = [];
  let served: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      served.push(`${req.method} ${req.url}`);
      const answer = answers[Math.min(served.length - 1, answers.length - 1)] ?? { status: 500, body: '' };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks the running service, waiting while the key is not ensured yet', async () => {
    answers = [{ status: 503, body: '{"error":"search key not ensured yet"}' }, { status: 200, body: JSON.stringify(KEY) }];
    served = [];
    expect(await fetchSearchKey(base, 5_000)).toEqual(KEY);
    expect(served).toEqual(['GET /search-key', 'GET /search-key']);
  });

  it('fails with the part, the last answer and the fix when no key comes', async () => {
    answers = [{ status: 503, body: '{"error":"search key not ensured yet; Meilisearch may be unreachable"}' }];
    served = [];
    const err = await fetchSearchKey(base, 100).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect(err).toMatchObject({ part: 'search-sync', fix: expect.stringContaining('MEILI_MASTER_KEY') });
    expect((err as Error).message).toMatch(/did not hand out the search key: .*last error: HTTP 503 .*Meilisearch may be unreachable/);
  });
});
