import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_EMBED_BODY_BYTES, MAX_TEXTS_PER_REQUEST } from '@stackguide/contracts/embedder';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler.ts';
import { createServer } from './server.ts';

const KEY = 'test-embedder-key-0123';
/** Vectors that say which text they belong to: [length, 1/3]. */
const fakeRun = async (texts: string[]) => texts.map((t) => Float32Array.of(t.length, 1 / 3));
let gate: Promise<void> = Promise.resolve();
const scheduler = new Scheduler(async (texts) => {
  await gate;
  return fakeRun(texts);
}, 1);
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = createServer({ scheduler, model: { id: 'fake', dimensions: 2 }, apiKey: KEY, log: pino({ level: 'silent' }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const embed = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/embed`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    body,
  });

describe('POST /embed', () => {
  it('answers one vector per text, in order', async () => {
    const res = await embed(JSON.stringify({ input: ['ab', 'abcd'] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      embeddings: [
        [2, 0.3333333],
        [4, 0.3333333],
      ],
    });
  });

  it.each([
    ['no key', { authorization: '' }, 401],
    ['a wrong key', { authorization: 'Bearer not-the-key-at-all' }, 401],
    ['another content type', { 'content-type': 'text/plain' }, 415],
  ])('refuses %s', async (_name, headers, status) => {
    expect((await embed(JSON.stringify({ input: ['x'] }), headers)).status).toBe(status);
  });

  it.each([
    ['text that is not JSON', '{"input": ['],
    ['no texts', '{"input": []}'],
    ['a text that is not a string', '{"input": [42]}'],
    ['another shape', '{"texts": ["x"]}'],
  ])('answers 400 to %s', async (_name, body) => {
    const res = await embed(body);
    expect(res.status).toBe(400);
    expect((await res.json()) as object).toHaveProperty('error');
  });

  it('answers 413 to too many texts or too large a body', async () => {
    const many = Array.from({ length: MAX_TEXTS_PER_REQUEST + 1 }, () => 'x');
    expect((await embed(JSON.stringify({ input: many }))).status).toBe(413);
    expect((await embed(JSON.stringify({ input: ['x'.repeat(MAX_EMBED_BODY_BYTES)] }))).status).toBe(413);
  });

  it('answers 503 while its queue is full, and serves again once it drains', async () => {
    let open = () => {};
    gate = new Promise((resolve) => {
      open = resolve;
    });
    const running = embed(JSON.stringify({ input: ['running'] }));
    await new Promise((r) => setTimeout(r, 50));
    const waiting = embed(JSON.stringify({ input: ['waiting'] }));
    await new Promise((r) => setTimeout(r, 50));
    expect((await embed(JSON.stringify({ input: ['refused'] }))).status).toBe(503);
    open();
    expect((await running).status).toBe(200);
    expect((await waiting).status).toBe(200);
    expect((await embed(JSON.stringify({ input: ['again'] }))).status).toBe(200);
  });
});

describe('other routes', () => {
  it('answers /health without a key', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', model: 'fake', dimensions: 2, queued: 0 });
  });

  it('answers 405 to GET /embed and 404 elsewhere', async () => {
    expect((await fetch(`${base}/embed`)).status).toBe(405);
    expect((await fetch(`${base}/vectors`)).status).toBe(404);
  });
});
