import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_RETRY, StrapiClient, StrapiError } from './strapi-client.ts';

const FAST = { attempts: 3, baseDelayMs: 1 };
let server: http.Server | undefined;

/** A server answering each request with the next of `answers` (status, body), the last one repeating. */
async function serve(answers: [number, string][]): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  server = http.createServer((req, res) => {
    const [status, body] = answers[Math.min(hits, answers.length - 1)]!;
    hits++;
    expect(req.headers.authorization).toBe('Bearer t0ken');
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

const failure = (run: Promise<unknown>) =>
  run.then(
    () => expect.fail('expected a StrapiError'),
    (err: unknown) => err as StrapiError,
  );

describe('StrapiClient.getJson', () => {
  it('retries a 5xx answer and returns the JSON once it succeeds', async () => {
    const cms = await serve([
      [503, '{}'],
      [200, '{"data":[1]}'],
    ]);
    const client = new StrapiClient({ baseUrl: cms.url, token: 't0ken', retry: FAST });
    expect(await client.getJson('/api/articles', new URLSearchParams({ a: '1' }))).toEqual({ data: [1] });
    expect(cms.hits()).toBe(2);
  });

  it('gives up after the last attempt, naming the URL, the status and the fix', async () => {
    const cms = await serve([[502, 'bad gateway']]);
    const err = await failure(new StrapiClient({ baseUrl: cms.url, token: 't0ken', retry: FAST }).getJson('/api/roles'));
    expect(err).toBeInstanceOf(StrapiError);
    expect(err).toMatchObject({ status: 502, attempts: 3, url: `${cms.url}/api/roles` });
    expect(err.message).toBe(
      `Strapi request GET ${cms.url}/api/roles failed with HTTP 502 after 3 attempt(s) (Strapi said: bad gateway). Fix: start the CMS (npm start), set STRAPI_URL to its address, check STRAPI_READ_TOKEN.`,
    );
  });

  it('does not retry an answer retrying cannot fix, and reads a 404 as null when asked to', async () => {
    const cms = await serve([[403, '{"error":{"status":403}}']]);
    const client = new StrapiClient({ baseUrl: cms.url, token: 't0ken', retry: FAST });
    expect(await failure(client.getJson('/api/articles'))).toMatchObject({ status: 403, attempts: 1 });
    expect(cms.hits()).toBe(1);
    const missing = await serve([[404, '{}']]);
    expect(
      await new StrapiClient({ baseUrl: missing.url, token: 't0ken' }).getJson('/api/search-setting', undefined, { allow404: true }),
    ).toBeNull();
  });

  it('retries a CMS that is not there, then says it is unreachable, without a status', async () => {
    const cms = await serve([[200, '{}']]);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const err = await failure(new StrapiClient({ baseUrl: cms.url, token: 't0ken', retry: FAST }).getJson('/api/articles'));
    expect(err).toMatchObject({ status: undefined, attempts: 3 });
    expect(err.message).toMatch(/failed with ECONNREFUSED after 3 attempt/);
    expect((await failure(new StrapiClient({ baseUrl: cms.url, retry: NO_RETRY }).getJson('/x'))).attempts).toBe(1);
  });

  it('refuses an answer that is not JSON', async () => {
    const cms = await serve([[200, '<html>login</html>']]);
    const err = await failure(new StrapiClient({ baseUrl: cms.url, token: 't0ken', retry: FAST }).getJson('/api/articles'));
    expect(err.message).toContain('HTTP 200 with a body that is not JSON after 1 attempt(s)');
  });
});

describe('StrapiClient.keyset', () => {
  it('pages after the last id until a page comes back short, with the first page’s total', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ id: i * 2 + 1 }));
    const asked: number[] = [];
    const client = new StrapiClient({ baseUrl: 'http://127.0.0.1:9' });
    const pages = [];
    for await (const page of client.keyset(async (after) => {
      asked.push(after);
      return { items: rows.filter((r) => r.id > after).slice(0, 3), total: after === 0 ? rows.length : undefined };
    }, 3))
      pages.push(page);
    expect(asked).toEqual([0, 5, 11]);
    expect(pages.map((p) => [p.items.length, p.total])).toEqual([
      [3, 7],
      [3, 7],
      [1, 7],
    ]);
  });
});
