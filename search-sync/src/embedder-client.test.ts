import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedderClient, EmbedderError } from './embedder-client.ts';

const KEY = 'embedder-client-key-0123';
const requests: { auth?: string; texts: string[] }[] = [];
let reply: (texts: string[]) => { status: number; body: string } = (texts) => ({
  status: 200,
  body: JSON.stringify({ embeddings: texts.map((t) => [t.length, 0]) }),
});
let server: http.Server;
let url = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const texts = (JSON.parse(Buffer.concat(chunks).toString()) as { input: string[] }).input;
      requests.push({ auth: req.headers.authorization, texts });
      const { status, body } = reply(texts);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createEmbedderClient', () => {
  it('sends the key and the texts in requests of at most 16, and keeps their order', async () => {
    requests.length = 0;
    const texts = Array.from({ length: 20 }, (_, i) => 'x'.repeat(i + 1));
    const vectors = await createEmbedderClient(url, KEY).embed(texts);
    expect(vectors.map((v) => v[0])).toEqual(texts.map((t) => t.length));
    expect(requests.map((r) => r.texts.length)).toEqual([16, 4]);
    expect(requests.every((r) => r.auth === `Bearer ${KEY}`)).toBe(true);
  });

  it.each([
    ['an error status', () => ({ status: 503, body: '{"error":"busy"}' }), /HTTP 503 .*busy/],
    ['too few vectors', () => ({ status: 200, body: '{"embeddings":[]}' }), /not 1 vectors/],
    ['text that is not JSON', () => ({ status: 200, body: '<html>' }), /not JSON/],
  ])('fails naming the URL on %s', async (_name, answer, message) => {
    reply = answer;
    const error = await createEmbedderClient(url, KEY)
      .embed(['x'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderError);
    expect((error as Error).message).toContain(`${url}/embed`);
    expect((error as Error).message).toMatch(message);
  });

  it('sends a request again once when the kept-alive socket it went out on was closed', async () => {
    // Closes every socket when a second request arrives on it, as a server whose keep-alive
    // timeout ran out as the request was sent.
    const served = new WeakSet<object>();
    let dropped = 0;
    const closing = http.createServer((req, res) => {
      if (served.has(req.socket)) {
        dropped++;
        req.socket.destroy();
        return;
      }
      served.add(req.socket);
      req.resume().on('end', () => res.writeHead(200).end('{"embeddings":[[1]]}'));
    });
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
    try {
      const client = createEmbedderClient(`http://127.0.0.1:${(closing.address() as AddressInfo).port}`, KEY);
      await expect(client.embed(['a'])).resolves.toEqual([[1]]);
      await expect(client.embed(['b'])).resolves.toEqual([[1]]);
      expect(dropped).toBe(1);
    } finally {
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    }
  });

  it('fails naming the URL when nothing listens there', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(createEmbedderClient(`http://127.0.0.1:${port}`, KEY).embed(['x'])).rejects.toThrow(/ECONNREFUSED/);
  });
});
