import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { SyncQueue } from './queue.ts';
import { listen } from './server.ts';
import { MAX_WEBHOOK_BYTES, handleWebhook } from './webhook.ts';

const SECRET = 'webhook-secret-123';
let dir: string;
let queue: SyncQueue;
let server: http.Server;
let url: string;
let unknownEntries = 0;
let depthWhenReplied: number | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-sync-webhook-'));
  queue = new SyncQueue(dir);
  const deps = {
    secret: SECRET,
    queue,
    metrics: new Metrics(),
    log: createLogger('silent'),
    onQueued: () => undefined,
    onUnknownEntry: () => void unknownEntries++,
  };
  server = http.createServer((req, res) => {
    const end = res.end.bind(res);
    res.end = ((...args: Parameters<typeof end>) => {
      depthWhenReplied = queue.depth();
      return end(...args);
    }) as typeof res.end;
    void handleWebhook(req, res, deps);
  });
  url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/webhooks/strapi`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  queue.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  queue.db.exec('DELETE FROM queue');
});

function post(body: string | Uint8Array, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json', ...headers },
    body,
  });
}
const event = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    event: 'entry.publish',
    createdAt: new Date().toISOString(),
    model: 'article',
    entry: { id: 1, documentId: 'doc1' },
    ...over,
  });

describe('POST /webhooks/strapi', () => {
  it('401 without or with a wrong token, nothing queued', async () => {
    expect((await post(event(), { authorization: '' })).status).toBe(401);
    expect((await post(event(), { authorization: 'Bearer nope' })).status).toBe(401);
    expect(queue.depth()).toBe(0);
  });

  it('415 for non-JSON content types', async () => {
    expect((await post(event(), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(event(), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('413 above 256 KB, declared or streamed', async () => {
    const big = event({ entry: { documentId: 'doc1', body: 'x'.repeat(MAX_WEBHOOK_BYTES) } });
    expect((await post(big)).status).toBe(413);
    const chunked = new ReadableStream({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
        c.close();
      },
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(queue.depth()).toBe(0);
  });

  it('400 for malformed JSON or missing fields', async () => {
    expect((await post('{"event":')).status).toBe(400);
    expect((await post(JSON.stringify({ model: 'article', entry: null }))).status).toBe(400);
    expect((await post(JSON.stringify({ event: 'entry.publish', model: 'article' }))).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
  });

  it('202 and ignores other models', async () => {
    const res = await post(event({ model: 'user', uid: 'plugin::users-permissions.user' }));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ ignored: true });
    expect(queue.depth()).toBe(0);
  });

  it('queues a relevant event durably before replying 202, coalescing duplicates', async () => {
    const res = await post(event({ event: 'entry.delete' }), { 'content-type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(202);
    expect(depthWhenReplied).toBe(1);
    await post(event({ event: 'entry.delete' }));
    expect(queue.due(10)).toMatchObject([{ kind: 'article', documentId: 'doc1', version: 2 }]);
  });

  it('queues one vocabulary item for any save of the search settings, with or without an entry', async () => {
    await post(event({ event: 'entry.update', model: 'search-setting', entry: { id: 1, documentId: 'settings-doc' } }));
    await post(event({ event: 'entry.create', model: 'search-setting', entry: null }));
    expect(queue.due(10)).toMatchObject([{ kind: 'search-setting', documentId: 'search-setting', version: 2 }]);
  });

  it('keeps the role slug as a hint and schedules a reconcile when entry is null', async () => {
    await post(event({ model: 'role', entry: { documentId: 'r1', slug: 'backend-developer' } }));
    expect(queue.due(10)).toMatchObject([{ kind: 'role', documentId: 'r1', hint: 'backend-developer' }]);
    const before = unknownEntries;
    const res = await post(event({ entry: null }));
    expect(res.status).toBe(202);
    expect(unknownEntries).toBe(before + 1);
  });
});
