import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WaitError, waitFor, waitForHttp } from './wait.ts';

describe('waitFor', () => {
  it('resolves with the first truthy value, treating errors and falsy values as "not yet"', async () => {
    let calls = 0;
    const value = await waitFor(
      'the third call',
      () => {
        calls++;
        if (calls === 1) throw new Error('not up');
        return calls === 3 ? { calls } : undefined;
      },
      { intervalMs: 1 },
    );
    expect(value).toEqual({ calls: 3 });
  });

  it('times out naming what it waited for and the last error', async () => {
    const err = await waitFor(
      'the index to fill',
      () => {
        throw new Error('3 of 5 documents');
      },
      { timeoutMs: 50, intervalMs: 5 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitError);
    expect((err as WaitError).what).toBe('the index to fill');
    expect((err as Error).message).toMatch(/^timed out after 0 s waiting for the index to fill \(last error: 3 of 5 documents\)$/);
    expect((err as Error).cause).toBeInstanceOf(Error);
  });

  it('stops at once when the process it waits for has died', async () => {
    let checks = 0;
    const started = Date.now();
    const err = await waitFor('strapi', () => checks++ > 100, { timeoutMs: 10_000, intervalMs: 1, isAlive: () => checks < 2 }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toBe('the process exited while waiting for strapi');
    expect(checks).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('waitForHttp', () => {
  let server: http.Server;
  let base: string;
  let statuses: number[] = [];
  let served = 0;

  beforeAll(async () => {
    server = http.createServer((_req, res) => res.writeHead(statuses[Math.min(served++, statuses.length - 1)] ?? 500).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('polls until the URL answers 2xx', async () => {
    statuses = [503, 503, 204];
    served = 0;
    await waitForHttp(`${base}/health`, { timeoutMs: 5_000, intervalMs: 1 });
    expect(served).toBe(3);
  });

  it('accepts other statuses when told to', async () => {
    statuses = [401];
    served = 0;
    await waitForHttp(`${base}/`, { timeoutMs: 5_000, ok: (status) => status === 401 });
    expect(served).toBe(1);
  });

  it('names the URL and the last status when it gives up', async () => {
    statuses = [503];
    await expect(waitForHttp(`${base}/health`, { timeoutMs: 50, intervalMs: 5 })).rejects.toThrow(
      `waiting for ${base}/health (last error: HTTP 503)`,
    );
  });

  it('names the connection error when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(waitForHttp(url, { timeoutMs: 50, intervalMs: 5 })).rejects.toThrow(/last error: connect ECONNREFUSED/);
  });
});
