import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonBody } from './http-body.ts';

let server: http.Server;
let url = '';

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const read = await readJsonBody(req, 32);
    if (read.kind === 'aborted') return;
    res.writeHead(read.kind === 'json' ? 200 : read.status).end(JSON.stringify(read));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const post = async (body: string, type = 'application/json') => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, answer: (await res.json()) as { kind: string; value?: unknown } };
};

describe('readJsonBody', () => {
  it('parses a JSON body of any JSON content type', async () => {
    expect(await post('{"a":1}')).toEqual({ status: 200, answer: { kind: 'json', value: { a: 1 } } });
    expect((await post('[1]', 'application/merge-patch+json; charset=utf-8')).answer.value).toEqual([1]);
  });

  it('refuses another content type (415), a body over the limit (413) and text that is not JSON (400)', async () => {
    expect((await post('{"a":1}', 'text/plain')).status).toBe(415);
    expect(await post(`{"a":"${'x'.repeat(40)}"}`)).toEqual({
      status: 413,
      answer: { kind: 'refused', status: 413, error: 'body larger than 32 bytes' },
    });
    expect((await post('{not json')).status).toBe(400);
  });
});
