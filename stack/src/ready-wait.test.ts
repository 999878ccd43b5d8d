import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForReady } from './ready-wait.ts';

let server: http.Server;
let base: string;
let answers: unknown[] = [];
let served = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    const body = answers[Math.min(served++, answers.length - 1)];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('waitForReady', () => {
  it('keeps polling until the status says ready', async () => {
    answers = [{ ready: false }, { ready: false }, { ready: true }];
    served = 0;
    await waitForReady(`${base}/status`, 10_000, () => true, 10);
    expect(served).toBe(3);
  });

  it('gives up at the deadline and says what it last saw', async () => {
    answers = [{ ready: false }];
    served = 0;
    await expect(waitForReady(`${base}/status`, 200, () => true, 10)).rejects.toThrow(
      /timed out .* waiting for .*\/status to report ready \(last error: ready: false\)/,
    );
  });

  it('stops at once when the process died', async () => {
    await expect(waitForReady(`${base}/status`, 10_000, () => false)).rejects.toThrow('the process exited while waiting');
  });
});
